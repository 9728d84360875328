// The shared correction curve: aligned, limited, scaled, and smoothed no finer than asked.
#include "dsp/curve/LogGrid.h"
#include "dsp/curve/LogIntegral.h"
#include "dsp/curve/Smoothing.h"
#include "dsp/design/CorrectionCurve.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace iemeq;

TEST_CASE("Smoothing window never narrower than minWidthHz", "[curve][smoothing]")
{
    SmoothingSpec s;
    s.fraction = 6;
    s.minWidthHz = 12.0;
    for (double f : { 20.0, 35.0, 60.0 }) {
        const double h = std::exp2(0.5 * smoothingWidthOctaves(s, f));
        CHECK(f * (h - 1 / h) == Approx(12.0).epsilon(1e-9));  // exactly 12 Hz wide
    }
    CHECK(smoothingWidthOctaves(s, 1000.0) == Approx(1.0 / 6));  // fractional width wins
}

TEST_CASE("Correction curve: aligned, boost/cut/treble limited and scaled", "[design][correction]")
{
    const auto grid = makeLogGrid(20, 20000, 48);
    FrequencyCurve m { grid, std::vector<double>(grid.size(), 0.0), "m" }, t = m;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const double f = grid[i];
        t.db[i] = f < 100 ? 20.0 : f < 200 ? -30.0 : f > 10000 ? 15.0 : 0.0;  // big boost, big cut, treble
    }
    CorrectionCurveSpec spec;
    const auto c = correctionCurve(m, t, spec);
    CHECK(LogIntegral(c).meanDb(300, 3000) == Approx(0.0).margin(0.05));
    CHECK(levelAt(c, 30) == Approx(6.0));     // boost limit
    CHECK(levelAt(c, 150) == Approx(-18.0));  // cut limit
    CHECK(levelAt(c, 15000) == Approx(6.0));  // treble limit
    spec.amount = 0.5;
    CHECK(levelAt(correctionCurve(m, t, spec), 30) == Approx(3.0));
    spec.amount = 2.0;
    CHECK_THROWS_WITH(correctionCurve(m, t, spec), Catch::Contains("amount must be 0..1"));
}
