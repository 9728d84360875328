#include "../../TestData.h"

#include "dsp/curve/ChannelPair.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

namespace {

FrequencyCurve shape(double offsetDb)
{
    FrequencyCurve c;
    c.freq = makeLogGrid(20.0, 20000.0, 48.0);
    for (double f : c.freq)
        c.db.push_back(80.0 + offsetDb + 4.0 * std::sin(std::log2(f)));
    return c;
}

} // namespace

TEST_CASE("channels: average in dB or keep separate", "[curve][channels]")
{
    const auto l = shape(1.0), r = shape(-1.0);
    const auto grid = makeRatioGrid();
    const auto avg = combineChannels({ l, r }, ChannelMode::Average, grid);
    REQUIRE(avg.size() == 1);
    const auto mid = resample(shape(0.0), grid);
    for (std::size_t i = 0; i < grid.size(); ++i)
        REQUIRE(avg[0].db[i] == Approx(mid.db[i]).margin(1e-9));
    const auto sep = combineChannels({ l, r }, ChannelMode::Separate, grid);
    REQUIRE(sep.size() == 2);
    REQUIRE(sep[0].db[100] - sep[1].db[100] == Approx(2.0).margin(1e-9));
}

TEST_CASE("channels: a level offset and a broad bump are imbalance, a narrow notch is not", "[curve][channels]")
{
    auto b = measureChannelBalance(shape(1.0), shape(0.0));
    REQUIRE(b.meanDb == Approx(1.0).margin(1e-9));
    REQUIRE(b.maxAbsDb == Approx(1.0).margin(1e-9));
    REQUIRE_FALSE(b.imbalanced);
    REQUIRE(b.warning.empty());

    b = measureChannelBalance(shape(-3.5), shape(0.0));
    REQUIRE(b.imbalanced);
    REQUIRE(b.warning == "warning: channel imbalance: L-R is -3.5 dB at 100 Hz (more than 3.0 dB between 100 Hz and 5000 Hz)");

    // +5 dB bump an octave wide at 1 kHz in L only.
    auto l = shape(0.0);
    for (std::size_t i = 0; i < l.size(); ++i)
        l.db[i] += 5.0 * std::exp(-std::pow(std::log2(l.freq[i] / 1000.0) / 0.4, 2));
    b = measureChannelBalance(l, shape(0.0));
    REQUIRE(b.imbalanced);
    REQUIRE(b.worstHz == Approx(1000.0).epsilon(0.015));
    REQUIRE(b.maxAbsDb > 4.5);

    // A 10 dB notch one grid point (1/48 octave) wide: a coupler artefact, not an imbalance.
    l = shape(0.0);
    l.db[48 * 6] -= 10.0;  // 1280 Hz
    b = measureChannelBalance(l, shape(0.0));
    REQUIRE(b.maxAbsDb == Approx(10.0 * (1.0 / 48.0) / (1.0 / 6.0)).margin(0.01));
    REQUIRE_FALSE(b.imbalanced);
}

TEST_CASE("channels: real pairs (FA7 is imbalanced, EW200 is not)", "[curve][channels][fixtures]")
{
    const auto m = [](const char* rel) { return readCurveFile(test::dataPath(rel)); };
    const auto fa7 = measureChannelBalance(m("measurements/antdroid/FA7 L.txt"), m("measurements/antdroid/FA7 R.txt"));
    REQUIRE(fa7.imbalanced);
    REQUIRE(fa7.meanDb == Approx(-2.95).margin(0.01));
    const auto ew = measureChannelBalance(m("measurements/regancipher/Simgot EW200 L.txt"),
                                          m("measurements/regancipher/Simgot EW200 R.txt"));
    REQUIRE_FALSE(ew.imbalanced);
    REQUIRE(ew.maxAbsDb < 0.01);
}

TEST_CASE("IEM name from a channel's file name", "[curve][channels]")
{
    CHECK(iemNameFromChannelName("Simgot EW200 L") == "Simgot EW200");
    CHECK(iemNameFromChannelName("Truthear Hexa R") == "Truthear Hexa");
    CHECK(iemNameFromChannelName("Blessing 3 (L)") == "Blessing 3");
    CHECK(iemNameFromChannelName("FA7_Right") == "FA7_Right");  // not a recognised suffix form
    CHECK(iemNameFromChannelName("Zero2-R") == "Zero2");
    CHECK(iemNameFromChannelName("Moondrop Chu") == "Moondrop Chu");
    CHECK(iemNameFromChannelName("L") == "L");
}
