// Target adjustments are analog filter responses: check them at the points where the RBJ
// prototypes have exact values (shelf: half the gain at its corner; peak: full gain at centre).
#include "dsp/core/Error.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/curve/TargetAdjustments.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

namespace {

double at(const TargetAdjustments& a, double f) { return adjustmentCurve(a, { f }).db[0]; }

} // namespace

TEST_CASE("target adjustments: tilt is a straight line in dB per octave around the pivot", "[curve][target]")
{
    TargetAdjustments a;
    a.tiltDbPerOctave = 1.0;
    REQUIRE(at(a, 2000.0) == Approx(1.0).margin(1e-12));
    REQUIRE(at(a, 1000.0) == Approx(0.0).margin(1e-12));
    REQUIRE(at(a, 250.0) == Approx(-2.0).margin(1e-12));
    a.tiltDbPerOctave = -0.5;
    a.tiltPivotHz = 500.0;
    REQUIRE(at(a, 8000.0) == Approx(-2.0).margin(1e-12));
}

TEST_CASE("target adjustments: bass shelf +6 dB is +3 dB at 105 Hz, full below, none above", "[curve][target]")
{
    TargetAdjustments a;
    a.bassGainDb = 6.0;
    REQUIRE(at(a, 105.0) == Approx(3.0).margin(1e-9));
    REQUIRE(at(a, 10.0) == Approx(6.0).margin(0.05));
    REQUIRE(std::fabs(at(a, 2000.0)) < 0.02);
}

TEST_CASE("target adjustments: treble shelf at 10 kHz and ear-gain peak at 2.75 kHz", "[curve][target]")
{
    TargetAdjustments a;
    a.trebleGainDb = -4.0;
    REQUIRE(at(a, 10000.0) == Approx(-2.0).margin(1e-9));
    REQUIRE(at(a, 40000.0) == Approx(-4.0).margin(0.1));
    REQUIRE(std::fabs(at(a, 100.0)) < 0.001);
    a = TargetAdjustments{};
    a.earGainDb = 3.0;
    REQUIRE(at(a, 2750.0) == Approx(3.0).margin(1e-9));
    // The analog peak is symmetric in log-frequency.
    REQUIRE(at(a, 2750.0 * 1.7) == Approx(at(a, 2750.0 / 1.7)).margin(1e-9));
    REQUIRE(at(a, 2750.0 * 1.7) < 3.0);
}

TEST_CASE("target adjustments: all four add up, and apply to a target on its own grid", "[curve][target]")
{
    const auto grid = makeLogGrid(20.0, 20000.0, 24.0);
    TargetAdjustments all;
    all.bassGainDb = 4.0;
    all.tiltDbPerOctave = -0.3;
    all.trebleGainDb = 2.0;
    all.earGainDb = -1.5;
    TargetAdjustments b, t, tr, e;
    b.bassGainDb = 4.0;
    t.tiltDbPerOctave = -0.3;
    tr.trebleGainDb = 2.0;
    e.earGainDb = -1.5;
    const auto sum = adjustmentCurve(all, grid);
    for (std::size_t i = 0; i < grid.size(); i += 17) {
        const double f = grid[i];
        REQUIRE(sum.db[i] == Approx(at(b, f) + at(t, f) + at(tr, f) + at(e, f)).margin(1e-12));
    }
    FrequencyCurve target;
    target.freq = grid;
    target.db.assign(grid.size(), 1.0);
    const auto adjusted = applyAdjustments(target, all);
    REQUIRE(adjusted.db[40] == Approx(1.0 + sum.db[40]).margin(1e-12));
    REQUIRE(TargetAdjustments{}.isNeutral());
    REQUIRE_FALSE(all.isNeutral());
}

TEST_CASE("target adjustments: another IEM as target, custom signature on top", "[curve][target]")
{
    const auto grid = makeLogGrid(20.0, 20000.0, 48.0);
    FrequencyCurve iemA, iemB;
    iemA.freq = iemB.freq = makeLogGrid(20.0, 20000.0, 12.0);
    for (double f : iemA.freq) {
        iemA.db.push_back(90.0 + std::log2(f / 1000.0));  // IEM A at ~90 dB
        iemB.db.push_back(60.0 + std::sin(std::log2(f)));  // IEM B measured at another level
    }
    const AlignSpec align;
    const auto t = iemAsTarget(iemB, iemA, grid, align);
    REQUIRE(t.size() == grid.size());
    REQUIRE(referenceLevelDb(t, align) == Approx(referenceLevelDb(iemA, align)).margin(1e-9));
    // Same shape as B: differences between two points are B's.
    REQUIRE(t.db[300] - t.db[100] == Approx(levelAt(iemB, grid[300]) - levelAt(iemB, grid[100])).margin(1e-9));

    FrequencyCurve signature;
    signature.freq = { 100.0, 1000.0 };
    signature.db = { 0.0, 2.0 };
    const auto s = addSignature(t, signature);
    const std::size_t i320 = 48 * 4;  // 20 Hz * 2^4 = 320 Hz
    REQUIRE(s.db[i320] - t.db[i320] == Approx(2.0 * std::log10(grid[i320] / 100.0)).margin(1e-9));
    REQUIRE(s.db.front() - t.db.front() == Approx(0.0).margin(1e-12));  // flat below 100 Hz
    REQUIRE(s.db.back() - t.db.back() == Approx(2.0).margin(1e-12));    // flat above 1 kHz
}

TEST_CASE("target adjustments: out-of-range settings are refused", "[curve][target]")
{
    TargetAdjustments a;
    a.bassGainDb = 40.0;
    REQUIRE_THROWS_WITH(adjustmentCurve(a, { 100.0 }), Catch::Equals("target adjustment: bass gain (dB) 40 is outside -30 .. 30"));
    a = TargetAdjustments{};
    a.earGainQ = 0.0;
    REQUIRE_THROWS_WITH(validate(a), Catch::Equals("target adjustment: Q 0 is outside 0.1 .. 20"));
}
