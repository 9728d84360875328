#include "StandaloneAudio.h"

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

void showStandaloneAudioSettings()
{
    if (auto* holder = juce::StandalonePluginHolder::getInstance())
        holder->showAudioSettingsDialog();
}

} // namespace iemeq::ui
