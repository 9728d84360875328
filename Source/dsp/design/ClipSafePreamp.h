#pragma once
// The preamp that keeps an EQ from clipping: a full-scale sine at ANY frequency, from DC to
// Nyquist at the rate the EQ is realised at, must come out at or below 0 dBFS. So the preamp is
// the negative of the realised response's true maximum over [0, fs/2] (found on a dense grid and
// refined around every local maximum, not a scan of the audible band), rounded away from zero
// to the 0.1 dB a ParametricEQ.txt stores: rounding can only add headroom, never remove it.
#include "Biquad.h"

#include <vector>

namespace iemeq {

struct ResponsePeak {
    double db = 0.0;  // largest gain of the realised response
    double hz = 0.0;  // where it is
};

// Largest gain of the biquad cascade `filters` realised at `fs`, anywhere in [0, fs/2].
ResponsePeak cascadePeak(const std::vector<PeqFilter>& filters, double fs);

// Largest gain of an FIR kernel anywhere in [0, fs/2] (zero-padded FFT, then refined by direct
// evaluation around the largest local maxima).
ResponsePeak firPeak(const std::vector<double>& taps, double fs);

// -peak rounded away from zero to 0.1 dB, with kClipMarginDb of headroom on top; 0 when the
// response never exceeds 0 dB.
double clipSafePreampDb(double peakDb);

// What clipSafePreampDb adds so float arithmetic and the transients of a swept sine stay
// under full scale too.
inline constexpr double kClipMarginDb = 0.005;

} // namespace iemeq
