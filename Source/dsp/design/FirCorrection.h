#pragma once
// A measurement's FIR correction to a target, built one way for the plugin and `iemeq render`:
// the shared correction curve (CorrectionCurve.h: the parametric designer's target, boost limit
// and treble policy), smoothed no finer than the kernel resolves, realised by the FIR designer,
// plus the clip-safe preamp of what the kernel really does (DC to Nyquist, ClipSafePreamp.h).
#include "CorrectionCurve.h"
#include "FirDesigner.h"

namespace iemeq {

// Kernel length the product uses: the designer's default (~171 ms), odd so the linear-phase
// delay (N-1)/2 is a whole number of samples.
inline int firCorrectionTaps(double fs) { return defaultFirLength(fs) | 1; }

struct FirCorrection {
    FrequencyCurve request;   // what was asked for (dB)
    FrequencyCurve realised;  // what the kernel does (dB), on the same grid up to 0.49 fs
    FirKernel kernel;
    double preampDb = 0.0;    // clip-safe: minus the kernel's largest gain, rounded away from 0
};

// `measurement` and `target` on the same grid; `taps` 0 = firCorrectionTaps(fs). `curve` gives
// the limits and the treble policy (its amount is replaced by `amount`).
FirCorrection designFirCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target, double amount,
                                  FirPhase phase, double fs, int taps = 0, const CorrectionCurveSpec& curve = {});

} // namespace iemeq
