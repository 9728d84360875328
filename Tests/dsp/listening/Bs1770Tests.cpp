// Gated integrated loudness against the reference expectations of ITU-R BS.1770-4 and the
// synthesisable cases of EBU Tech 3341 (minimum requirements for loudness meters), at 44.1,
// 48 and 96 kHz.
#include "dsp/listening/Bs1770.h"

#include "dsp/io/WavFile.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;
using namespace iemeq::listening;

namespace {

// Appends `seconds` of a 1 kHz sine with peak level `dbfs` to every channel given a level
// (nullopt-like: NaN leaves the channel silent for that segment).
void appendSine(std::vector<std::vector<float>>& ch, double fs, double seconds, const std::vector<double>& dbfs,
                double hz = 1000.0)
{
    const std::size_t start = ch.empty() ? 0 : ch[0].size();
    const auto n = static_cast<std::size_t>(std::lround(seconds * fs));
    ch.resize(dbfs.size());
    for (std::size_t c = 0; c < dbfs.size(); ++c) {
        ch[c].resize(start + n, 0.0f);
        if (std::isnan(dbfs[c]))
            continue;
        const double a = std::pow(10.0, dbfs[c] / 20.0);
        for (std::size_t i = 0; i < n; ++i)
            ch[c][start + i] = static_cast<float>(a * std::sin(2.0 * 3.14159265358979323846 * hz * static_cast<double>(start + i) / fs));
    }
}

std::vector<std::vector<float>> stereoSegments(double fs, const std::vector<std::pair<double, double>>& segments)
{
    std::vector<std::vector<float>> ch;
    for (const auto& [seconds, db] : segments)
        appendSine(ch, fs, seconds, { db, db });
    return ch;
}

const double kRates[] = { 44100.0, 48000.0, 96000.0 };

} // namespace

TEST_CASE("A 997 Hz sine at -20 dBFS on one channel reads -23.0 LUFS", "[listening][loudness]")
{
    for (double fs : kRates) {
        std::vector<std::vector<float>> ch;
        appendSine(ch, fs, 10.0, { -20.0, NAN }, 997.0);
        const LoudnessResult r = integratedLoudness(ch, fs);
        INFO(fs << " Hz: " << r.integratedLufs);
        CHECK(r.integratedLufs == Approx(-23.01).margin(0.01));  // -20 - 3.01 (sine power) + 0.691 - 0.691
        CHECK(r.blocks == 97);                                    // (10 s - 0.4 s) / 0.1 s + 1
        CHECK(r.blocksGated == 97);
    }
}

TEST_CASE("EBU Tech 3341 cases 1-6 read their expected loudness at 44.1, 48 and 96 kHz", "[listening][loudness]")
{
    for (double fs : kRates) {
        INFO(fs << " Hz");
        // 1, 2: stereo 1 kHz sine at -23 / -33 dBFS, 20 s.
        CHECK(integratedLoudness(stereoSegments(fs, { { 20.0, -23.0 } }), fs).integratedLufs == Approx(-23.0).margin(0.1));
        CHECK(integratedLoudness(stereoSegments(fs, { { 20.0, -33.0 } }), fs).integratedLufs == Approx(-33.0).margin(0.1));
        // 3: the -36 dBFS parts fall under the relative gate.
        const LoudnessResult r3 = integratedLoudness(stereoSegments(fs, { { 10, -36 }, { 60, -23 }, { 10, -36 } }), fs);
        CHECK(r3.integratedLufs == Approx(-23.0).margin(0.1));
        CHECK(r3.relativeGateLufs == Approx(-10.0 + 10.0 * std::log10((20 * std::pow(10.0, -3.6) + 60 * std::pow(10.0, -2.3)) / 80.0))
                                         .margin(0.1));
        // 4: -72 dBFS is under the absolute gate, -36 under the relative one.
        const LoudnessResult r4 = integratedLoudness(
            stereoSegments(fs, { { 10, -72 }, { 10, -36 }, { 60, -23 }, { 10, -36 }, { 10, -72 } }), fs);
        CHECK(r4.integratedLufs == Approx(-23.0).margin(0.1));
        // 5: -26 / -20 / -26 dBFS, every block above the relative gate.
        CHECK(integratedLoudness(stereoSegments(fs, { { 20, -26 }, { 20.1, -20 }, { 20, -26 } }), fs).integratedLufs
              == Approx(-23.0).margin(0.1));
        // 6: five channels L R C Ls Rs at -28 -28 -24 -30 -30 dBFS, surrounds weighted 1.41.
        std::vector<std::vector<float>> five;
        appendSine(five, fs, 20.0, { -28, -28, -24, -30, -30 });
        CHECK(integratedLoudness(five, fs).integratedLufs == Approx(-23.0).margin(0.1));
    }
}

