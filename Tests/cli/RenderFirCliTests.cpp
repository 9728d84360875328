// `iemeq render` with an FIR preset: the preset's curves become the same FIR correction the
// plugin runs (dsp/design/FirCorrection.h), designed at the file's rate, with no added delay.
#include "CliRunner.h"
#include "TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/design/FirCorrection.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/Preset.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <numbers>

using namespace iemeq;
using namespace iemeq::test;
namespace fs = std::filesystem;

TEST_CASE("render plays an FIR preset's correction at the file's rate, delay removed", "[cli][render][fir]")
{
    const fs::path dir = fs::temp_directory_path() / "iemeq-render-fir";
    fs::create_directories(dir);
    Preset p = presetFromJson(readFileBytes(repoPath("Presets/harman-in-ear-2019/Simgot EW200.json")), "EW200");
    p.spec.mode = CorrectionMode::FirLinearPhase;
    writeFileAtomically((dir / "fir.json").string(), presetToJson(p));

    const double fs = 44100.0;
    const int n = 22050;
    AudioData in;
    in.sampleRate = fs;
    in.channels.assign(2, std::vector<float>(n, 0.0f));
    in.channels[0][100] = 1.0f;  // an impulse, to see where the response lands
    for (int i = 0; i < n; ++i)
        in.channels[1][static_cast<std::size_t>(i)] = static_cast<float>(0.25 * std::sin(2 * std::numbers::pi * 1000.0 * i / fs));
    writeWav((dir / "in.wav").string(), in);
    const CliRun r = runCli("render --preset " + quoted((dir / "fir.json").string()) + " " + quoted((dir / "in.wav").string()) + " "
                            + quoted((dir / "out.wav").string()));
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("linear-phase FIR") != std::string::npos);
    const AudioData out = readWav((dir / "out.wav").string());
    REQUIRE(out.numFrames() == static_cast<std::size_t>(n));
    CHECK(out.sampleRate == fs);

    // The same correction, designed here: the impulse's response peaks where the impulse was.
    const FirCorrection fc = designFirCorrection(measurementsOnGrid(p.spec).front(), adjustedTargetOnGrid(p.spec), 1.0,
                                                 FirPhase::Linear, fs);
    std::size_t peak = 0;
    for (std::size_t i = 0; i < out.numFrames(); ++i)
        if (std::abs(out.channels[0][i]) > std::abs(out.channels[0][peak]))
            peak = i;
    CHECK(peak == 100);
    // The sine comes out with the kernel's gain at 1 kHz plus the preamp.
    double ss = 0;
    for (int i = n / 2; i < n; ++i)
        ss += double(out.channels[1][static_cast<std::size_t>(i)]) * out.channels[1][static_cast<std::size_t>(i)];
    const double gainDb = 20 * std::log10(std::sqrt(ss / (n - n / 2)) / (0.25 / std::sqrt(2.0)));
    CHECK(gainDb == Approx(firMagnitudeDb(fc.kernel.taps, 1000.0, fs) + fc.preampDb).margin(0.02));
    fs::remove_all(dir);
}
