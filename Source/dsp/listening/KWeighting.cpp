#include "KWeighting.h"

#include <cmath>
#include <numbers>

namespace iemeq::listening {

BiquadCoeffs bs1770PreFilter48k()
{
    return { 1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585 };
}

BiquadCoeffs bs1770RlbFilter48k()
{
    return { 1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621 };
}

// With K = tan(pi f0 / fs) and a = 1 + K/Q + K^2 the transform gives
//   b0 = (vH + vB K/Q + vL K^2)/a, b1 = 2 (vL K^2 - vH)/a, b2 = (vH - vB K/Q + vL K^2)/a,
//   a1 = 2 (K^2 - 1)/a,            a2 = (1 - K/Q + K^2)/a.
// Sums and differences of these isolate each parameter: 1 - a1 + a2 = 4/a, 1 + a1 + a2 = 4 K^2/a,
// 1 - a2 = 2 (K/Q)/a, b0 - b1 + b2 = 4 vH/a, b0 + b1 + b2 = 4 vL K^2/a, b0 - b2 = 2 vB (K/Q)/a.
AnalogBiquad analogFromDigital(const BiquadCoeffs& c, double fs)
{
    const double d = 1.0 - c.a1 + c.a2;
    const double dc = 1.0 + c.a1 + c.a2;
    const double k = std::sqrt(dc / d);
    const double kOverQ = 2.0 * (1.0 - c.a2) / d;
    AnalogBiquad a;
    a.f0 = fs / std::numbers::pi * std::atan(k);
    a.q = k / kOverQ;
    a.vHigh = (c.b0 - c.b1 + c.b2) / d;
    a.vLow = (c.b0 + c.b1 + c.b2) / dc;
    a.vBand = (c.b0 - c.b2) / (1.0 - c.a2);
    return a;
}

BiquadCoeffs digitalFromAnalog(const AnalogBiquad& a, double fs)
{
    const double k = std::tan(std::numbers::pi * a.f0 / fs);
    const double kq = k / a.q, k2 = k * k;
    const double norm = 1.0 / (1.0 + kq + k2);
    return { (a.vHigh + a.vBand * kq + a.vLow * k2) * norm, 2.0 * (a.vLow * k2 - a.vHigh) * norm,
             (a.vHigh - a.vBand * kq + a.vLow * k2) * norm, 2.0 * (k2 - 1.0) * norm, (1.0 - kq + k2) * norm };
}

std::array<BiquadCoeffs, 2> kWeightingStages(double fs)
{
    static const AnalogBiquad shelf = analogFromDigital(bs1770PreFilter48k(), 48000.0);
    static const AnalogBiquad rlb = analogFromDigital(bs1770RlbFilter48k(), 48000.0);
    return { digitalFromAnalog(shelf, fs), digitalFromAnalog(rlb, fs) };
}

double kWeightingDb(double hz, double fs)
{
    const auto st = kWeightingStages(fs);
    return magnitudeDb(st[0], hz, fs) + magnitudeDb(st[1], hz, fs);
}

void KWeightingFilter::setSampleRate(double fs)
{
    c_ = kWeightingStages(fs);
    reset();
}

} // namespace iemeq::listening
