// The player's case: the programme's loudness difference is known (the whole track was analysed),
// so the live match moves to it under the usual rules and does not follow the running meter,
// until a new correction restarts it.
#include "dsp/listening/LoudnessMatcher.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace iemeq::listening;

namespace {

constexpr double kFs = 48000.0;

// Two seconds of a 1 kHz sine: corrected at `corrDb`, original at `origDb` (peak dBFS), everything audible.
void play(LiveLoudnessMatch& live, double seconds, double corrDb, double origDb)
{
    const int blocks = static_cast<int>(seconds * kFs / 256);
    for (int b = 0; b < blocks; ++b) {
        std::vector<float> c(256), o(256);
        for (int k = 0; k < 256; ++k) {
            const double s = std::sin(2.0 * 3.14159265358979323846 * 1000.0 * (b * 256 + k) / kFs);
            c[static_cast<std::size_t>(k)] = static_cast<float>(std::pow(10.0, corrDb / 20.0) * s);
            o[static_cast<std::size_t>(k)] = static_cast<float>(std::pow(10.0, origDb / 20.0) * s);
        }
        float* cp[2] = { c.data(), c.data() };
        float* op[2] = { o.data(), o.data() };
        live.process(cp, op, 2, 256);
    }
}

} // namespace

TEST_CASE("A known programme difference is held against the meter until the next restart", "[listening][loudness]")
{
    LiveLoudnessMatch live;
    live.prepare(kFs, 2, -1.0);
    live.setKnownDifference(-3.0);
    CHECK_FALSE(live.followingMeter());
    // The meter hears the corrected path 8 dB quieter; the known -3 dB wins. The audible original
    // slews from -1 dB to -3 dB at 0.5 dB/s (4 s), then stays.
    play(live, 2.0, -28.0, -20.0);
    CHECK(live.gains().originalDb == Approx(-2.0).margin(0.01));
    play(live, 4.0, -28.0, -20.0);
    CHECK(live.gains().originalDb == Approx(-3.0).margin(1e-9));
    CHECK(live.matcher().targetDifferenceDb() == -3.0);
    // A new correction: back to the static estimate and the meter (which then says -8 dB).
    live.restart(-3.0);
    CHECK(live.followingMeter());
    play(live, 3.0, -28.0, -20.0);
    CHECK(live.matcher().targetDifferenceDb() == Approx(-8.0).margin(0.01));
    CHECK(live.gains().originalDb < -3.0 - 0.5 * 2.0);  // moving towards -8 (after 0.4 s of programme)
}
