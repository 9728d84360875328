#pragma once
// Wavelet / AutoEq "GraphicEQ.txt": one line of frequency-gain pairs,
//   GraphicEQ: 20 -6.1; 21 -6.0; ...; 20000 -9.3
// at AutoEq's 127 graphic-EQ frequencies, the preamp already folded in (the curve never boosts).
#include "../curve/FrequencyCurve.h"
#include "../design/PeqDesign.h"

#include <string>
#include <vector>

namespace iemeq {

// AutoEq's graphic-EQ frequencies: from 20 kHz downwards in steps of 1.0563, each rounded to a
// whole Hz, then 20 Hz; 127 distinct values, ascending.
std::vector<double> graphicEqFrequencies();

// The curve (dB) written with one decimal at each of its frequencies, frequencies as integers
// when they are whole numbers.
std::string formatGraphicEq(const FrequencyCurve& curve);

// The realised EQ of `design` (preamp included) at graphicEqFrequencies(), sample rate fs.
std::string formatGraphicEq(const PeqDesign& design, double fs);

// Reads the first "GraphicEQ:" line; accepts decimal commas in gains when pairs are separated by
// ';'. Throws iemeq::Error naming `sourceName`, the line and the reason.
FrequencyCurve parseGraphicEq(const std::string& text, const std::string& sourceName);

} // namespace iemeq
