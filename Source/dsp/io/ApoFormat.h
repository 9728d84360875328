#pragma once
// Equalizer APO / AutoEq "ParametricEQ.txt":
//   Preamp: -6.1 dB
//   Filter 1: ON LSC Fc 105 Hz Gain 6.4 dB Q 0.70
#include "../design/PeqDesign.h"

#include <string>

namespace iemeq {

// Exactly AutoEq's syntax: Fc as an integer, Gain with 1 decimal, Q with 2 decimals. With
// fittedForHz > 0 a first comment line states the sample rate the filters were fitted for
// ("# iemeq: fitted for 48000 Hz"): realised at another rate they sound different unless re-fitted.
std::string formatApo(const PeqDesign& design, double fittedForHz = 0.0);

// Accepts PK/PEQ/LS/LSC/LSQ/HS/HSC/HSQ, OFF filters (skipped), decimal commas, comments ('#'
// lines, such as the fitted-for line above), and
// Peace-style "Filter1:" / "Filter:" prefixes. Unknown filter types are errors naming the line.
PeqDesign parseApo(const std::string& text, const std::string& sourceName);

} // namespace iemeq
