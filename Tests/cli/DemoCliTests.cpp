// The quick-start job: bundled EW200 -> Harman 2019, preset + APO EQ + rendered clip, and the
// printed error before/after.
#include "CliRunner.h"

#include "dsp/io/WavFile.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace iemeq;
using namespace iemeq::test;
namespace fs = std::filesystem;

static double numberAfter(const std::string& text, const std::string& label)
{
    const auto at = text.find(label);
    return at == std::string::npos ? NAN : std::strtod(text.c_str() + at + label.size(), nullptr);
}

TEST_CASE("iemeq demo designs, saves and renders the bundled example", "[cli][demo]")
{
    const fs::path dir = fs::temp_directory_path() / "iemeq-demo-test";
    fs::remove_all(dir);
    const CliRun run = runCli("demo --out " + quoted(dir.string()));
    REQUIRE(run.exitCode == 0);
    const double before = numberAfter(run.out, "before: "), after = numberAfter(run.out, "after: ");
    CHECK(before == Approx(1.49).margin(0.01));
    // RMS 20 Hz-10 kHz: it includes the 6-10 kHz detail the (default) smooth treble policy
    // leaves alone; the reliable band's fit is tested in Tests/dsp/design.
    CHECK(after < 0.7);
    for (const char* f : { "preset.json", "ParametricEQ.txt", "clip.wav", "clip-corrected.wav" })
        CHECK(fs::exists(dir / f));
    // The preset is self-contained: re-designing from it gives the same filters.
    CHECK(runCli("preset show --check " + quoted((dir / "preset.json").string())).out.find("identical") != std::string::npos);
    // The rendered clip is the input through the correction: same length, different, finite.
    const AudioData in = readWav((dir / "clip.wav").string()), out = readWav((dir / "clip-corrected.wav").string());
    REQUIRE(in.numFrames() == out.numFrames());
    double diff = 0;
    for (std::size_t i = 0; i < in.numFrames(); ++i) {
        REQUIRE(std::isfinite(out.channels[0][i]));
        diff = std::max(diff, double(std::abs(in.channels[0][i] - out.channels[0][i])));
    }
    CHECK(diff > 1e-3);
    fs::remove_all(dir);
}
