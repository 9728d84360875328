#pragma once
// The editor: response graph, file loading (buttons and drag-and-drop), A/B and readouts.
#include "ResponseGraph.h"
#include "plugin/PluginProcessor.h"

#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui {

class IemeqEditor final : public juce::AudioProcessorEditor, public juce::FileDragAndDropTarget {
public:
    explicit IemeqEditor(plugin::IemeqProcessor& p);
    ~IemeqEditor() override;

    void paint(juce::Graphics&) override;
    void resized() override;
    bool isInterestedInFileDrag(const juce::StringArray& files) override;
    void filesDropped(const juce::StringArray& files, int x, int y) override;

    void refresh();  // pulls the latest design and curves from the processor

private:
    void chooseMeasurement();
    void chooseTarget();
    void showError(const juce::String& text);

    plugin::IemeqProcessor& processor_;
    ResponseGraph graph_;
    juce::TextButton loadMeasurement_ { "Load IEM..." }, loadTarget_ { "Load target..." };
    juce::ToggleButton ab_ { "Correction (A/B)" };
    juce::Label readout_, status_;
    juce::Slider amount_, bass_, tilt_, treble_, earGain_, outputGain_;
    juce::Label amountLabel_, bassLabel_, tiltLabel_, trebleLabel_, earGainLabel_, outputGainLabel_;
    using SliderAttachment = juce::AudioProcessorValueTreeState::SliderAttachment;
    using ButtonAttachment = juce::AudioProcessorValueTreeState::ButtonAttachment;
    std::vector<std::unique_ptr<SliderAttachment>> sliderAttachments_;
    std::unique_ptr<ButtonAttachment> abAttachment_;
    std::unique_ptr<juce::FileChooser> chooser_;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR(IemeqEditor)
};

} // namespace iemeq::ui
