#include "PlayerComponent.h"

#include "StandaloneAudio.h"
#include "Theme.h"

namespace iemeq::ui {

static juce::String clock(double s)
{
    const int t = static_cast<int>(s);
    return juce::String(t / 60) + ":" + juce::String(t % 60).paddedLeft('0', 2);
}

PlayerComponent::PlayerComponent(plugin::MusicPlayer& player) : player_(player)
{
    setTitle("Music player");
    open_.setTooltip("Open a WAV, FLAC, OGG or MP3 track (or drop one here)");
    open_.onClick = [this] {
        chooser_ = std::make_unique<juce::FileChooser>("Open a track", juce::File(), plugin::MusicPlayer::wildcard());
        chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                              [this](const juce::FileChooser& fc) {
                                  if (fc.getResult() != juce::File())
                                      open(fc.getResult());
                              });
    };
    play_.setTooltip("Play / pause (space)");
    play_.addShortcut(juce::KeyPress(juce::KeyPress::spaceKey));
    play_.onClick = [this] { player_.setPlaying(!player_.isPlaying()); };
    loop_.setToggleState(player_.isLooping(), juce::dontSendNotification);
    loop_.onClick = [this] { player_.setLooping(loop_.getToggleState()); };
    position_.setSliderStyle(juce::Slider::LinearHorizontal);
    position_.setTextBoxStyle(juce::Slider::NoTextBox, true, 0, 0);
    position_.setRange(0.0, 1.0);
    position_.setTitle("Playback position");
    position_.setColour(juce::Slider::backgroundColourId, theme::panel.brighter(0.3f));
    position_.setColour(juce::Slider::trackColourId, theme::accent.withAlpha(0.7f));
    position_.onDragEnd = [this] { player_.seek(position_.getValue() * player_.lengthSeconds()); };
    position_.onValueChange = [this] {
        if (!position_.isMouseButtonDown())
            player_.seek(position_.getValue() * player_.lengthSeconds());
    };
    name_.setText(player_.hasTrack() ? player_.trackName() : "No track: open or drop one", juce::dontSendNotification);
    name_.setColour(juce::Label::textColourId, theme::dimText);
    name_.setFont(juce::Font(14.0f));
    time_.setJustificationType(juce::Justification::centredRight);
    notice_.setColour(juce::Label::textColourId, theme::warning);
    audioSettings_.setTooltip("Choose the audio output device");
    audioSettings_.onClick = [] { showStandaloneAudioSettings(); };
    addChildComponent(notice_);
    addChildComponent(audioSettings_);
    for (juce::Component* c : std::initializer_list<juce::Component*> { &open_, &play_, &loop_, &position_, &name_, &time_ })
        addAndMakeVisible(c);
    startTimerHz(15);
}

void PlayerComponent::open(const juce::File& file)
{
    name_.setText("Loading " + file.getFileName() + "...", juce::dontSendNotification);
    player_.load(file, [safe = juce::Component::SafePointer<PlayerComponent>(this), file](juce::String error) {
        if (safe == nullptr)
            return;
        safe->name_.setText(error.isEmpty() ? file.getFileNameWithoutExtension() : error, juce::dontSendNotification);
        if (error.isEmpty())
            safe->player_.setPlaying(true);
    });
}

bool PlayerComponent::isInterestedInFileDrag(const juce::StringArray& files)
{
    return files.size() == 1 && juce::File(files[0]).hasFileExtension("wav;flac;ogg;mp3;aif;aiff");
}

void PlayerComponent::filesDropped(const juce::StringArray& files, int, int)
{
    open(juce::File(files[0]));
}

void PlayerComponent::timerCallback()
{
    const double len = player_.lengthSeconds(), pos = player_.positionSeconds();
    if (!position_.isMouseButtonDown() && len > 0)
        position_.setValue(pos / len, juce::dontSendNotification);
    time_.setText(clock(pos) + " / " + clock(len), juce::dontSendNotification);
    play_.setButtonText(player_.isPlaying() ? "Pause" : "Play");
    play_.setEnabled(player_.hasTrack());
    // Nothing can be heard without an output device: say so instead of a clock standing at 0:00.
    const juce::String problem = standaloneOutputProblem();
    if (notice_.isVisible() != problem.isNotEmpty()) {
        notice_.setVisible(problem.isNotEmpty());
        audioSettings_.setVisible(problem.isNotEmpty());
        position_.setVisible(problem.isEmpty());
        resized();
    }
    notice_.setText(problem + ": nothing can be heard.", juce::dontSendNotification);
}

void PlayerComponent::paint(juce::Graphics& g)
{
    g.setColour(theme::panel);
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 6.0f);
}

void PlayerComponent::resized()
{
    auto r = getLocalBounds().reduced(8, 6);
    open_.setBounds(r.removeFromLeft(110));
    r.removeFromLeft(6);
    play_.setBounds(r.removeFromLeft(70));
    r.removeFromLeft(6);
    loop_.setBounds(r.removeFromLeft(64));
    time_.setBounds(r.removeFromRight(90));
    name_.setBounds(r.removeFromLeft(std::min(260, std::max(r.getWidth() / 3, 190))));
    position_.setBounds(r);
    if (audioSettings_.isVisible())
        audioSettings_.setBounds(r.removeFromRight(130));
    notice_.setBounds(r);
}

} // namespace iemeq::ui
