#include "StandaloneAudio.h"

#include "dsp/preset/PresetExport.h"
#include "plugin/PluginProcessor.h"

#include <iostream>

// The wrapper's header expects the modules it builds on to be included first.
#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_audio_utils/juce_audio_utils.h>
#include <juce_gui_extra/juce_gui_extra.h>

#include <juce_audio_plugin_client/Standalone/juce_StandaloneFilterWindow.h>

namespace iemeq::ui {

bool isStandaloneApp()
{
    return juce::StandalonePluginHolder::getInstance() != nullptr;
}

juce::String standaloneOutputProblem()
{
    auto* holder = juce::StandalonePluginHolder::getInstance();
    if (holder == nullptr)
        return {};
    auto* device = holder->deviceManager.getCurrentAudioDevice();
    if (device == nullptr)
        return "No audio output device is open";
    if (device->getActiveOutputChannels().countNumberOfSetBits() == 0)
        return "The audio device " + device->getName() + " has no output channel switched on";
    if (!device->isPlaying())
        return "The audio device " + device->getName() + " is not running";
    return {};
}

std::unique_ptr<juce::Component> makeAudioSettingsComponent(juce::AudioDeviceManager& devices)
{
    // Outputs only (as stereo pairs), no MIDI in or out, everything shown at once.
    auto c = std::make_unique<juce::AudioDeviceSelectorComponent>(devices, 0, 0, 1, 2, false, false, true, false);
    c->setSize(500, 360);
    return c;
}

void showStandaloneAudioSettings()
{
    auto* holder = juce::StandalonePluginHolder::getInstance();
    if (holder == nullptr)
        return;
    juce::DialogWindow::LaunchOptions o;
    o.content.setOwned(makeAudioSettingsComponent(holder->deviceManager).release());
    o.dialogTitle = "Audio settings";
    o.dialogBackgroundColour = juce::Colour(0xff1b1d22);
    o.escapeKeyTriggersCloseButton = true;
    o.useNativeTitleBar = true;
    o.resizable = false;
    o.launchAsync();
}

} // namespace iemeq::ui

namespace iemeq::ui {

namespace {

class AbSwitcher final : public juce::Timer {
public:
    explicit AbSwitcher(plugin::IemeqProcessor& p) : processor_(p) {}
    void timerCallback() override
    {
        auto* param = processor_.parameters().getParameter(plugin::ParamID::correction);
        param->setValueNotifyingHost(param->getValue() > 0.5f ? 0.0f : 1.0f);
    }

private:
    plugin::IemeqProcessor& processor_;
};

juce::File argumentFile(const juce::String& path)
{
    return juce::File::getCurrentWorkingDirectory().getChildFile(path);
}

} // namespace

std::shared_ptr<juce::Timer> applyStandaloneCommandLine(plugin::IemeqProcessor& p)
{
    static bool applied = false;
    auto* holder = juce::StandalonePluginHolder::getInstance();
    if (applied || holder == nullptr)
        return nullptr;
    applied = true;
    std::shared_ptr<juce::Timer> switcher;
    int switchMs = 0;
    juce::File track;
    const juce::StringArray args = juce::JUCEApplicationBase::getCommandLineParameterArray();
    for (int i = 0; i < args.size(); ++i) {
        const juce::String& a = args[i];
        const bool value = i + 1 < args.size();
        if (a == "--audio-device-type" && value) {
            const juce::String type = args[++i];
            holder->deviceManager.setCurrentAudioDeviceType(type, true);
            if (holder->deviceManager.getCurrentAudioDeviceType() != type || holder->deviceManager.getCurrentAudioDevice() == nullptr)
                std::cerr << "iemeq-app: cannot open a " << type << " audio device\n";
        } else if (a == "--preset" && value) {
            try {
                p.loadSpec(importPresetFile(argumentFile(args[++i]).getFullPathName().toStdString()).spec);
                p.waitForDesign(20000);
            } catch (const std::exception& e) {
                std::cerr << "iemeq-app: " << e.what() << "\n";
            }
        } else if (a == "--play" && value) {
            track = argumentFile(args[++i]);
        } else if (a == "--no-loop") {
            if (auto* player = p.player())
                player->setLooping(false);
        } else if (a == "--ab-every" && value) {
            switchMs = static_cast<int>(args[++i].getDoubleValue() * 1000.0);
            if (switchMs > 0)
                switcher = std::make_shared<AbSwitcher>(p);
        }
    }
    if (auto* player = p.player(); player != nullptr && track != juce::File())
        player->load(track, [&p, player, weak = std::weak_ptr<juce::Timer>(switcher), switchMs](juce::String error) {
            if (error.isNotEmpty()) {
                std::cerr << "iemeq-app: " << error << "\n";
                return;
            }
            p.waitForProgrammeAnalysis(20000);
            player->setPlaying(true);
            if (auto s = weak.lock())
                s->startTimer(switchMs);
        });
    return switcher;
}

} // namespace iemeq::ui
