// The running meter and the matcher on their own: gating (silence holds), the growing-window
// start, which side is trimmed, the slew limit, and the jump allowed only for an unheard side.
#include "dsp/listening/Bs1770.h"
#include "dsp/listening/LoudnessMatcher.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace iemeq::listening;

namespace {

constexpr double kFs = 48000.0;

// A stereo 1 kHz sine block of `n` samples at peak `dbfs` (silence for NaN), continuing phase `i0`.
std::vector<float> sine(int n, double dbfs, long i0)
{
    std::vector<float> x(static_cast<std::size_t>(n), 0.0f);
    if (std::isnan(dbfs))
        return x;
    const double a = std::pow(10.0, dbfs / 20.0);
    for (int k = 0; k < n; ++k)
        x[static_cast<std::size_t>(k)] = static_cast<float>(a * std::sin(2.0 * 3.14159265358979323846 * 1000.0 * (i0 + k) / kFs));
    return x;
}

// Feeds `seconds` of corrected at `corrDb` and original at `origDb` (both channels) in 512-sample blocks.
void feed(RunningLoudness& m, double seconds, double corrDb, double origDb, long& pos)
{
    const int total = static_cast<int>(seconds * kFs);
    for (int done = 0; done < total; done += 512) {
        const int n = std::min(512, total - done);
        auto c = sine(n, corrDb, pos), o = sine(n, origDb, pos);
        const float* cp[2] = { c.data(), c.data() };
        const float* op[2] = { o.data(), o.data() };
        m.process(cp, op, 2, n);
        pos += n;
    }
}

} // namespace

TEST_CASE("The running meter reads BS.1770 loudness of a steady programme from the first hop", "[listening][loudness]")
{
    RunningLoudness m;
    m.prepare(kFs, 2);
    CHECK(std::isinf(m.loudnessLufs(0)));
    long pos = 0;
    feed(m, 0.1, -20.0, -26.0, pos);  // two 50 ms hops
    // Stereo sine at -20 dBFS peak: -20 LUFS (BS.1770 stereo), the other path 6 dB lower.
    CHECK(m.loudnessLufs(0) == Approx(-20.0).margin(0.1));
    CHECK(m.loudnessLufs(1) == Approx(-26.0).margin(0.1));
    feed(m, 5.0, -20.0, -26.0, pos);
    CHECK(m.loudnessLufs(0) == Approx(-20.0).margin(0.01));
    CHECK(m.loudnessLufs(0) - m.loudnessLufs(1) == Approx(6.0).margin(0.001));
    CHECK(m.programSeconds() == Approx(5.1).margin(0.05));
}

TEST_CASE("Silence leaves the running estimate where it was, a level change follows the 3 s time constant", "[listening][loudness]")
{
    RunningLoudness m;
    m.prepare(kFs, 2);
    long pos = 0;
    feed(m, 10.0, -20.0, -23.0, pos);
    // The first hop after the tone still holds the filters' ring-out (above the gate); after it
    // nothing moves for a long pause.
    feed(m, 0.1, NAN, NAN, pos);
    const double before0 = m.loudnessLufs(0), before1 = m.loudnessLufs(1);
    CHECK(before0 == Approx(-20.0).margin(0.1));
    feed(m, 20.0, NAN, NAN, pos);
    CHECK_FALSE(m.lastHopWasProgramme());
    CHECK(m.loudnessLufs(0) == before0);
    CHECK(m.loudnessLufs(1) == before1);
    CHECK(m.programSeconds() == Approx(10.05).margin(0.001));
    // 10 dB louder for exactly one time constant: the power estimate moves 1 - 1/e of the way.
    feed(m, 3.0, -10.0, -13.0, pos);
    const double expected = 10.0 * std::log10(std::exp(-1.0) * std::pow(10.0, (before0 + 20.0) / 10.0) + (1.0 - std::exp(-1.0)) * 10.0) - 20.0;
    CHECK(m.loudnessLufs(0) == Approx(expected).margin(0.05));
    CHECK(m.loudnessLufs(0) - m.loudnessLufs(1) == Approx(3.0).margin(0.001));
}

