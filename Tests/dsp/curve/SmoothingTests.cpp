// Smoothing is a box window in log-frequency, so its effect on a sinusoid in log2(f) is known
// exactly: amplitude x sin(pi W / P) / (pi W / P) for window W and period P (octaves).
#include "dsp/core/Error.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/curve/Smoothing.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

namespace {

const double kPi = 3.14159265358979323846;

// 1 dB sinusoid in log2(f) with a period of one octave, on a 1/192-octave grid.
FrequencyCurve octaveRipple()
{
    FrequencyCurve c;
    c.freq = makeLogGrid(20.0, 20000.0, 192.0);
    for (double f : c.freq)
        c.db.push_back(std::sin(2.0 * kPi * std::log2(f / 1000.0)));
    return c;
}

double boxGain(double widthOct) { return std::sin(kPi * widthOct) / (kPi * widthOct); }

// Largest |smoothed - gain * original| over [f1, f2].
double worstDeviation(const FrequencyCurve& orig, const FrequencyCurve& sm, double gain, double f1, double f2)
{
    double worst = 0.0;
    for (std::size_t i = 0; i < orig.size(); ++i)
        if (orig.freq[i] >= f1 && orig.freq[i] <= f2)
            worst = std::max(worst, std::fabs(sm.db[i] - gain * orig.db[i]));
    return worst;
}

} // namespace

TEST_CASE("smoothing: 1/3, 1/6, 1/12, 1/48 octave shrink a one-octave ripple by the box-window gain", "[curve][smoothing]")
{
    const auto c = octaveRipple();
    for (double n : { 3.0, 6.0, 12.0, 48.0 }) {
        INFO("1/" << n << " octave");
        const auto s = smoothFractionalOctave(c, n);
        REQUIRE(s.size() == c.size());
        // Piecewise-linear reading of the 1/192-octave sampled sine costs < 1.5e-4 dB.
        REQUIRE(worstDeviation(c, s, boxGain(1.0 / n), 40.0, 10000.0) < 2e-4);
    }
    REQUIRE(boxGain(1.0 / 3.0) == Approx(0.8270).margin(1e-4));
}

TEST_CASE("smoothing: constants and straight lines in log-frequency are unchanged", "[curve][smoothing]")
{
    FrequencyCurve c;
    c.freq = makeLogGrid(20.0, 20000.0, 48.0);
    for (double f : c.freq)
        c.db.push_back(75.0 + 3.0 * std::log2(f / 1000.0));
    const auto s = smoothFractionalOctave(c, 3.0);
    // Away from the ends (where the flat extension beyond the data bends the line).
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c.freq[i] > 25.3 && c.freq[i] < 15800.0)
            REQUIRE(s.db[i] == Approx(c.db[i]).margin(1e-9));
    FrequencyCurve flat = c;
    for (double& v : flat.db)
        v = -12.5;
    for (double v : smoothFractionalOctave(flat, 48.0).db)
        REQUIRE(v == Approx(-12.5).margin(1e-12));
}

TEST_CASE("smoothing: does not depend on how densely the file was sampled", "[curve][smoothing]")
{
    // The same piecewise-linear curve sampled at 1/12 octave and with extra points on its lines.
    FrequencyCurve coarse;
    coarse.freq = makeLogGrid(20.0, 20000.0, 12.0);
    for (std::size_t i = 0; i < coarse.size(); ++i)
        coarse.db.push_back(static_cast<double>((i * 7) % 5));
    const auto dense = resample(coarse, makeLogGrid(20.0, 20000.0, 96.0));
    const auto a = resample(smoothFractionalOctave(coarse, 6.0), dense.freq);
    const auto b = smoothFractionalOctave(dense, 6.0);
    // Every 8th dense point is a coarse one (the last, 20 kHz itself, is off that pattern).
    for (std::size_t i = 0; i / 8 + 1 < coarse.size(); i += 8) {
        REQUIRE(dense.freq[i] == coarse.freq[i / 8]);
        REQUIRE(a.db[i] == Approx(b.db[i]).margin(1e-9));  // both are the exact window mean
    }
}

TEST_CASE("smoothing: treble-aware mode widens the window above 6-8 kHz only", "[curve][smoothing]")
{
    SmoothingSpec spec;
    spec.fraction = 48.0;
    spec.trebleAware = true;
    spec.trebleFraction = 3.0;
    REQUIRE(smoothingWidthOctaves(spec, 1000.0) == 1.0 / 48.0);
    REQUIRE(smoothingWidthOctaves(spec, 6000.0) == 1.0 / 48.0);
    REQUIRE(smoothingWidthOctaves(spec, 8000.0) == 1.0 / 3.0);
    REQUIRE(smoothingWidthOctaves(spec, std::sqrt(6000.0 * 8000.0)) == Approx(0.5 * (1.0 / 48.0 + 1.0 / 3.0)).epsilon(1e-12));

    const auto c = octaveRipple();
    const auto s = smooth(c, spec);
    REQUIRE(worstDeviation(c, s, boxGain(1.0 / 48.0), 40.0, 6000.0) < 2e-4);
    REQUIRE(worstDeviation(c, s, boxGain(1.0 / 3.0), 8000.0, 16000.0) < 2e-4);
}

TEST_CASE("smoothing: bad settings are refused", "[curve][smoothing]")
{
    const auto c = octaveRipple();
    REQUIRE_THROWS_WITH(smoothFractionalOctave(c, 0.5), Catch::Contains("fraction must be between 1 and 96"));
    SmoothingSpec s;
    s.trebleAware = true;
    s.trebleStartHz = 9000.0;
    REQUIRE_THROWS_WITH(smooth(c, s), "smoothing: treble transition needs 0 < start < end");
}
