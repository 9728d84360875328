#pragma once
// iemeq's AudioProcessor: owns the user's curves and parameters (message thread), asks the design
// worker for corrections and runs the newest one on the audio thread without locks or allocation.
#include "plugin/core/ComparisonPath.h"
#include "plugin/core/DesignWorker.h"
#include "plugin/core/ProgrammeAnalysis.h"
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
    // The treble policy (dsp/design/TreblePolicy.h) is a design choice like the layout, not an
    // automatable parameter: it lives in the spec, so state, presets and exports carry it.
    void setTreblePolicy(TreblePolicy policy);
    TreblePolicy treblePolicy() const { return inputs_->spec.peq.treble; }
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

    // --- Listening (message thread; PluginListening.cpp). The two sides the audio thread plays:
    // normally A = the current correction and B = the original (the A/B parameter chooses); in a
    // blind comparison the two things compared. Both are kept equally loud (see ComparisonPath).
    // The trims now: correctedDb is side A's, originalDb side B's.
    listening::MatchGains matchGains() const;
    // true: the difference comes from analysing the whole track (the standalone player);
    // false: measured live on the audio thread.
    bool matchFromProgramme() const { return matchKnown_.load(); }
    // A correction for one side of a comparison, designed at the current rate (any thread).
    std::shared_ptr<const DesignResult> designForComparison(const CorrectionSpec& spec) const;
    // Starts a blind comparison: `a` and `b` are designs (latestDesign(), designForComparison())
    // or null for the original. Both run until stopComparison(); the design worker's new results
    // wait until then. Plays A. Throws iemeq::Error when a design does not fit the current rate.
    void startComparison(std::shared_ptr<const DesignResult> a, std::shared_ptr<const DesignResult> b);
    void stopComparison();
    bool comparing() const { return comparison_ != nullptr; }
    // A switch to side `s`: the same crossfade every time, also to the side already playing.
    void playSide(listening::Side s);
    // Both sides have been playing long enough to sound as designed (FIR warm-up, fades).
    bool comparisonSettled() const { return settled_.load(); }
    // Standalone: waits for the track's loudness analysis (tests).
    bool waitForProgrammeAnalysis(int timeoutMs);
    // Blocks processed so far: stands still when no audio flows (the UI says so).
    std::uint64_t blocksProcessed() const { return blocks_.load(std::memory_order_relaxed); }

private:
    // A blind comparison as the audio thread receives it (inactive: back to normal A/B).
    struct ComparisonSetup {
        bool active = false;
        std::uint64_t tag = 0;  // names the pair for the programme analysis
        std::shared_ptr<const DesignResult> a, b;
        int settleSamples = 0;
    };

    void parameterChanged(const juce::String& id, float newValue) override;
    void handleAsyncUpdate() override;
    void timerCallback() override;
    void requestDesign(bool synchronous);
    void handKernel(const DesignResult& r);  // design thread: FIR kernels to the convolver
    // Audio thread: new designs, comparisons, switches and programme analyses reach the path.
    void updateListening(int numSamples) noexcept;
    void applyLiveDesign(const DesignResult* r, bool immediately) noexcept;
    bool prepareComparison(const ComparisonSetup& setup);  // prepareToPlay: false if it no longer fits
    void requestProgrammeAnalysis();  // message thread (standalone with a track)
    void timerListening();  // message thread, from the timer

    juce::AudioProcessorValueTreeState apvts_;
    ComparisonPath path_;      // before worker_: the worker's hook feeds it until the worker stops
    std::mutex kernelMutex_;   // prepare vs. the design thread's kernel hand-over (never audio)
    std::atomic<bool> preparing_ { false };
    std::vector<std::vector<float>> handedTaps_;  // the convolver's kernel (guarded by kernelMutex_)
    int handedLatency_ = -1;
    bool kernelHeld_ = false;  // a comparison runs: the live kernel waits in handedTaps_ (kernelMutex_)
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

    // Listening. Message thread: the comparison running (null: none), handed to the audio thread
    // through comparisonSlot_; the blind side as (switch count << 1 | side).
    std::shared_ptr<const ComparisonSetup> comparison_;
    std::uint64_t comparisons_ = 0;
    rt::LatestSlot<ComparisonSetup> comparisonSlot_;
    std::atomic<std::uint32_t> blindSelection_ { 0 };
    std::atomic<bool> settled_ { false }, matchKnown_ { false };
    std::atomic<double> trimA_ { 0.0 }, trimB_ { 0.0 };
    std::atomic<std::uint64_t> blocks_ { 0 };
    // The player's analyses (analyser thread -> audio thread) and what was last asked for.
    rt::LatestSlot<ProgrammeNote> noteSlot_;
    std::unique_ptr<ProgrammeAnalyser> analyser_;
    std::uint64_t analysedTag_ = 0, analysedTrack_ = 0;
    // Audio thread only.
    const DesignResult* live_ = nullptr;  // the worker's current result (valid until its next one)
    bool comparingAudio_ = false, knownApplied_ = false;
    std::uint32_t lastSelection_ = 0;
    listening::Side paramSide_ = listening::Side::A;
    std::uint64_t matchTag_ = 0, playingTrack_ = 0;
    double staticDb_ = 0.0;
    long settleLeft_ = 0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR(IemeqProcessor)
};

} // namespace iemeq::plugin
