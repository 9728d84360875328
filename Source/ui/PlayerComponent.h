#pragma once
// Transport for the standalone app's music player: open (or drop) a track, play/pause, seek, loop.
// When no audio output device is open (or it does not run), it says so and offers the settings.
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
    juce::TextButton open_ { "Open track..." }, play_ { "Play" }, audioSettings_ { "Audio settings..." };
    juce::ToggleButton loop_ { "Loop" };
    juce::Slider position_;
    juce::Label name_, time_, notice_;
    std::unique_ptr<juce::FileChooser> chooser_;
};

} // namespace iemeq::ui
