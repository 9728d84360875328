#pragma once
// The correction the FIR designer realises, built the same way everywhere (plugin, CLI, tests):
// target - measurement, level-aligned over the midrange, smoothed (harder in the treble, where
// coupler measurements are unreliable), limited in boost and cut, and scaled by the amount.
#include "../curve/FrequencyCurve.h"

namespace iemeq {

struct CorrectionCurveSpec {
    double amount = 1.0;               // 0..1: fraction of the correction applied
    double maxBoostDb = 6.0;           // same default boost limit as the PEQ designer
    double maxCutDb = 18.0;
    double alignLoHz = 300.0, alignHiHz = 3000.0;  // 0 dB correction on average over this band
    double smoothingFraction = 6.0;    // 1/6 octave below the treble...
    double trebleFraction = 2.0;       // ...1/2 octave above 8 kHz (widening from 6 kHz)
    double trebleLimitDb = 6.0;        // |correction| above 8 kHz never exceeds this
    double minResolutionHz = 0.0;      // smooth no finer than this (see firResolutionHz)
};

// `measurement` and `target` on the same grid.
FrequencyCurve correctionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target,
                               const CorrectionCurveSpec& spec = {});

// The finest detail (Hz) a windowed FIR of `taps` taps at `fs` realises: about two bins.
double firResolutionHz(int taps, double fs);

} // namespace iemeq
