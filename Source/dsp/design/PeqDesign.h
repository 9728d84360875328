#pragma once
// The result of a parametric design and the response it realises.
#include "../curve/FrequencyCurve.h"
#include "Biquad.h"

#include <vector>

namespace iemeq {

struct PeqDesign {
    std::vector<PeqFilter> filters;
    double preampDb = 0.0;  // clip-safe: at most minus the largest realised gain (ClipSafePreamp.h)
    bool operator==(const PeqDesign&) const = default;
};

// Sum of the realised biquads' magnitudes (dB) at `hz`, sample rate `fs`.
double eqResponseDb(const std::vector<PeqFilter>& filters, double hz, double fs);

// The realised EQ curve on `grid` (without preamp).
FrequencyCurve eqCurve(const std::vector<PeqFilter>& filters, const std::vector<double>& grid, double fs);

// The clip-safe preamp of the filters realised at fs: minus their largest gain anywhere from DC to
// Nyquist, rounded away from zero to 0.1 dB (0 when they only cut). See ClipSafePreamp.h.
double autoPreampDb(const std::vector<PeqFilter>& filters, double fs);

} // namespace iemeq
