#pragma once
// The standalone app's audio device, for the parts of the UI that must say when nothing can be
// heard. Inside a DAW there is no such device: isStandaloneApp() is false and the rest do nothing.
#include <juce_core/juce_core.h>

namespace iemeq::ui {

bool isStandaloneApp();
// Empty when an output device is open with at least one output channel, else what is wrong.
juce::String standaloneOutputProblem();
void showStandaloneAudioSettings();

} // namespace iemeq::ui
