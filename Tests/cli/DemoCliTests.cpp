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
    // The error where couplers are reliable (20 Hz-6 kHz) and the broad treble level (6-16 kHz),
    // as `iemeq design` prints them; the default (smooth) policy matches only that level above 8 kHz.
    const double before = numberAfter(run.out, "error 20 Hz-6 kHz: "), after = numberAfter(run.out, "error 20 Hz-6 kHz: 1.35 -> ");
    CHECK(before == Approx(1.35).margin(0.01));  // measured
    CHECK(after < 0.15);                         // measured 0.07
    const double trebleBefore = numberAfter(run.out, "treble level 6-16 kHz: "),
                 trebleAfter = numberAfter(run.out, "treble level 6-16 kHz: 1.15 -> ");
    CHECK(trebleBefore == Approx(1.15).margin(0.01));  // measured
    CHECK(trebleAfter < trebleBefore);                 // measured 0.94
    CHECK(run.out.find("warning:") == std::string::npos);  // the bundled example is clean
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
