// The Olive et al. in-ear score against a hand computation on a grid where ln(f/500) is an
// integer, so every regression sum is a small exact number.
#include "dsp/analysis/PreferenceScore.h"
#include "dsp/core/Error.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

TEST_CASE("preference score: hand-computed example", "[analysis][score]")
{
    // f = 500 e^k, k = -4..3 -> 9.2, 24.9, 67.7, 184, 500, 1359, 3694, 10043 Hz.
    // k = -4 (below 20 Hz) and k = 3 (above 10 kHz) must be ignored: give them wild errors.
    FrequencyCurve response, target;
    const double e[] = { -50.0, 1.0, -1.0, 2.0, 0.0, 3.0, 1.0, 50.0 };
    for (int k = -4; k <= 3; ++k) {
        response.freq.push_back(500.0 * std::exp(static_cast<double>(k)));
        response.db.push_back(70.0 + e[k + 4]);
        target.db.push_back(70.0);
    }
    target.freq = response.freq;
    const PreferenceScore s = harmanInEarScore(response, target);
    // Band 20 Hz-10 kHz: x = -3..2, e = 1,-1,2,0,3,1; mean x -0.5, mean e 1.
    // Sxy = 0*(-2.5) + (-2)(-1.5) + 1(-0.5) + (-1)(0.5) + 2(1.5) + 0(2.5) = 5; Sxx = 17.5.
    REQUIRE(s.points == 6);
    REQUIRE(s.slope == Approx(5.0 / 17.5).margin(1e-12));
    // SD = sqrt((0 + 4 + 1 + 1 + 4 + 0) / 6)
    REQUIRE(s.sdDb == Approx(std::sqrt(10.0 / 6.0)).margin(1e-12));
    // 40 Hz-10 kHz: k = -2..2, e(500 Hz) = 0 -> mean(|-1|, 2, 0, 3, 1) = 7/5
    REQUIRE(s.meanAbsDb == Approx(1.4).margin(1e-12));
    // 100.0795 - 8.5 * 1.2909944487 - 6.796 * 0.2857142857 - 3.475 * 1.4
    REQUIRE(s.score == Approx(82.2993329).margin(1e-6));
}

TEST_CASE("preference score: a response equal to its target scores the intercept", "[analysis][score]")
{
    FrequencyCurve c;
    for (int i = 0; i < 50; ++i) {
        c.freq.push_back(20.0 * std::pow(1.15, i));
        c.db.push_back(std::sin(i * 0.3));
    }
    const auto s = harmanInEarScore(c, c);
    REQUIRE(s.score == Approx(100.0795).margin(1e-12));
    // A pure level difference changes nothing either.
    FrequencyCurve louder = c;
    for (double& v : louder.db)
        v += 6.0;
    REQUIRE(harmanInEarScore(louder, c).score == Approx(100.0795).margin(1e-9));
}

TEST_CASE("preference score: different grids are refused", "[analysis][score]")
{
    FrequencyCurve a, b;
    for (int i = 0; i < 10; ++i) {
        a.freq.push_back(100.0 * (i + 1));
        b.freq.push_back(101.0 * (i + 1));
        a.db.push_back(0.0);
        b.db.push_back(0.0);
    }
    REQUIRE_THROWS_WITH(harmanInEarScore(a, b), "preference score: response and target are on different grids");
}
