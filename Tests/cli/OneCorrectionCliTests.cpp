// Issue 12 from the command line: for linked and separate, parametric, both FIR phases and a
// device profile, `iemeq design --format json` writes a preset that `preset show --check`
// reproduces, that reloads to bit-identical filters/kernels at 44.1, 48 and 96 kHz, and that
// `iemeq render` plays sample for sample as the plugin's engine plays designCorrection of the
// same spec. Separate designs keep both channels in every export; 32 filters design and reload;
// version-2 presets still load, design and render.
#include "../dsp/correction/CorrectionTestSpecs.h"
#include "CliRunner.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Limits.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/PresetExport.h"
#include "plugin/core/CorrectionRender.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <numbers>

using namespace iemeq;
using namespace iemeq::test;

namespace {

// A fresh folder for one test's files, removed afterwards.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("iemeq-one-correction-" + name))
    {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string operator/(const std::string& file) const { return (path_ / file).string(); }

private:
    std::filesystem::path path_;
};

const double kRates[] = { 44100.0, 48000.0, 96000.0 };
const std::string kIem = "antdroid/FA7";  // L and R differ by a few dB

std::string frFlags(const std::string& iem)
{
    return " --fr " + quoted(measurementPath(iem, "L")) + " --fr " + quoted(measurementPath(iem, "R")) + " --target "
           + quoted(harmanTargetPath());
}

// 0.3 s of stereo test signal: an impulse and quiet noise (left), a 1 kHz sine and noise (right).
AudioData testSignal(double fs)
{
    AudioData a;
    a.sampleRate = fs;
    const auto n = static_cast<std::size_t>(0.3 * fs);
    a.channels.assign(2, std::vector<float>(n, 0.0f));
    std::uint32_t seed = 12345;
    auto noise = [&] {
        seed = seed * 1664525u + 1013904223u;
        return 0.02f * (static_cast<float>(seed >> 8) / 8388608.0f - 1.0f);
    };
    for (std::size_t i = 0; i < n; ++i) {
        a.channels[0][i] = noise();
        a.channels[1][i] = static_cast<float>(0.25 * std::sin(2.0 * std::numbers::pi * 1000.0 * static_cast<double>(i) / fs)) + noise();
    }
    a.channels[0][10] = 0.9f;
    return a;
}

// `iemeq render` of the test signal at fs through `preset`, against the plugin's engine
// playing `c` (which must be designCorrection(spec, fs) of the spec the preset should hold).
void requireRenderEquals(const TempDir& dir, const std::string& preset, const Correction& c)
{
    const AudioData in = testSignal(c.fs);
    writeWav(dir / "in.wav", in);
    const CliRun r = runCli("render --preset " + quoted(preset) + " " + quoted(dir / "in.wav") + " " + quoted(dir / "out.wav"));
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const AudioData cli = readWav(dir / "out.wav");
    AudioData engine = in;
    plugin::renderCorrection(engine, c);
    REQUIRE(cli.sampleRate == c.fs);
    REQUIRE(cli.channels.size() == 2);
    CHECK(cli.channels == engine.channels);  // bit for bit
    CHECK(cli.channels != in.channels);      // and the correction did something
}

} // namespace

TEST_CASE("one correction: design -> preset -> --check, reload and render are bit-identical for every mode",
          "[cli][correction][render][heavy]")
{
    const TempDir dir("one-correction");
    for (const auto channels : { ChannelMode::Average, ChannelMode::Separate })
        for (const auto mode : { CorrectionMode::Parametric, CorrectionMode::FirMinimumPhase, CorrectionMode::FirLinearPhase })
            for (const bool device : { false, true }) {
                if (device && mode != CorrectionMode::Parametric)
                    continue;
                const SpecCase k { mode, channels, device };
                INFO(k.label());
                const std::string preset = dir / "p.json";
                CliRun r = runCli("design" + frFlags(kIem) + k.flags() + " --format json --output " + quoted(preset));
                INFO(r.out);
                REQUIRE(r.exitCode == 0);
                r = runCli("preset show --check " + quoted(preset));
                INFO(r.out);
                CHECK(r.exitCode == 0);
                CHECK(r.out.find("re-design from the preset's spec: identical") != std::string::npos);

                const Preset p = loadPresetFile(preset);
                CHECK(p.spec.mode == mode);
                CHECK(p.spec.channels == channels);
                CHECK(p.result.filters.size() == (mode == CorrectionMode::Parametric ? (channels == ChannelMode::Separate ? 2u : 1u) : 0u));
                const CorrectionSpec spec = specFor(kIem, k);
                for (const double fs : kRates) {
                    INFO(fs << " Hz");
                    const Correction c = designCorrection(spec, fs);
                    requireSameCorrection(designCorrection(p.spec, fs), c);
                    requireRenderEquals(dir, preset, c);
                }
            }
}