TEST_CASE("The louder side is trimmed down, and the trim says which side it is", "[listening][loudness]")
{
    const MatchGains louderCorrected = gainsForDifference(1.5);
    CHECK(louderCorrected.side() == TrimmedSide::Corrected);
    CHECK(louderCorrected.correctedDb == -1.5);
    CHECK(louderCorrected.originalDb == 0.0);
    CHECK(louderCorrected.describe() == "corrected trimmed by -1.5 dB");
    const MatchGains louderOriginal = gainsForDifference(-0.6);
    CHECK(louderOriginal.side() == TrimmedSide::Original);
    CHECK(louderOriginal.trimDb() == -0.6);
    CHECK(louderOriginal.describe() == "original trimmed by -0.6 dB");
    CHECK(gainsForDifference(0.0).describe() == "original trimmed by 0.0 dB");
}

TEST_CASE("The matcher starts from the static estimate, slews audible gains at 0.5 dB/s and holds in silence", "[listening][loudness]")
{
    LoudnessMatcher m;
    m.start(-1.0);  // static: corrected 1 dB quieter
    CHECK(m.gains().originalDb == -1.0);
    CHECK_FALSE(m.followingProgramme());
    // Too little programme yet: stays on the static estimate.
    m.update(-5.0, true, 0.2, 0.1, Audible::Both);
    CHECK(m.gains().originalDb == -1.0);
    // Measured -5 dB: the original's trim walks there at 0.5 dB/s.
    double t = 0.0;
    while (m.gains().originalDb > -5.0 + 1e-12) {
        const double before = m.gains().originalDb;
        m.update(-5.0, true, 1.0 + t, 0.01, Audible::Both);
        CHECK(before - m.gains().originalDb <= 0.5 * 0.01 + 1e-12);
        t += 0.01;
    }
    CHECK(t == Approx(8.0).margin(0.011));
    CHECK(m.followingProgramme());
    // The programme stops: whatever the meter says, the target holds.
    m.update(+3.0, false, 9.0, 1.0, Audible::Both);
    CHECK(m.targetDifferenceDb() == -5.0);
    CHECK(m.gains().originalDb == -5.0);
    // Crossing zero moves the trim from one side to the other, each slewed.
    for (int i = 0; i < 200; ++i)
        m.update(+2.0, true, 10.0, 0.1, Audible::Both);
    CHECK(m.gains().originalDb == 0.0);
    CHECK(m.gains().correctedDb == Approx(-2.0));
    CHECK(m.gains().side() == TrimmedSide::Corrected);
}

TEST_CASE("A side nobody hears takes its trim at once, the heard side keeps slewing", "[listening][loudness]")
{
    LoudnessMatcher m;
    m.start(-1.0);
    // The listener is on the corrected side: the original's trim jumps to the measured value.
    m.update(-7.0, true, 1.0, 0.005, Audible::Corrected);
    CHECK(m.gains().originalDb == -7.0);
    // Now the corrected side would need a trim, but it is the one being heard: it slews.
    m.update(+2.0, true, 1.1, 0.1, Audible::Corrected);
    CHECK(m.gains().originalDb == 0.0);
    CHECK(m.gains().correctedDb == Approx(-0.05));
    // Non-finite measurements (both paths silent: -inf - -inf) change nothing.
    m.update(NAN, true, 2.0, 0.1, Audible::Both);
    CHECK(m.targetDifferenceDb() == 2.0);
}

TEST_CASE("A new correction while playing restarts from its static estimate without a jump", "[listening][loudness]")
{
    LiveLoudnessMatch live;
    live.prepare(kFs, 2, -6.0);
    CHECK(live.gains().originalDb == -6.0);
    // 2 s of programme where the corrected path is 4 dB quieter, everything audible.
    long pos = 0;
    for (int b = 0; b < 375; ++b) {
        auto c = sine(256, -24.0, pos), o = sine(256, -20.0, pos);
        float* cp[2] = { c.data(), c.data() };
        float* op[2] = { o.data(), o.data() };
        live.process(cp, op, 2, 256);
        pos += 256;
    }
    const double g = live.gains().originalDb;
    CHECK(g > -6.0);  // on its way from -6 to -4 at 0.5 dB/s
    CHECK(g == Approx(-6.0 + 0.5 * (2.0 - 0.4)).margin(0.02));
    live.restart(-1.0);
    CHECK(live.gains().originalDb == g);  // no jump
    CHECK_FALSE(live.matcher().followingProgramme());
    CHECK(std::isinf(live.meter().loudnessLufs(0)));
}
