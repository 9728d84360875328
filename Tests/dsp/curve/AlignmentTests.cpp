#include "dsp/core/Error.h"
#include "dsp/curve/Alignment.h"
#include "dsp/curve/LogGrid.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

namespace {

// 5 dB at 1 kHz, rising 3 dB per octave.
FrequencyCurve slope()
{
    FrequencyCurve c;
    c.freq = makeLogGrid(20.0, 20000.0, 24.0);
    for (double f : c.freq)
        c.db.push_back(5.0 + 3.0 * std::log2(f / 1000.0));
    return c;
}

} // namespace

TEST_CASE("alignment: at 1 kHz, at a chosen frequency, by band mean", "[curve][alignment]")
{
    const auto c = slope();
    AlignSpec a;
    a.mode = AlignMode::At1kHz;
    REQUIRE(referenceLevelDb(c, a) == Approx(5.0).margin(1e-9));
    a.mode = AlignMode::AtFrequency;
    a.freqHz = 2000.0;
    REQUIRE(referenceLevelDb(c, a) == Approx(8.0).margin(1e-9));
    // Band mean over log-frequency: the line's value at the band's log-centre sqrt(300*3000).
    a = AlignSpec{};
    REQUIRE(referenceLevelDb(c, a) == Approx(5.0 + 3.0 * std::log2(std::sqrt(300.0 * 3000.0) / 1000.0)).margin(1e-9));
    REQUIRE(referenceLevelDb(normalize(c, a), a) == Approx(0.0).margin(1e-12));
}

TEST_CASE("alignment: one curve brought to another's level, grids may differ", "[curve][alignment]")
{
    const auto c = slope();
    FrequencyCurve ref;
    ref.freq = makeLogGrid(20.0, 20000.0, 7.0);
    ref.db.assign(ref.freq.size(), 80.0);
    const AlignSpec a;
    const auto moved = alignTo(c, ref, a);
    REQUIRE(referenceLevelDb(moved, a) == Approx(80.0).margin(1e-9));
    REQUIRE(moved.db[10] - c.db[10] == Approx(80.0 - referenceLevelDb(c, a)).margin(1e-12));
}

TEST_CASE("alignment: bad settings are refused", "[curve][alignment]")
{
    AlignSpec a;
    a.bandLoHz = 3000.0;
    a.bandHiHz = 300.0;
    REQUIRE_THROWS_WITH(referenceLevelDb(slope(), a), "alignment: band needs 0 < low < high");
    a = AlignSpec{};
    a.mode = AlignMode::AtFrequency;
    a.freqHz = -1.0;
    REQUIRE_THROWS_AS(referenceLevelDb(slope(), a), Error);
}