TEST_CASE("one correction: a separate design keeps both channels in JSON, APO (Channel: L / R) and WAV",
          "[cli][correction][separate]")
{
    const TempDir dir("separate");
    const CorrectionSpec spec = specFor(kIem, { CorrectionMode::Parametric, ChannelMode::Separate, false });
    const Correction c = designCorrection(spec, 48000.0);
    REQUIRE(c.perChannel.size() == 2);
    REQUIRE(c.perChannel[0].filters != c.perChannel[1].filters);
    const std::string flags = "design" + frFlags(kIem) + " --channels separate";

    // JSON: both channels' results, reloading to both channels' filters.
    REQUIRE(runCli(flags + " --format json --output " + quoted(dir / "p.json")).exitCode == 0);
    const Preset p = loadPresetFile(dir / "p.json");
    REQUIRE(p.result.filters.size() == 2);
    CHECK(p.result.filters[0] == c.perChannel[0].filters);
    CHECK(p.result.filters[1] == c.perChannel[1].filters);
    REQUIRE(p.spec.measurement.size() == 2);
    CHECK(p.spec.measurement[0].db != p.spec.measurement[1].db);

    // APO: a section per channel in APO's own syntax, each with that channel's filters.
    const CliRun apo = runCli(flags + " --format apo --output " + quoted(dir / "ParametricEQ.txt"));
    REQUIRE(apo.exitCode == 0);
    const std::string text = readFileBytes(dir / "ParametricEQ.txt");
    const auto l = text.find("Channel: L\n"), rr = text.find("Channel: R\n"), all = text.find("Channel: all\n");
    REQUIRE(l != std::string::npos);
    REQUIRE(rr != std::string::npos);
    REQUIRE(all != std::string::npos);
    CHECK(l < rr);
    CHECK(rr < all);
    const PeqDesign left = parseApo(text.substr(0, rr), "L"), right = parseApo(text.substr(rr, all - rr), "R");
    CHECK(left.filters == c.perChannel[0].filters);  // the designer rounds to what APO prints
    CHECK(right.filters == c.perChannel[1].filters);
    CHECK(left.preampDb == Approx(c.preampDb).margin(0.05));
    // ... and it imports back as a per-channel correction (render, convert, show).
    const Preset back = importPresetFile(dir / "ParametricEQ.txt");
    CHECK(back.spec.channels == ChannelMode::Separate);
    REQUIRE(back.result.filters.size() == 2);
    CHECK(back.result.filters[0] == c.perChannel[0].filters);
    CHECK(back.result.filters[1] == c.perChannel[1].filters);
    requireRenderEquals(dir, dir / "ParametricEQ.txt", designCorrection(back.spec, 48000.0));

    // WAV: a stereo impulse response whose channels are the two channels' corrections.
    const CliRun wav = runCli(flags + " --format wav --output " + quoted(dir / "ir.wav"));
    INFO(wav.out);
    REQUIRE(wav.exitCode == 0);
    CHECK(wav.out.find("stereo") != std::string::npos);
    const AudioData ir = readWav(dir / "ir.wav");
    CHECK(ir.sampleRate == 48000.0);
    REQUIRE(ir.channels.size() == 2);
    CHECK(ir.channels[0] != ir.channels[1]);
    const auto expected = correctionImpulseResponses(c);
    REQUIRE(expected.size() == 2);
    for (std::size_t ch = 0; ch < 2; ++ch) {
        REQUIRE(ir.channels[ch].size() == expected[ch].size());
        double worst = 0.0;
        for (std::size_t i = 0; i < expected[ch].size(); ++i)
            worst = std::max(worst, std::abs(static_cast<double>(ir.channels[ch][i]) - expected[ch][i]));
        CHECK(worst < 1e-7);  // 32-bit float of the double response
    }
}

TEST_CASE("one correction: 32 filters (the limit of every layout and device) design, save and reload from the CLI",
          "[cli][correction][limits][heavy]")
{
    const TempDir dir("max-filters");
    const std::string device = dir / "device-32.json";
    writeFileAtomically(device, R"({"name": "32-band PEQ", "maxFilters": 32, "types": ["PK", "LSC", "HSC"], "fc": [20, 20000],
        "q": [0.1, 10], "gain": [-12, 12], "gainStep": 0.1, "fcStep": 1, "qStep": 0.01, "preamp": true})");
    for (const std::string& how : { std::string(" --layout free --filters ") + std::to_string(kMaxFilters), " --device " + quoted(device) }) {
        INFO(how);
        const std::string preset = dir / "p.json";
        CliRun r = runCli("design" + frFlags("regancipher/Simgot EW200") + how + " --format json --output " + quoted(preset));
        INFO(r.out);
        REQUIRE(r.exitCode == 0);
        const Preset p = loadPresetFile(preset);
        REQUIRE(p.result.filters.size() == 1);
        CHECK(p.result.filters[0].size() == static_cast<std::size_t>(kMaxFilters));
        r = runCli("preset show --check " + quoted(preset));
        CHECK(r.exitCode == 0);
        r = runCli("preset convert " + quoted(preset) + " " + quoted(dir / "ParametricEQ.txt"));
        REQUIRE(r.exitCode == 0);
        CHECK(importPresetFile(dir / "ParametricEQ.txt").result.filters.at(0) == p.result.filters[0]);
        requireRenderEquals(dir, preset, designCorrection(p.spec, 96000.0));
    }
    CliRun r = runCli("design" + frFlags("regancipher/Simgot EW200") + " --layout free --filters 33");
    CHECK(r.exitCode != 0);
    CHECK(r.out.find("--filters") != std::string::npos);
}

TEST_CASE("one correction: a version-2 preset on disk loads, shows and renders", "[cli][correction][migration]")
{
    const TempDir dir("v2");
    const std::string v2 = dataPath("presets/FA7 v2.json");
    CliRun r = runCli("preset show " + quoted(v2));
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("FA7 to Harman in-ear 2019 v2") != std::string::npos);
    CHECK(r.out.find("design:      parametric, AutoEq layout") != std::string::npos);
    const Preset p = loadPresetFile(v2);
    for (const double fs : kRates)
        requireRenderEquals(dir, v2, designCorrection(p.spec, fs));
    // Converted, it is saved as a version-3 preset.
    REQUIRE(runCli("preset convert " + quoted(v2) + " " + quoted(dir / "v3.json")).exitCode == 0);
    CHECK(readFileBytes(dir / "v3.json").find("\"version\": 3") != std::string::npos);
}
