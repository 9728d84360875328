#pragma once
// Fast evaluation of a realised RBJ biquad's magnitude (dB) on a fixed frequency grid, with exact
// derivatives with respect to log(fc), log(Q) and gain (dB). The optimiser works in log-fc and
// log-Q because equal steps there mean equal perceptual steps, and bounds become simple boxes.
#include "Biquad.h"

#include <vector>

namespace iemeq {

// u = 1 - e^{-jw} and u^2 at every grid frequency, precomputed once per design. Writing a
// section as B(z) = sum(b) - (b1 + 2 b2) u + b2 u^2 keeps full precision at low frequencies and
// high sample rates, where the direct form's terms cancel (25 Hz at 192 kHz would lose 0.004 dB).
struct ResponseGrid {
    std::vector<double> freq, uRe, uIm, u2Re, u2Im;
    double fs = 48000.0;
};
ResponseGrid makeResponseGrid(const std::vector<double>& freq, double fs);

// Magnitude in dB of `f` realised at grid.fs, written to db[0..n). When the gradient pointers are
// non-null they receive d(dB)/d(ln fc), d(dB)/d(ln Q) and d(dB)/d(gain dB). fc at or above 0.499 fs
// is clamped exactly like rbjCoefficients (its fc derivative is then 0).
void biquadDbOnGrid(const PeqFilter& f, const ResponseGrid& grid, double* db, double* dLnFc = nullptr,
                    double* dLnQ = nullptr, double* dGain = nullptr);

// The same as a power ratio |H|^2 (no logarithm), with the gradients still of the dB magnitude.
// The designer multiplies the ratios of all sections and takes one logarithm per frequency,
// instead of one per section: the logarithm is most of the cost of an evaluation.
void biquadPowerOnGrid(const PeqFilter& f, const ResponseGrid& grid, double* power, double* dLnFc = nullptr,
                       double* dLnQ = nullptr, double* dGain = nullptr);

} // namespace iemeq
