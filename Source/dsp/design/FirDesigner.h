#pragma once
// FIR correction filters from a correction curve (the same target - measurement curve, smoothed
// and limited, that the PEQ designer fits), for any sample rate:
//  - minimum phase (real-cepstrum method): no pre-ringing, zero latency;
//  - linear phase: symmetric kernel, constant delay of (N-1)/2 samples.
// The kernel is windowed (a short fade-out for minimum phase, a tapered-cosine window for
// linear phase); a few rounds of pre-compensation keep it on the request (DC included) without
// rescaling, so it has no level offset. Linear-phase kernels have an odd length (an even request
// gets one tap more), so their delay (N-1)/2 is a whole number of samples.
#include "../curve/FrequencyCurve.h"

#include <vector>

namespace iemeq {

enum class FirPhase { Minimum, Linear };

struct FirSettings {
    FirPhase phase = FirPhase::Minimum;
    double fs = 48000.0;
    int taps = 0;  // 0 = defaultFirLength(fs)
};

struct FirKernel {
    std::vector<double> taps;
    double fs = 48000.0;
    FirPhase phase = FirPhase::Minimum;
    int latencySamples = 0;  // 0 for minimum phase, exactly (N-1)/2 for linear phase (N odd)
};

// 8193 taps at 48 kHz, scaled with the sample rate (same length in time: ~171 ms), odd.
int defaultFirLength(double fs);

// `correction` in dB on any grid (levels beyond its ends are held flat). Throws iemeq::Error on
// an empty curve, a bad sample rate or a length outside 16..1048576 taps.
FirKernel designFir(const FrequencyCurve& correction, const FirSettings& settings);

// |H(f)| in dB of a kernel at frequency f (direct evaluation, for checks and plots).
double firMagnitudeDb(const std::vector<double>& taps, double f, double fs);
double firMagnitudeDb(const std::vector<float>& taps, double f, double fs);

} // namespace iemeq
