#pragma once
// FIR correction kernels for the plugin's FIR modes: the correction curve (target - measurement,
// smoothed, treble-limited, boost-limited) realised by frequency sampling, as a linear-phase
// (symmetric, latency (N-1)/2) or minimum-phase (cepstral method, no latency) kernel.
// A stand-in inside the plugin until the DSP core's FIR designer is available.
#include "dsp/curve/FrequencyCurve.h"

#include <vector>

namespace iemeq::plugin {

// Kernel length for a sample rate: 8191 taps at 48 kHz, scaled with the rate, always odd so the
// linear-phase delay (N-1)/2 is a whole number of samples.
int firTapsFor(double fs);

// The correction (dB) the FIR realises: `target - measurement` (same grid), level-aligned over
// 300 Hz-3 kHz, smoothed (1/6 octave, 1/2 octave in the treble), boost limited to `maxBoostDb`,
// scaled by `amount` (0..1).
FrequencyCurve firCorrectionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target, double amount,
                                  double maxBoostDb = 9.0);

// Taps realising `correctionDb` (magnitude; flat beyond its ends) at `fs`.
std::vector<float> designFirKernel(const FrequencyCurve& correctionDb, int taps, bool linearPhase, double fs);

// Magnitude (dB) of an FIR at `hz` (direct DFT; for tests and displays).
double firResponseDb(const std::vector<float>& taps, double hz, double fs);

} // namespace iemeq::plugin
