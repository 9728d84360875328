#pragma once
// iemeq's AudioProcessor: owns the user's curves and parameters (message thread), asks the design
// worker for corrections and runs the newest one on the audio thread without locks or allocation.
#include "plugin/core/CorrectionEngine.h"
#include "plugin/core/DesignWorker.h"
#include "MusicPlayer.h"
#include "Parameters.h"
#include "plugin/core/PluginState.h"


#include <juce_audio_processors/juce_audio_processors.h>

#include <atomic>
#include <mutex>
#include <optional>

namespace iemeq::plugin {

class IemeqProcessor final : public juce::AudioProcessor,
                             private juce::AudioProcessorValueTreeState::Listener,
                             private juce::AsyncUpdater,
                             private juce::Timer {
public:
    IemeqProcessor();
    ~IemeqProcessor() override;

    // --- juce::AudioProcessor
    void prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock) override;
    void releaseResources() override {}
    bool isBusesLayoutSupported(const BusesLayout& layouts) const override;
    void processBlock(juce::AudioBuffer<float>&, juce::MidiBuffer&) override;
    using AudioProcessor::processBlock;

    juce::AudioProcessorEditor* createEditor() override;
    bool hasEditor() const override { return true; }
    const juce::String getName() const override { return "iemeq"; }
    bool acceptsMidi() const override { return false; }
    bool producesMidi() const override { return false; }
    double getTailLengthSeconds() const override { return 0.05; }
    int getNumPrograms() override { return 1; }
    int getCurrentProgram() override { return 0; }
    void setCurrentProgram(int) override {}
    const juce::String getProgramName(int) override { return "Default"; }
    void changeProgramName(int, const juce::String&) override {}
    void getStateInformation(juce::MemoryBlock& destData) override;
    void setStateInformation(const void* data, int sizeInBytes) override;

    // --- iemeq (message thread)
    // Replace the measurement (1 or 2 channels) and/or target; re-designs. Throws iemeq::Error.
    void setInputs(CorrectionInputs inputs);
    void loadMeasurementFiles(const juce::StringArray& paths);  // L (and R) files
    void loadTargetFile(const juce::String& path);
    // Hand-edited filters replace the automatic design: one list for both channels or one per
    // channel (an empty optional goes back to automatic).
    void setManualFilters(std::optional<std::vector<std::vector<PeqFilter>>> filters);
    // A preset's spec: its curves and settings, and the parameters that reproduce it.
    void loadSpec(const CorrectionSpec& spec);
    std::shared_ptr<const CorrectionInputs> inputs() const { return inputs_; }
    std::shared_ptr<const DesignResult> latestDesign() const { return worker_.latestForUi(); }
    DesignSettings currentSettings() const;
    juce::String statusMessage() const { return status_; }
    // Waits until parameter changes are designed and published (tests, offline rendering).
    bool waitForDesign(int timeoutMs);

    juce::AudioProcessorValueTreeState& parameters() { return apvts_; }
    // The standalone app's built-in music player (nullptr inside a DAW).
    MusicPlayer* player() { return player_.get(); }
    std::function<void()> onDesignChanged;  // message thread, after a new design is published

private:
    void parameterChanged(const juce::String& id, float newValue) override;
    void handleAsyncUpdate() override;
    void timerCallback() override;
    void requestDesign(bool synchronous);
    void handKernel(const DesignResult& r);  // design thread: FIR kernels to the convolver

    juce::AudioProcessorValueTreeState apvts_;
    CorrectionEngine engine_;  // before worker_: the worker's hook feeds it until the worker stops
    std::mutex kernelMutex_;   // prepare vs. the design thread's kernel hand-over (never audio)
    std::atomic<bool> preparing_ { false };
    std::vector<std::vector<float>> handedTaps_;  // the convolver's kernel (guarded by kernelMutex_)
    int handedLatency_ = -1;
    DesignWorker worker_;
    std::shared_ptr<const CorrectionInputs> inputs_;
    std::uint64_t generation_ = 0;
    // What the last request asked for: an identical request (e.g. a host echoing parameter values
    // back after a state restore) is not designed again.
    std::shared_ptr<const CorrectionInputs> requestedInputs_;
    DesignSettings requestedSettings_;
    double requestedRate_ = 0.0;
    juce::String status_;

    std::unique_ptr<MusicPlayer> player_;
    std::atomic<double> sampleRate_ { 0.0 };
    std::atomic<bool> needsRedesign_ { false };
    std::atomic<float>* correctionParam_ = nullptr;
    std::atomic<float>* outputGainParam_ = nullptr;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR(IemeqProcessor)
};

} // namespace iemeq::plugin
