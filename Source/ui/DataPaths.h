#pragma once
// Where the shipped data (Targets/, Presets/) and the user's own presets live. Installed
// builds find them in <prefix>/share/iemeq next to the binary (or the usual share folders, for
// plugins living in ~/.vst3 and ~/.lv2); a build run from the source tree uses the tree's copy.
#include <juce_core/juce_core.h>

namespace iemeq::ui {

// "Targets" or "Presets"; an invalid File when none is found.
juce::File bundledDataDir(const juce::String& name);

// Files in `dir` with one of the `extensions` ("*.csv;*.txt"), sorted by name.
juce::Array<juce::File> listFiles(const juce::File& dir, const juce::String& patterns);

} // namespace iemeq::ui
