// iemeq-app: the standalone build is a music player with a correction, not an effect fed by a
// microphone. So its window asks JUCE's standalone holder for outputs only (no audio input is
// opened, hence no "Audio input is muted to avoid feedback loop" banner), and its Options menu
// opens iemeq's own audio settings: output device, rate and buffer, no inputs, no MIDI.
// The standalone wrapper is built with JUCE_USE_CUSTOM_PLUGIN_STANDALONE_APP (cmake/IemeqPlugin.cmake),
// so it takes its application from juce_CreateApplication() below.
#include "StandaloneAudio.h"

#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_audio_utils/juce_audio_utils.h>
#include <juce_gui_extra/juce_gui_extra.h>

#include <juce_audio_plugin_client/Standalone/juce_StandaloneFilterWindow.h>

namespace iemeq::ui {

namespace {

juce::Array<juce::StandalonePluginHolder::PluginInOuts> standaloneChannels()
{
    const auto [ins, outs] = standaloneChannelCounts();
    return { juce::StandalonePluginHolder::PluginInOuts { static_cast<short>(ins), static_cast<short>(outs) } };
}

class AppWindow final : public juce::StandaloneFilterWindow {
public:
    AppWindow(const juce::String& title, juce::PropertySet* settings)
        : juce::StandaloneFilterWindow(title, juce::Colour(0xff1b1d22), settings, false, {}, nullptr, standaloneChannels())
    {
    }

private:
    // The window's "Options" button (JUCE's menu would open its Audio/MIDI dialog).
    void buttonClicked(juce::Button*) override
    {
        standaloneOptionsMenu().showMenuAsync(juce::PopupMenu::Options(), [safe = juce::Component::SafePointer<AppWindow>(this)](int id) {
            if (safe == nullptr)
                return;
            if (id == 1)
                showStandaloneAudioSettings();
            else if (id == 4)
                safe->resetToDefaultState();
        });
    }
};

} // namespace

juce::PopupMenu standaloneOptionsMenu()
{
    juce::PopupMenu m;
    m.addItem(1, "Audio settings...");
    m.addSeparator();
    m.addItem(4, "Reset to default state");
    return m;
}

std::unique_ptr<juce::DocumentWindow> makeStandaloneWindow(const juce::String& title, juce::PropertySet* settings)
{
    return std::make_unique<AppWindow>(title, settings);
}

namespace {

class App final : public juce::JUCEApplication {
public:
    App()
    {
        juce::PropertiesFile::Options options;
        options.applicationName = getApplicationName();
        options.filenameSuffix = ".settings";
        options.osxLibrarySubFolder = "Application Support";
#if JUCE_LINUX || JUCE_BSD
        options.folderName = "~/.config";
#endif
        properties_.setStorageParameters(options);
    }
    const juce::String getApplicationName() override { return JucePlugin_Name; }
    const juce::String getApplicationVersion() override { return JucePlugin_VersionString; }
    bool moreThanOneInstanceAllowed() override { return true; }
    void anotherInstanceStarted(const juce::String&) override {}

    void initialise(const juce::String&) override
    {
        window_ = makeStandaloneWindow(getApplicationName(), properties_.getUserSettings());
        window_->setVisible(true);
    }
    void shutdown() override
    {
        window_ = nullptr;
        properties_.saveIfNeeded();
    }
    void systemRequestedQuit() override
    {
        if (auto* w = dynamic_cast<juce::StandaloneFilterWindow*>(window_.get()))
            w->pluginHolder->savePluginState();
        if (juce::ModalComponentManager::getInstance()->cancelAllModalComponents())
            juce::Timer::callAfterDelay(100, [] {
                if (auto* app = juce::JUCEApplicationBase::getInstance())
                    app->systemRequestedQuit();
            });
        else
            quit();
    }

private:
    juce::ApplicationProperties properties_;
    std::unique_ptr<juce::DocumentWindow> window_;
};

} // namespace

} // namespace iemeq::ui

#if JucePlugin_Build_Standalone
juce::JUCEApplicationBase* juce_CreateApplication();
juce::JUCEApplicationBase* juce_CreateApplication()
{
    return new iemeq::ui::App();
}
#endif
