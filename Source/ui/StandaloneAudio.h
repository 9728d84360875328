#pragma once
// The standalone app's audio device, for the parts of the UI that must say when nothing can be
// heard. Inside a DAW there is no such device: isStandaloneApp() is false and the rest do nothing.
#include <juce_core/juce_core.h>
#include <juce_events/juce_events.h>
#include <juce_audio_devices/juce_audio_devices.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <utility>

namespace iemeq::plugin {
class IemeqProcessor;
}

namespace iemeq::ui {

bool isStandaloneApp();
// Empty when an output device is open with at least one output channel, else what is wrong.
juce::String standaloneOutputProblem();
// The app's audio settings: output device, rate and buffer size; no inputs and no MIDI (a
// music player). Opens nothing inside a DAW.
void showStandaloneAudioSettings();
// The settings' content, for any device manager (tests look at what it offers).
std::unique_ptr<juce::Component> makeAudioSettingsComponent(juce::AudioDeviceManager& devices);
// The app's window (a juce::StandaloneFilterWindow: outputs only, so no feedback-loop banner) and
// its Options menu (audio settings without MIDI). StandaloneApp.cpp.
std::unique_ptr<juce::DocumentWindow> makeStandaloneWindow(const juce::String& title, juce::PropertySet* settings);
juce::PopupMenu standaloneOptionsMenu();
// The channels the app asks the device for: no inputs (nothing to feed back: the music comes
// from the player), two outputs.
inline std::pair<int, int> standaloneChannelCounts() { return { 0, 2 }; }

// Scripted use of the app (demos, the JACK test), once per run:
//   iemeq-app [--audio-device-type JACK|ALSA] [--preset FILE] [--play TRACK] [--no-loop] [--ab-every SECONDS]
// The track starts once the preset's correction and the track's loudness analysis are ready, so
// what is heard from the first sample is the preset, matched. --ab-every switches the
// loudness-matched A/B every SECONDS from then on; the returned timer does that (keep it while the
// editor lives; null when not asked for). Problems go to stderr in one line each.
std::shared_ptr<juce::Timer> applyStandaloneCommandLine(plugin::IemeqProcessor& processor);

} // namespace iemeq::ui
