// Band deviations: exact on synthetic curves with an analytic answer, and on a real IEM against
// an independent numerical integration of the raw files.
#include "../../TestData.h"
#include "ReviewCurves.h"

#include "dsp/analysis/BandDeviations.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

TEST_CASE("band deviations: bands, labels and range texts", "[analysis][bands]")
{
    const auto& b = reviewBands();
    REQUIRE(b.size() == 7);
    REQUIRE(bandRangeText(b[SubBass]) == "20-60 Hz");
    REQUIRE(bandRangeText(b[Mids]) == "500 Hz-2 kHz");
    REQUIRE(bandRangeText(b[UpperMids]) == "2-5 kHz");
    REQUIRE(bandRangeText(b[Air]) == "10-20 kHz");
    for (std::size_t i = 1; i < b.size(); ++i)
        REQUIRE(b[i].loHz == b[i - 1].hiHz);
}

TEST_CASE("band deviations: a straight line in log-frequency has analytic band means", "[analysis][bands]")
{
    // e(f) = k log2(f / 1000) + 70: the mean over [lo, hi] is k log2(sqrt(lo hi) / 1000) + 70,
    // and the 300 Hz-3 kHz reference is k log2(sqrt(9e5) / 1000) + 70.
    const double k = 1.7;
    FrequencyCurve r;
    for (double f : makeLogGrid(20.0, 20000.0, 12.0)) {
        r.freq.push_back(f);
        r.db.push_back(70.0 + k * std::log2(f / 1000.0));
    }
    const auto d = measureBandDeviations(r, test::flatTarget());
    REQUIRE(d.referenceDb == Approx(70.0 + k * std::log2(std::sqrt(9e5) / 1000.0)).margin(1e-9));
    for (std::size_t b = 0; b < kReviewBandCount; ++b) {
        const auto& band = reviewBands()[b];
        INFO(band.label);
        REQUIRE(d.db[b] == Approx(k * std::log2(std::sqrt(band.loHz * band.hiHz / 9e5))).margin(1e-9));
    }
    REQUIRE(d.punchDb == Approx(k * std::log2(std::sqrt(100.0 * 200.0 / 9e5))).margin(1e-9));
    REQUIRE(d.attackDb == Approx(k * std::log2(std::sqrt(4000.0 * 6000.0 / 9e5))).margin(1e-9));
    // Rising line: the 1/6-octave peak in 6-8 kHz is its top end.
    REQUIRE(d.sibilancePeakHz == Approx(8000.0).epsilon(0.01));
}

TEST_CASE("band deviations: synthetic step curves give back the asked-for numbers", "[analysis][bands]")
{
    const std::array<double, kReviewBandCount> rel = { 3.0, -1.0, 2.0, -0.5, 2.5, 1.0, -4.0 };
    const auto d = measureBandDeviations(test::curveWithBandDeviations(rel), test::flatTarget());
    for (std::size_t b = 0; b < kReviewBandCount; ++b)
        REQUIRE(d.db[b] == Approx(rel[b]).margin(1e-5));
    REQUIRE(d.referenceDb == Approx(0.0).margin(1e-5));
    REQUIRE(d.balanceDb == Approx(0.5 * (2.5 + 1.0) - 0.5 * (3.0 - 1.0)).margin(1e-5));
}

TEST_CASE("band deviations: Simgot EW200 vs Harman 2019 v2 matches a direct integration of the files",
          "[analysis][bands]")
{
    const auto l = readCurveFile(test::dataPath("measurements/regancipher/Simgot EW200 L.txt"));
    const auto r = readCurveFile(test::dataPath("measurements/regancipher/Simgot EW200 R.txt"));
    const auto t = readCurveFile(test::repoPath("Targets/Harman in-ear 2019 v2.csv"));
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const auto d = measureBandDeviations(averageDb({ l, r }, grid), resample(t, grid));

    // Independent: midpoint rule over log-frequency, 4000 steps per band, on the raw files.
    auto rawMean = [&](double lo, double hi) {
        const int n = 4000;
        double s = 0.0;
        for (int i = 0; i < n; ++i) {
            const double f = lo * std::pow(hi / lo, (i + 0.5) / n);
            s += 0.5 * (levelAt(l, f) + levelAt(r, f)) - levelAt(t, f);
        }
        return s / n;
    };
    const double ref = rawMean(300.0, 3000.0);
    REQUIRE(d.referenceDb == Approx(ref).margin(0.005));
    // Pinned from the direct integration (dB): a real IEM's deviations, so a change of method shows.
    const double expected[kReviewBandCount] = { -0.676, 2.275, 1.212, -0.265, 0.129, -0.711, 1.081 };
    for (std::size_t b = 0; b < kReviewBandCount; ++b) {
        const auto& band = reviewBands()[b];
        const double hand = rawMean(band.loHz, band.hiHz) - ref;
        INFO(band.label << ": measured " << d.db[b] << ", by hand " << hand);
        REQUIRE(d.db[b] == Approx(hand).margin(0.005));
        CHECK(hand == Approx(expected[b]).margin(0.01));
    }
}
