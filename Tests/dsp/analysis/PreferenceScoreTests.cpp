// The Olive et al. in-ear score as AutoEq computes it: the error read at the R40 frequencies
// (20 Hz-20 kHz, 1/12 octave), sample standard deviation, regression on ln f, AE about 500 Hz.
#include "dsp/analysis/PreferenceScore.h"
#include "dsp/core/Error.h"
#include "dsp/curve/LogGrid.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

namespace {

// A curve on `grid` whose level is a + b ln(f): log-linear interpolation reproduces it exactly.
FrequencyCurve logLinear(const std::vector<double>& grid, double a, double b)
{
    FrequencyCurve c;
    c.freq = grid;
    for (double f : grid)
        c.db.push_back(a + b * std::log(f));
    return c;
}

FrequencyCurve flat(const std::vector<double>& grid)
{
    return logLinear(grid, 0.0, 0.0);
}

} // namespace

TEST_CASE("preference score: the model's frequencies are AutoEq's R40 list", "[analysis][score]")
{
    const auto& f = harmanInEarFrequencies();
    REQUIRE(f.size() == 121);
    CHECK(f.front() == 20.0);
    CHECK(f[1] == 21.2);
    CHECK(f[2] == 22.4);
    CHECK(f[3] == 23.6);
    CHECK(f[9] == 33.5);
    CHECK(std::count(f.begin(), f.end(), 500.0) == 1);
    CHECK(std::count(f.begin(), f.end(), 9500.0) == 1);
    CHECK(f.back() == 20000.0);
    for (std::size_t i = 1; i < f.size(); ++i)  // 1/12 octave within the series' rounding
        CHECK(std::log2(f[i] / f[i - 1]) == Approx(1.0 / 12.0).margin(0.02));
}

TEST_CASE("preference score: an error linear in ln f, computed by hand on the model's points", "[analysis][score]")
{
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const double b = 0.8;  // dB per natural-log unit
    const FrequencyCurve response = logLinear(grid, 3.0, b), target = flat(grid);
    const PreferenceScore s = harmanInEarScore(response, target);
    REQUIRE(s.points == 109);
    // The hand computation on the R40 list: SD with N - 1, AE about ln 500.
    double mean = 0.0, n = 0.0, ae = 0.0, m = 0.0;
    for (double f : harmanInEarFrequencies())
        if (f <= 10000.0) {
            mean += std::log(f);
            n += 1.0;
        }
    mean /= n;
    double ss = 0.0;
    for (double f : harmanInEarFrequencies()) {
        if (f <= 10000.0)
            ss += (std::log(f) - mean) * (std::log(f) - mean);
        if (f >= 40.0 && f <= 10000.0) {
            ae += std::abs(b * (std::log(f) - std::log(500.0)));
            m += 1.0;
        }
    }
    const double sd = b * std::sqrt(ss / (n - 1.0));
    CHECK(s.slope == Approx(b).epsilon(1e-9));
    CHECK(s.sdDb == Approx(sd).epsilon(1e-9));
    CHECK(s.meanAbsDb == Approx(ae / m).epsilon(1e-9));
    CHECK(s.score == Approx(100.0795 - 8.5 * sd - 6.796 * b - 3.475 * ae / m).epsilon(1e-12));
    // The population SD (N) would be sqrt(108/109) of it: the difference is measurable here.
    CHECK(s.sdDb - sd * std::sqrt((n - 1.0) / n) > 1e-3);
}

TEST_CASE("preference score: the curves' own grid does not weigh the result", "[analysis][score]")
{
    // A shape with features on both sides of 1 kHz, sampled on two unrelated log grids: the score
    // reads both at the same R40 points, so they agree up to interpolation of the shape.
    auto shaped = [](const std::vector<double>& grid) {
        FrequencyCurve c = flat(grid);
        for (std::size_t i = 0; i < grid.size(); ++i)
            c.db[i] = 4.0 * std::sin(std::log(grid[i] / 20.0)) + 2.0 * std::tanh(std::log(grid[i] / 3000.0));
        return c;
    };
    const auto a = makeRatioGrid(20.0, 20000.0, 1.01), b = makeLogGrid(10.0, 24000.0, 96.0);
    const PreferenceScore sa = harmanInEarScore(shaped(a), flat(a)), sb = harmanInEarScore(shaped(b), flat(b));
    CHECK(sa.score == Approx(sb.score).margin(0.02));
    CHECK(sa.sdDb == Approx(sb.sdDb).margin(0.01));
}

TEST_CASE("preference score: a response equal to its target scores the intercept", "[analysis][score]")
{
    const auto grid = makeLogGrid(20.0, 20000.0, 24.0);
    FrequencyCurve c = flat(grid);
    for (std::size_t i = 0; i < grid.size(); ++i)
        c.db[i] = std::sin(static_cast<double>(i) * 0.3);
    REQUIRE(harmanInEarScore(c, c).score == Approx(100.0795).margin(1e-12));
    FrequencyCurve louder = c;  // a pure level difference changes nothing either
    for (double& v : louder.db)
        v += 6.0;
    REQUIRE(harmanInEarScore(louder, c).score == Approx(100.0795).margin(1e-9));
}

TEST_CASE("preference score: different grids and short curves are refused", "[analysis][score]")
{
    FrequencyCurve a, b;
    for (int i = 0; i < 10; ++i) {
        a.freq.push_back(20.0 * std::pow(2.0, i));
        b.freq.push_back(21.0 * std::pow(2.0, i));
        a.db.push_back(0.0);
        b.db.push_back(0.0);
    }
    REQUIRE_THROWS_WITH(harmanInEarScore(a, b), "preference score: response and target are on different grids");
    FrequencyCurve shortCurve { { 100.0, 1000.0, 5000.0 }, { 0.0, 1.0, 2.0 }, "short" };
    REQUIRE_THROWS_WITH(harmanInEarScore(shortCurve, shortCurve), Catch::Contains("20 Hz-10 kHz"));
}
