// K-weighting derived for any rate from the standard's 48 kHz biquads (exact inverse of the
// pre-warped bilinear transform), checked against the standard's numbers, against the analog
// design values published with other derivations, and across sample rates.
#include "dsp/listening/KWeighting.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;
using namespace iemeq::listening;

namespace {

double maxCoeffDiff(const BiquadCoeffs& x, const BiquadCoeffs& y)
{
    return std::max({ std::abs(x.b0 - y.b0), std::abs(x.b1 - y.b1), std::abs(x.b2 - y.b2), std::abs(x.a1 - y.a1),
                      std::abs(x.a2 - y.a2) });
}

} // namespace

TEST_CASE("K-weighting at 48 kHz reproduces the coefficients of ITU-R BS.1770-4", "[listening][loudness]")
{
    const auto st = kWeightingStages(48000.0);
    CHECK(maxCoeffDiff(st[0], bs1770PreFilter48k()) < 1e-12);
    CHECK(maxCoeffDiff(st[1], bs1770RlbFilter48k()) < 1e-12);
    // The literal table values, so a typo in either copy fails too.
    CHECK(st[0].b0 == Approx(1.53512485958697).margin(1e-8));
    CHECK(st[0].b1 == Approx(-2.69169618940638).margin(1e-8));
    CHECK(st[0].b2 == Approx(1.19839281085285).margin(1e-8));
    CHECK(st[0].a1 == Approx(-1.69065929318241).margin(1e-8));
    CHECK(st[0].a2 == Approx(0.73248077421585).margin(1e-8));
    CHECK(st[1].b0 == Approx(1.0).margin(1e-8));
    CHECK(st[1].b1 == Approx(-2.0).margin(1e-8));
    CHECK(st[1].b2 == Approx(1.0).margin(1e-8));
    CHECK(st[1].a1 == Approx(-1.99004745483398).margin(1e-8));
    CHECK(st[1].a2 == Approx(0.99007225036621).margin(1e-8));
}

TEST_CASE("The analog prototypes are a +4 dB shelf near 1.7 kHz and a 38 Hz second-order high-pass", "[listening][loudness]")
{
    // Values published with an independent (numerical) derivation of the same filters; the closed
    // form here must land on them.
    const AnalogBiquad shelf = analogFromDigital(bs1770PreFilter48k(), 48000.0);
    CHECK(shelf.f0 == Approx(1681.974450955533).epsilon(1e-9));
    CHECK(shelf.q == Approx(0.7071752369554196).epsilon(1e-9));
    CHECK(20.0 * std::log10(shelf.vHigh) == Approx(3.999843853973347).epsilon(1e-9));
    CHECK(std::log(shelf.vBand) / std::log(shelf.vHigh) == Approx(0.4996667741545416).epsilon(1e-8));
    CHECK(shelf.vLow == Approx(1.0).margin(1e-12));  // unity at DC

    const AnalogBiquad rlb = analogFromDigital(bs1770RlbFilter48k(), 48000.0);
    CHECK(rlb.f0 == Approx(38.13547087602444).epsilon(1e-9));
    CHECK(rlb.q == Approx(0.5003270373238773).epsilon(1e-9));
    CHECK(std::abs(rlb.vLow) < 1e-12);   // a true high-pass: nothing at DC ...
    CHECK(std::abs(rlb.vBand) < 1e-12);  // ... and no s^1 term
    // The standard's numerator [1, -2, 1] is not normalised: +0.043 dB in the passband, which
    // the -0.691 dB offset absorbs; the prototype keeps that gain at every rate.
    CHECK(20.0 * std::log10(rlb.vHigh) == Approx(0.0432).margin(1e-4));
}

TEST_CASE("K-weighting has the same response at 44.1, 96 and 192 kHz as at 48 kHz", "[listening][loudness]")
{
    // The bilinear transform warps frequencies differently at each rate; pre-warping at the pole
    // frequencies keeps the whole audible band within 0.01 dB (largest, 0.0054 dB, near 1 kHz at 192 kHz).
    double worst = 0.0;
    for (double fs : { 44100.0, 88200.0, 96000.0, 192000.0 })
        for (double f = 20.0; f <= std::min(20000.0, 0.45 * fs); f *= 1.02)
            worst = std::max(worst, std::abs(kWeightingDb(f, fs) - kWeightingDb(f, 48000.0)));
    INFO("largest difference to 48 kHz: " << worst << " dB");
    CHECK(worst < 0.01);
    // The gain at 997 Hz is what the -0.691 dB offset cancels.
    CHECK(kWeightingDb(997.0, 48000.0) == Approx(0.691).margin(0.001));
    // Shape: -13.3 dB at 20 Hz (RLB), +4 dB in the treble (head shelf).
    CHECK(kWeightingDb(20.0, 48000.0) == Approx(-13.28).margin(0.01));
    CHECK(kWeightingDb(10000.0, 48000.0) == Approx(4.04).margin(0.01));
}

TEST_CASE("The K-weighting filter run sample by sample matches its analytic response", "[listening][loudness]")
{
    for (double fs : { 44100.0, 96000.0 }) {
        KWeightingFilter f;
        f.setSampleRate(fs);
        for (double hz : { 30.0, 1000.0, 6000.0 }) {
            f.reset();
            const int n = static_cast<int>(fs * 2);
            double in = 0.0, out = 0.0;
            for (int i = 0; i < n; ++i) {
                const double x = std::sin(2.0 * 3.14159265358979323846 * hz * i / fs);
                const double y = f.process(x);
                if (i >= n / 2) {  // settled
                    in += x * x;
                    out += y * y;
                }
            }
            CHECK(10.0 * std::log10(out / in) == Approx(kWeightingDb(hz, fs)).margin(0.002));
        }
    }
}
