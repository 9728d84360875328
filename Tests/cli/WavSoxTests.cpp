// sox reads every kind of WAV iemeq writes without a warning: render outputs (1, 2 and 6 channels;
// 32-bit float, 24-bit and 16-bit PCM), impulse-response exports and the demo's clips.
#include "../TestData.h"

#include "dsp/io/WavFile.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <string>

using namespace iemeq;
using namespace iemeq::test;

namespace {

const std::string kFr = " --fr " + shq(dataPath("measurements/Simgot EW200 L.txt")) + " --fr "
                        + shq(dataPath("measurements/Simgot EW200 R.txt"));

// sox's view of the file: `sox --i` and a full decode (`sox FILE -n stat`), each with its own
// stderr, which must hold no warning. Returns `sox --i` on success.
std::string soxInfo(const ScratchDir& dir, const std::string& wav)
{
    const std::string err = dir / "sox-stderr.txt";
    const CliRun info = runShell("(sox --i " + shq(wav) + " 2> " + shq(err) + ")");
    INFO(wav);
    INFO(info.out);
    CHECK(info.exitCode == 0);
    CHECK(fileBytes(err).empty());
    INFO(fileBytes(err));
    const CliRun stat = runShell("(sox " + shq(wav) + " -n stat 2> " + shq(err) + ")");
    const std::string statErr = fileBytes(err);
    INFO(statErr);
    CHECK(stat.exitCode == 0);
    CHECK(statErr.find("WARN") == std::string::npos);
    CHECK(statErr.find("FAIL") == std::string::npos);
    CHECK(statErr.find("Samples read") != std::string::npos);
    return info.out;
}

AudioData sines(std::size_t channels, double fs)
{
    AudioData a;
    a.sampleRate = fs;
    a.channels.assign(channels, std::vector<float>(4800));
    for (std::size_t c = 0; c < channels; ++c)
        for (std::size_t i = 0; i < 4800; ++i)
            a.channels[c][i] = static_cast<float>(0.2 * std::sin(2.0 * std::numbers::pi * (200.0 + 150.0 * c) * i / fs));
    return a;
}

} // namespace

TEST_CASE("wav/sox: render outputs of 1, 2 and 6 channels in 32f, 24 and 16 bits read without a warning", "[cli][wav][sox]")
{
    ScratchDir dir("sox-render");
    REQUIRE(runCli("design" + kFr + " --format json --output " + shq(dir / "p.json")).exitCode == 0);
    for (std::size_t ch : { 1u, 2u, 6u }) {
        const std::string in = dir / ("in" + std::to_string(ch) + ".wav");
        writeWav(in, sines(ch, 44100.0));
        for (const std::string bits : { "32f", "24", "16" }) {
            const std::string out = dir / ("out" + std::to_string(ch) + "-" + bits + ".wav");
            const CliRun r = runCli("render --preset " + shq(dir / "p.json") + " --bits " + bits + " " + shq(in) + " " + shq(out));
            INFO(r.out);
            REQUIRE(r.exitCode == 0);
            const std::string info = soxInfo(dir, out);
            CHECK(info.find("Channels       : " + std::to_string(ch) + "\n") != std::string::npos);
            CHECK(info.find("Sample Rate    : 44100\n") != std::string::npos);
            CHECK(info.find(bits == "32f" ? "32-bit Floating Point PCM" : bits + "-bit Signed Integer PCM") != std::string::npos);
            CHECK(info.find("= 4800 samples") != std::string::npos);
        }
    }
}

TEST_CASE("wav/sox: impulse-response exports (preset convert, design) and the demo's clips read without a warning", "[cli][wav][sox]")
{
    ScratchDir dir("sox-ir");
    REQUIRE(runCli("design" + kFr + " --format json --output " + shq(dir / "p.json")).exitCode == 0);
    for (const std::string bits : { "32f", "24" }) {
        const std::string ir = dir / ("ir-" + bits + ".wav");
        REQUIRE(runCli("preset convert " + shq(dir / "p.json") + " " + shq(ir) + " --bits " + bits).exitCode == 0);
        const std::string info = soxInfo(dir, ir);
        CHECK(info.find("Channels       : 2\n") != std::string::npos);
        CHECK(info.find(bits == "32f" ? "32-bit Floating Point PCM" : "24-bit Signed Integer PCM") != std::string::npos);
    }
    // design --format wav writes the same kind of impulse response, float or --pcm24.
    for (const std::string bits : { "", " --pcm24" }) {
        const std::string ir = dir / ("design-ir" + bits.substr(bits.empty() ? 0 : 3) + ".wav");
        REQUIRE(runCli("design" + kFr + " --format wav" + bits + " --output " + shq(ir)).exitCode == 0);
        const std::string info = soxInfo(dir, ir);
        CHECK(info.find(bits.empty() ? "32-bit Floating Point PCM" : "24-bit Signed Integer PCM") != std::string::npos);
    }
    REQUIRE(runCli("demo --out " + shq(dir / "demo")).exitCode == 0);
    for (const char* clip : { "demo/clip.wav", "demo/clip-corrected.wav" })
        soxInfo(dir, dir / clip);
}
