#pragma once
// Parametric EQ design: filters that bring measurement + EQ closest to the target.
#include "../curve/FrequencyCurve.h"
#include "PeqDesign.h"

namespace iemeq {

enum class PeqLayout {
    Free,    // N peaking filters (optionally with shelves), everything free
    AutoEq,  // LSC 105 Hz Q 0.7 (gain free) + 8 PK + HSC 10 kHz Q 0.7 (gain free)
};

struct PeqSettings {
    PeqLayout layout = PeqLayout::AutoEq;
    int numFilters = 10;          // Free layout: total sections
    double fs = 48000.0;          // sample rate the biquads are realised at
    double fitLoHz = 20.0;        // band the error is minimised over
    double fitHiHz = 10000.0;
    double maxBoostDb = 6.0;      // limit on the total boost of the EQ
    double maxGainDb = 12.0;      // per filter
    double minQ = 0.18, maxQ = 6.0;
};

// `measurement` and `target` must be on the same grid (any grid; a 1/48-octave or finer log
// grid is what the callers use). The returned preamp follows autoPreampDb.
PeqDesign designPeq(const FrequencyCurve& measurement, const FrequencyCurve& target, const PeqSettings& settings);

} // namespace iemeq
