#pragma once
// ITU-R BS.1770-4 K-weighting at any sample rate.
//
// The standard publishes the two K-weighting stages only as 48 kHz biquads: a +4 dB high shelf
// (the acoustic effect of a head) and the "RLB" high-pass (revised low-frequency B-curve). A
// bilinear-transform biquad pre-warped at its pole frequency maps one-to-one onto an analog
// second-order section
//     H(s) = (vHigh s^2 + vBand (w0/Q) s + vLow w0^2) / (s^2 + (w0/Q) s + w0^2),
// so inverting the published 48 kHz coefficients gives the analog prototype exactly (closed
// form, no fitting), and transforming it back at another rate gives the same filter there.
// At 48 kHz the round trip reproduces the standard's numbers to rounding (tested to 1e-12).
#include "../design/Biquad.h"

#include <array>

namespace iemeq::listening {

struct AnalogBiquad {
    double f0 = 1000.0;  // pole frequency, Hz
    double q = 0.7071;
    double vHigh = 1.0;  // gain as f -> infinity
    double vBand = 1.0;  // weight of the s^1 numerator term (relative to the denominator's)
    double vLow = 1.0;   // gain at DC
};

// The standard's 48 kHz coefficients (BS.1770-4, Table 1 and Table 2).
BiquadCoeffs bs1770PreFilter48k();
BiquadCoeffs bs1770RlbFilter48k();

// Exact inverse of the pre-warped bilinear transform, and the transform itself.
AnalogBiquad analogFromDigital(const BiquadCoeffs& c, double fs);
BiquadCoeffs digitalFromAnalog(const AnalogBiquad& a, double fs);

// The two stages (pre-filter shelf, then RLB high-pass) realised at `fs`.
std::array<BiquadCoeffs, 2> kWeightingStages(double fs);

// Magnitude of the whole K-weighting at `hz` for sample rate `fs`, in dB.
double kWeightingDb(double hz, double fs);

// One channel's K-weighting filter: two biquads in double precision (transposed direct form II).
// No allocation; audio-thread safe.
class KWeightingFilter {
public:
    void setSampleRate(double fs);
    void reset() { s_ = {}; }
    double process(double x) noexcept
    {
        double y = x;
        for (int k = 0; k < 2; ++k) {
            const BiquadCoeffs& c = c_[static_cast<std::size_t>(k)];
            auto& s = s_[static_cast<std::size_t>(k)];
            const double out = c.b0 * y + s[0];
            s[0] = c.b1 * y - c.a1 * out + s[1];
            s[1] = c.b2 * y - c.a2 * out;
            y = out;
        }
        return y;
    }

private:
    std::array<BiquadCoeffs, 2> c_ = kWeightingStages(48000.0);
    std::array<std::array<double, 2>, 2> s_ {};
};

} // namespace iemeq::listening
