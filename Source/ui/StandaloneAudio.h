#pragma once
// The standalone app's audio device, for the parts of the UI that must say when nothing can be
// heard. Inside a DAW there is no such device: isStandaloneApp() is false and the rest do nothing.
#include <juce_core/juce_core.h>
#include <juce_events/juce_events.h>

#include <memory>

namespace iemeq::plugin {
class IemeqProcessor;
}

namespace iemeq::ui {

bool isStandaloneApp();
// Empty when an output device is open with at least one output channel, else what is wrong.
juce::String standaloneOutputProblem();
void showStandaloneAudioSettings();

// Scripted use of the app (demos, the JACK test), once per run:
//   iemeq-app [--audio-device-type JACK|ALSA] [--preset FILE] [--play TRACK] [--no-loop] [--ab-every SECONDS]
// The track starts once the preset's correction and the track's loudness analysis are ready, so
// what is heard from the first sample is the preset, matched. --ab-every switches the
// loudness-matched A/B every SECONDS from then on; the returned timer does that (keep it while the
// editor lives; null when not asked for). Problems go to stderr in one line each.
std::shared_ptr<juce::Timer> applyStandaloneCommandLine(plugin::IemeqProcessor& processor);

} // namespace iemeq::ui
