#pragma once
// The automatable parameters (IDs are part of saved sessions: never rename them).
#include <juce_audio_processors/juce_audio_processors.h>

namespace iemeq::plugin {

namespace ParamID {
inline constexpr const char* correction = "correction";   // A/B: correction on/off
inline constexpr const char* mode = "mode";               // parametric / FIR min phase / FIR linear phase
inline constexpr const char* amount = "amount";           // 0..100 %
inline constexpr const char* bass = "bass";               // target bass shelf, dB
inline constexpr const char* tilt = "tilt";               // target tilt, dB/octave
inline constexpr const char* treble = "treble";           // target treble shelf, dB
inline constexpr const char* earGain = "earGain";         // target ear-gain peak, dB
inline constexpr const char* autoPreamp = "autoPreamp";   // preamp = -max boost
inline constexpr const char* outputGain = "outputGain";   // dB
inline constexpr const char* channelMode = "channelMode"; // linked / separate L-R
} // namespace ParamID

// The mode parameter's index is iemeq::CorrectionMode (dsp/correction/CorrectionSpec.h); the
// channel mode's index 0 is linked (L and R averaged), 1 separate.

juce::AudioProcessorValueTreeState::ParameterLayout createParameterLayout();

// The parameters that change the design (everything but the A/B switch and output gain).
const juce::StringArray& designParameterIds();

} // namespace iemeq::plugin
