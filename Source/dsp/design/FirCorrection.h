#pragma once
// A measurement's FIR correction to a target, built one way for the plugin and `iemeq render`:
// the shared correction curve (CorrectionCurve.h), smoothed no finer than the kernel resolves,
// realised by the FIR designer, plus the preamp that keeps the result from clipping.
#include "CorrectionCurve.h"
#include "FirDesigner.h"

namespace iemeq {

// Kernel length the product uses: the designer's default (~171 ms), made odd so the linear-phase
// delay (N-1)/2 is a whole number of samples.
inline int firCorrectionTaps(double fs) { return defaultFirLength(fs) | 1; }

struct FirCorrection {
    FrequencyCurve request;   // what was asked for (dB)
    FrequencyCurve realised;  // what the kernel does (dB), on the same grid up to 0.49 fs
    FirKernel kernel;
    double preampDb = 0.0;    // -(largest realised boost), rounded to 0.1 dB
};

// `measurement` and `target` on the same grid; `taps` 0 = firCorrectionTaps(fs).
FirCorrection designFirCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target, double amount,
                                  FirPhase phase, double fs, int taps = 0);

} // namespace iemeq
