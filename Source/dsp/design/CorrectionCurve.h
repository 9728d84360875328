#pragma once
// The correction the FIR designer realises, built the same way everywhere (plugin, CLI, tests),
// with the parametric designer's target, limits and treble policy:
//  - need = amount * (target - measurement), smoothed no finer than the kernel resolves
//    (minResolutionHz) and, below the treble, at 1/smoothingFraction octave;
//  - the treble policy (TreblePolicy.h): Smooth keeps the full resolution up to 6 kHz and fades
//    to the 1-octave average by 8 kHz; Off fades to no correction (0 dB); Fit keeps the old
//    treble handling (1/2-octave smoothing above 8 kHz, |correction| <= trebleLimitDb there);
//  - the level: like the parametric designer, the correction's overall level is free (a level
//    is not an error), and the limits are on the correction itself: boosts up to maxBoostDb,
//    cuts down to maxCutDb. The level is the one that needs the least clamping (weighted like
//    the parametric fit); among equally good levels, the one closest to "0 dB on average over
//    the reliable band".
#include "../curve/FrequencyCurve.h"
#include "TreblePolicy.h"

namespace iemeq {

struct CorrectionCurveSpec {
    double amount = 1.0;               // 0..1: fraction of the correction applied
    double maxBoostDb = 6.0;           // same default boost limit as the PEQ designer
    double maxCutDb = 18.0;
    TreblePolicy treble = TreblePolicy::Smooth;
    double smoothingFraction = 48.0;   // 1/48 octave below the treble (the measurement's own detail)
    double trebleFraction = 2.0;       // Fit policy: 1/2 octave above 8 kHz (widening from 6 kHz)...
    double trebleLimitDb = 6.0;        // ... and |correction| above 8 kHz never exceeds this
    double trebleWeight = 0.3;         // weight of a treble point when the level is chosen
    double minResolutionHz = 0.0;      // smooth no finer than this (see firResolutionHz)
};

// `measurement` and `target` on the same grid.
FrequencyCurve correctionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target,
                               const CorrectionCurveSpec& spec = {});

// The finest detail (Hz) a windowed FIR of `taps` taps at `fs` realises: about two bins.
double firResolutionHz(int taps, double fs);

} // namespace iemeq
