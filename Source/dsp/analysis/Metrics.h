#pragma once
// Error metrics between a (corrected) response and its target, both on the same grid.
#include "../curve/FrequencyCurve.h"

namespace iemeq {

// RMS of (a - b) over [fLo, fHi] after removing its mean (so overall level does not count).
double rmsErrorDb(const FrequencyCurve& a, const FrequencyCurve& b, double fLo = 20.0, double fHi = 10000.0);

// Mean of (a - b) over [fLo, fHi].
double meanErrorDb(const FrequencyCurve& a, const FrequencyCurve& b, double fLo, double fHi);

} // namespace iemeq
