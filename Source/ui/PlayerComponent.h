#pragma once
// Transport for the standalone app's music player: open (or drop) a track, play/pause, seek, loop.
#include "plugin/MusicPlayer.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui {

class PlayerComponent final : public juce::Component, public juce::FileDragAndDropTarget, private juce::Timer {
public:
    explicit PlayerComponent(plugin::MusicPlayer& player);
    void paint(juce::Graphics&) override;
    void resized() override;
    bool isInterestedInFileDrag(const juce::StringArray& files) override;
    void filesDropped(const juce::StringArray& files, int, int) override;
    void open(const juce::File& file);

private:
    void timerCallback() override;
    plugin::MusicPlayer& player_;
    juce::TextButton open_ { "Open track..." }, play_ { "Play" };
    juce::ToggleButton loop_ { "Loop" };
    juce::Slider position_;
    juce::Label name_, time_;
    std::unique_ptr<juce::FileChooser> chooser_;
};

} // namespace iemeq::ui
