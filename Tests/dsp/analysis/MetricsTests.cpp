// RMS residual: a known case, and AutoEq's own figure for every IEM in PAIRS.tsv.
#include "../../TestData.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace iemeq;

TEST_CASE("metrics: RMS after removing the mean, mean over a band", "[analysis][metrics]")
{
    FrequencyCurve a, b;
    a.freq = b.freq = { 10.0, 20.0, 100.0, 1000.0, 10000.0, 20000.0 };
    a.db = { 99.0, 5.0, 7.0, 5.0, 7.0, -99.0 };  // 10 Hz and 20 kHz are outside 20 Hz-10 kHz
    b.db = { 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 };
    REQUIRE(meanErrorDb(a, b, 20.0, 10000.0) == Approx(6.0).margin(1e-12));
    REQUIRE(rmsErrorDb(a, b) == Approx(1.0).margin(1e-12));
}

TEST_CASE("metrics: uncorrected residual of every PAIRS.tsv IEM equals AutoEq's figure within 0.02 dB",
          "[analysis][metrics][golden]")
{
    std::ifstream in(test::dataPath("PAIRS.tsv"));
    REQUIRE(in);
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const auto target = resample(
        readCurveFile(test::dataPath("targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv")),
        grid);
    std::string line;
    std::getline(in, line);  // header
    int rows = 0;
    double worst = 0.0;
    while (std::getline(in, line)) {
        std::vector<std::string> col;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');)
            col.push_back(c);
        REQUIRE(col.size() >= 6);
        const std::string base = col[1].substr(0, col[1].find(" L.txt + R.txt"));
        const auto m = averageDb({ readCurveFile(test::dataPath(base + " L.txt")), readCurveFile(test::dataPath(base + " R.txt")) },
                                 grid);
        const double rms = rmsErrorDb(m, target, 20.0, 10000.0);
        const double ref = std::stod(col[5]);
        INFO(base << ": " << rms << " dB vs AutoEq " << ref << " dB");
        CHECK(std::fabs(rms - ref) <= 0.02);
        worst = std::max(worst, std::fabs(rms - ref));
        ++rows;
    }
    REQUIRE(rows == 14);
    REQUIRE(worst <= 0.01);  // measured: the figures agree to their printed 2 decimals
}
