#include "../../TestData.h"

#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

TEST_CASE("log grid: 1/96 octave from 20 Hz to 20 kHz", "[curve][grid]")
{
    const auto g = makeLogGrid();
    REQUIRE(g.size() == 958);  // 957 points 2^(1/96) apart reach 19.89 kHz, then 20 kHz itself
    REQUIRE(g.front() == 20.0);
    REQUIRE(g.back() == 20000.0);
    for (std::size_t i = 1; i + 1 < g.size(); ++i)
        REQUIRE(g[i] / g[i - 1] == Approx(std::exp2(1.0 / 96.0)).epsilon(1e-13));
}

TEST_CASE("AutoEq grid: 20 Hz x 1.01^k equals AutoEq's frequency column to its 2 printed decimals", "[curve][grid]")
{
    const auto g = makeRatioGrid(20.0, 20000.0, 1.01);
    REQUIRE(g.size() == 695);
    REQUIRE(g.back() == Approx(19955.54).margin(0.005));
    for (const char* rel : { "autoeq_results/Regan Cipher/in-ear/Simgot Audio EW200/Simgot Audio EW200.csv",
                             "targets/autoeq/Harman in-ear 2019 without bass.csv",
                             "targets/HarutoHiroki_PublicGraphTool/Harman IE 2019v2 Target.txt",
                             "targets/HarutoHiroki_PublicGraphTool/Harman IE 2016 Target.txt" }) {
        INFO(rel);
        const auto c = readCurveFile(test::dataPath(rel));
        REQUIRE(c.size() == g.size());
        double worst = 0.0;
        for (std::size_t i = 0; i < g.size(); ++i)
            worst = std::max(worst, std::fabs(g[i] - c.freq[i]));
        REQUIRE(worst <= 0.005 + 1e-9);  // rounding of the printed value, nothing more
    }
}

TEST_CASE("grids refuse nonsense", "[curve][grid]")
{
    REQUIRE_THROWS_WITH(makeLogGrid(0.0, 100.0, 12.0), "log grid: need 0 < fmin < fmax and a positive density");
    REQUIRE_THROWS_WITH(makeRatioGrid(20.0, 100.0, 1.0), "ratio grid: need 0 < fmin < fmax and ratio > 1");
}