TEST_CASE("The gates work on block loudness as BS.1770 defines them", "[listening][loudness]")
{
    const double fs = 48000.0;
    // Silence and -75 dBFS (under the absolute gate): nothing to measure.
    CHECK_FALSE(integratedLoudness(stereoSegments(fs, { { 5, -75 } }), fs).measurable());
    std::vector<std::vector<float>> silent(2, std::vector<float>(48000 * 3, 0.0f));
    const LoudnessResult s = integratedLoudness(silent, fs);
    CHECK_FALSE(s.measurable());
    CHECK(std::isinf(s.integratedLufs));
    // Shorter than one 400 ms block: nothing either.
    CHECK_FALSE(integratedLoudness(stereoSegments(fs, { { 0.39, -20 } }), fs).measurable());
    // 8 s of silence after 8 s of tone: the 80 silent-only blocks are gated out; the three
    // blocks straddling the end hold 3/4, 1/2 and 1/4 of a tone block's power and pass the
    // relative gate, so the mean power becomes (77 + 1.5) / 80 of the tone's.
    const auto tone = stereoSegments(fs, { { 8, -20 } });
    auto padded = tone;
    appendSine(padded, fs, 8.0, { NAN, NAN });
    const LoudnessResult a = integratedLoudness(tone, fs), b = integratedLoudness(padded, fs);
    CHECK(a.blocks == 77);
    CHECK(b.blocks == 157);
    CHECK(b.blocksGated == 80);
    CHECK(b.integratedLufs == Approx(a.integratedLufs + 10.0 * std::log10(78.5 / 80.0)).margin(0.002));
    // Loudness is scale-equivariant: 6 dB down reads 6 dB down.
    auto quieter = tone;
    for (auto& c : quieter)
        for (auto& x : c)
            x *= 0.5f;
    CHECK(integratedLoudness(quieter, fs).integratedLufs == Approx(a.integratedLufs - 20.0 * std::log10(2.0)).margin(1e-4));
}

TEST_CASE("Streaming the programme in chunks of any size gives the same loudness", "[listening][loudness]")
{
    const double fs = 44100.0;
    const auto prog = stereoSegments(fs, { { 3, -30 }, { 4, -18 }, { 2, -40 } });
    const double whole = integratedLoudness(prog, fs).integratedLufs;
    for (int chunk : { 1, 37, 4410, 100000 }) {
        IntegratedLoudnessMeter m(fs, 2);
        for (std::size_t i = 0; i < prog[0].size(); i += static_cast<std::size_t>(chunk)) {
            const float* p[2] = { prog[0].data() + i, prog[1].data() + i };
            m.add(p, static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(chunk), prog[0].size() - i)));
        }
        CHECK(m.result().integratedLufs == whole);
    }
}

TEST_CASE("Loudness input errors are one-line iemeq errors", "[listening][loudness]")
{
    CHECK_THROWS_WITH(IntegratedLoudnessMeter(1000.0, 2), Catch::Contains("sample rate"));
    CHECK_THROWS_WITH(IntegratedLoudnessMeter(48000.0, 0), Catch::Contains("no channels"));
    CHECK_THROWS_WITH(IntegratedLoudnessMeter(48000.0, 2, { 1.0 }), Catch::Contains("1 channel weights for 2 channels"));
    std::vector<std::vector<float>> ragged = { std::vector<float>(10), std::vector<float>(11) };
    CHECK_THROWS_WITH(integratedLoudness(ragged, 48000.0), Catch::Contains("different lengths"));
}
