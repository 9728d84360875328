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

TEST_CASE("Correction curve: level free within the boost/cut limits, treble policy, scaled", "[design][correction]")
{
    const auto grid = makeLogGrid(20, 20000, 48);
    FrequencyCurve m { grid, std::vector<double>(grid.size(), 0.0), "m" }, t = m;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const double f = grid[i];
        t.db[i] = f < 100 ? 20.0 : f < 200 ? -30.0 : f > 10000 ? 15.0 : 0.0;  // big boost, big cut, treble
    }
    CorrectionCurveSpec spec;
    spec.treble = TreblePolicy::Fit;  // the treble limit belongs to the old (Fit) handling
    const auto c = correctionCurve(m, t, spec);
    // 50 dB of range cannot fit +6/-18 dB: the level shares the clamping (least squares), the
    // limits hold, and the middle of the band is where that level puts it.
    double hi = -1e9, lo = 1e9;
    for (double v : c.db) {
        hi = std::max(hi, v);
        lo = std::min(lo, v);
    }
    CHECK(hi <= 6.0 + 1e-9);
    CHECK(lo >= -18.0 - 1e-9);
    CHECK(levelAt(c, 30) == Approx(6.0));     // boost limit
    CHECK(levelAt(c, 150) == Approx(-18.0));  // cut limit
    CHECK(levelAt(c, 15000) <= 6.0);          // treble limit (Fit)
    const double mid = levelAt(c, 1000);
    CHECK(mid < 6.0);
    CHECK(mid > -18.0);
    // A need that fits the limits is kept whole; "amount" scales the need before the level.
    for (std::size_t i = 0; i < grid.size(); ++i)
        t.db[i] = grid[i] < 100 ? 4.0 : 0.0;
    spec.treble = TreblePolicy::Smooth;
    const auto whole = correctionCurve(m, t, spec);
    CHECK(levelAt(whole, 30) - levelAt(whole, 1000) == Approx(4.0).margin(0.05));
    spec.amount = 0.5;
    const auto half = correctionCurve(m, t, spec);
    CHECK(levelAt(half, 30) - levelAt(half, 1000) == Approx(2.0).margin(0.05));
    spec.amount = 2.0;
    CHECK_THROWS_WITH(correctionCurve(m, t, spec), Catch::Contains("amount must be 0..1"));
}
