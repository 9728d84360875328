#pragma once
// The result of a parametric design and the response it realises.
#include "../curve/FrequencyCurve.h"
#include "Biquad.h"

#include <vector>

namespace iemeq {

struct PeqDesign {
    std::vector<PeqFilter> filters;
    double preampDb = 0.0;  // negative of the largest total boost, so the output never clips
    bool operator==(const PeqDesign&) const = default;
};

// Sum of the realised biquads' magnitudes (dB) at `hz`, sample rate `fs`.
double eqResponseDb(const std::vector<PeqFilter>& filters, double hz, double fs);

// The realised EQ curve on `grid` (without preamp).
FrequencyCurve eqCurve(const std::vector<PeqFilter>& filters, const std::vector<double>& grid, double fs);

// -max(0, largest total boost of the filters over 20 Hz..min(20 kHz, 0.45 fs)), rounded down to 0.1 dB.
double autoPreampDb(const std::vector<PeqFilter>& filters, double fs);

} // namespace iemeq
