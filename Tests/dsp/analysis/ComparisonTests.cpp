// Comparing two IEMs: where they differ most, and the EQ that makes A sound like B.
#include "../../TestData.h"
#include "ReviewCurves.h"

#include "dsp/analysis/Comparison.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

TEST_CASE("comparison: the largest differences are found in size order, an octave apart", "[analysis][compare]")
{
    // Two Gaussian bumps in log-frequency: -5 dB at 150 Hz and +3 dB at 3 kHz.
    FrequencyCurve d;
    for (double f : makeLogGrid(20.0, 20000.0, 48.0)) {
        const double a = std::log2(f / 150.0), b = std::log2(f / 3000.0);
        d.freq.push_back(f);
        d.db.push_back(-5.0 * std::exp(-a * a / 0.5) + 3.0 * std::exp(-b * b / 0.5));
    }
    const auto regions = largestDifferences(d, 3, 1.0);
    REQUIRE(regions.size() == 2);
    REQUIRE(regions[0].peakDb == Approx(-5.0).margin(0.01));
    REQUIRE(regions[0].peakHz == Approx(150.0).epsilon(0.01));
    // Half height: exp(-a^2/0.5) = 0.5 at a = +-sqrt(0.5 ln 2) = +-0.589 octave.
    REQUIRE(std::log2(regions[0].loHz / 150.0) == Approx(-0.589).margin(0.02));
    REQUIRE(std::log2(regions[0].hiHz / 150.0) == Approx(0.589).margin(0.02));
    REQUIRE(regions[1].peakDb == Approx(3.0).margin(0.01));
    REQUIRE(regions[1].peakHz == Approx(3000.0).epsilon(0.01));
}

TEST_CASE("comparison: a broad difference with two humps is one region", "[analysis][compare]")
{
    // +6 dB at 3 kHz and +4 dB at 6 kHz on a +2 dB plateau between 1 and 10 kHz: one lobe.
    FrequencyCurve d;
    for (double f : makeLogGrid(20.0, 20000.0, 48.0)) {
        const double a = std::log2(f / 3000.0), b = std::log2(f / 6000.0);
        d.freq.push_back(f);
        d.db.push_back((f > 1000.0 && f < 10000.0 ? 2.0 : -0.5) + 4.0 * std::exp(-a * a / 0.05) + 2.0 * std::exp(-b * b / 0.05));
    }
    const auto regions = largestDifferences(d, 3, 1.0);
    REQUIRE(regions.size() == 1);
    REQUIRE(regions[0].peakHz == Approx(3000.0).epsilon(0.01));
    REQUIRE(regions[0].peakDb == Approx(6.0).margin(0.05));
}

TEST_CASE("comparison: EW200 vs EM6L per band, and the EQ that makes one sound like the other", "[analysis][compare]")
{
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    auto load = [&](const std::string& name) {
        auto c = averageDb({ readCurveFile(test::dataPath("measurements/regancipher/" + name + " L.txt")),
                             readCurveFile(test::dataPath("measurements/regancipher/" + name + " R.txt")) },
                           grid);
        c.name = name;
        return c;
    };
    const auto a = load("Simgot EW200"), b = load("Simgot EM6L");
    const IemComparison c = compareIems(a, b, PeqSettings{});
    // A relative to B equals (A - T) - (B - T) for any target: check against both vs a flat line.
    const auto da = measureBandDeviations(a, test::flatTarget()), db = measureBandDeviations(b, test::flatTarget());
    for (std::size_t i = 0; i < kReviewBandCount; ++i)
        REQUIRE(c.aMinusB.db[i] == Approx(da.db[i] - db.db[i]).margin(1e-9));
    REQUIRE(!c.largest.empty());
    REQUIRE(std::fabs(c.largest[0].peakDb) >= 1.0);
    // The EQ must bring A most of the way to B.
    INFO("rms before " << c.rmsBeforeDb << " after " << c.rmsAfterDb);
    REQUIRE(c.rmsAfterDb < 0.5 * c.rmsBeforeDb);
    REQUIRE(c.eq.filters.size() == 10);
}
