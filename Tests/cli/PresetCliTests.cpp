// `iemeq preset`, `batch` and `render` as users run them: the shipped presets are exactly what
// cmake/make-presets.sh produces now, and a CLI preset rendered by `iemeq render` (WAV or any
// rate) gives the engine's samples (at another rate: the correction re-fitted there). The render fixture's numbers are documented in
// Presets/README.md ("Host-test fixture") for the plugin's host test.
#include "../TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/engine/OfflineRender.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/Preset.h"
#include "plugin/core/CorrectionRender.h"

#include "CliRunner.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>
#include <sys/wait.h>

using namespace iemeq;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

// Exit code of a command line; its output goes to *out when given.
int run(const std::string& cmd, std::string* out = nullptr)
{
    const CliRun r = runShell(cmd);
    if (out)
        *out = r.out;
    return r.exitCode;
}

const std::string kCli = IEMEQ_CLI_PATH;

// The host-test input: a unit impulse at frame 0 (left) and a 1 kHz sine of amplitude 0.25
// (right), 4800 frames.
AudioData fixtureInput(double fs)
{
    AudioData a;
    a.sampleRate = fs;
    a.channels.assign(2, std::vector<float>(4800, 0.0f));
    a.channels[0][0] = 1.0f;
    for (std::size_t i = 0; i < 4800; ++i)
        a.channels[1][i] = static_cast<float>(0.25 * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(i) / fs));
    return a;
}

} // namespace

TEST_CASE("presets: the shipped presets are exactly what cmake/make-presets.sh produces now", "[cli][preset][regenerate]")
{
    const fs::path out = fs::temp_directory_path() / "iemeq-regenerated-presets";
    fs::remove_all(out);
    std::string log;
    REQUIRE(run(quoted(test::repoPath("cmake/make-presets.sh")) + " " + quoted(kCli) + " " + quoted(out.string()), &log) == 0);
    int compared = 0;
    for (const auto& dir : { "harman-in-ear-2019", "diffuse-field" }) {
        for (const auto& e : fs::directory_iterator(test::repoPath(std::string("Presets/") + dir))) {
            const fs::path fresh = out / dir / e.path().filename();
            INFO(e.path().string() << " differs from what the code produces now: run cmake/make-presets.sh build/bin/iemeq");
            REQUIRE(fs::exists(fresh));
            CHECK(readFileBytes(fresh.string()) == readFileBytes(e.path().string()));
            ++compared;
        }
        CHECK(std::distance(fs::directory_iterator(out / dir), fs::directory_iterator()) ==
              std::distance(fs::directory_iterator(test::repoPath(std::string("Presets/") + dir)), fs::directory_iterator()));
    }
    CHECK(compared == 20);
    CHECK(log.find("0 failed") != std::string::npos);
    CHECK(log.find("/16 ") != std::string::npos);  // the progress bar
}

TEST_CASE("render: a CLI-made preset rendered by `iemeq render` gives the engine's samples", "[cli][preset][render]")
{
    const fs::path dir = fs::temp_directory_path() / "iemeq-render-fixture";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string fr = test::repoPath("Presets/measurements/Simgot EW200");
    const std::string preset = (dir / "p.json").string();
    REQUIRE(run(kCli + " batch " + quoted(test::repoPath("Presets/measurements")) + " --only 'Simgot EW200' --author 'iemeq (cmake/make-presets.sh)' --preset-dir " + quoted(dir.string())) == 0);
    fs::rename(dir / "Simgot EW200.json", preset);
    const Preset p = loadPresetFile(preset);
    // Same bytes as the shipped preset (the plugin host test loads that one).
    CHECK(readFileBytes(preset) == readFileBytes(test::repoPath("Presets/harman-in-ear-2019/Simgot EW200.json")));

    for (const double fs : { 48000.0, 44100.0 }) {
        const AudioData in = fixtureInput(fs);
        writeWav((dir / "in.wav").string(), in);
        REQUIRE(run(kCli + " render --preset " + quoted(preset) + " " + quoted((dir / "in.wav").string()) + " " + quoted((dir / "out.wav").string())) == 0);
        const AudioData cli = readWav((dir / "out.wav").string());
        // At the design rate: the stored filters through the DSP core's offline engine. At
        // another rate: the plugin's path with the correction as designCorrection realises it there.
        AudioData engine = in;
        if (fs == p.result.fs)
            renderPeq(engine, p.firstChannel());
        else
            plugin::renderCorrection(engine, designCorrection(p.spec, fs));
        REQUIRE(cli.sampleRate == fs);
        REQUIRE(cli.channels.size() == 2);
        CHECK(cli.channels == engine.channels);  // bit for bit
        if (fs == 48000.0) {
            // The numbers documented for the plugin's host test (Presets/README.md).
            CHECK(cli.channels[0][0] == Approx(0.613668).margin(1e-5));
            double energy = 0.0;
            for (float v : cli.channels[0])
                energy += static_cast<double>(v) * v;
            CHECK(10.0 * std::log10(energy) == Approx(-3.94619).margin(1e-3));
        }
    }

    // ParametricEQ.txt and GraphicEQ.txt conversions through the CLI.
    REQUIRE(run(kCli + " preset convert " + quoted(preset) + " " + quoted((dir / "ParametricEQ.txt").string())) == 0);
    REQUIRE(run(kCli + " preset convert " + quoted((dir / "ParametricEQ.txt").string()) + " " + quoted((dir / "back.json").string())) == 0);
    CHECK(loadPresetFile((dir / "back.json").string()).firstChannel() == p.firstChannel());
    std::string out;
    CHECK(run(kCli + " preset show --check " + quoted(preset), &out) == 0);
    CHECK(out.find("re-design from the preset's spec: identical") != std::string::npos);
    CHECK(run(kCli + " preset convert " + quoted(preset) + " " + quoted((dir / "ir.wav").string()) + " --phase linear --fs 96000 --bits 24") == 0);
    CHECK(readWav((dir / "ir.wav").string()).sampleRate == 96000.0);
    // A bad preset: one line, non-zero exit, nothing written.
    writeFileAtomically((dir / "bad.json").string(), "{\"format\": \"iemeq-preset\", \"version\": 99}");
    CHECK(run(kCli + " render --preset " + quoted((dir / "bad.json").string()) + " " + quoted((dir / "in.wav").string()) + " " + quoted((dir / "bad.wav").string()), &out) == 1);
    CHECK(out.find("version 99 is newer") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "bad.wav"));
}
