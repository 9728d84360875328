#pragma once
// Loads the built iemeq VST3 / LV2 through juce::AudioPluginFormatManager like a DAW, renders
// audio through it in host-chosen block sizes, and injects a plugin state (measurement, target,
// parameters) in each format's own session-state container.
#include <juce_audio_processors/juce_audio_processors.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace iemeq::test {

enum class Format { Vst3, Lv2 };
const char* formatName(Format f);

// Plugin formats for the whole test run (JUCE's runtime is owned by main()) (HOME points at an empty folder so an
// installed copy of iemeq can never be picked up instead of the built one).
juce::AudioPluginFormatManager& formats();
void releaseFormats();  // at exit, before JUCE shuts down

// A fresh instance of the built plugin, buses enabled, not yet prepared. Fails the test if the
// plugin cannot be found or instantiated.
std::unique_ptr<juce::AudioPluginInstance> loadPlugin(Format f, double fs = 48000.0, int block = 512);

// The host's state blob for `p` with the plugin's own state replaced by `pluginState` (iemeq JSON).
juce::MemoryBlock hostStateWith(Format f, juce::AudioPluginInstance& p, const std::string& pluginState);

// Renders `input` (both channels) through `p`, block sizes from `nextBlock` (each <= prepared max).
std::vector<std::vector<float>> render(juce::AudioPluginInstance& p, const std::vector<float>& input,
                                       const std::function<int()>& nextBlock);

// Runs the host's message loop for `ms` (the plugin's timers and async updates need it).
void pump(int ms);

bool haveDisplay();

} // namespace iemeq::test
