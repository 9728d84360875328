// iemeq demo: the README's quick-start job on the bundled example, end to end.
#include "Args.h"
#include "Commands.h"

#include "dsp/core/DataPaths.h"
#include "Inputs.h"

#include "dsp/analysis/CorrectionErrors.h"
#include "dsp/analysis/DesignWarnings.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/io/CurveReader.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/PresetExport.h"
#include "plugin/core/CorrectionRender.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>
#include <random>

namespace iemeq::cli {

static const std::vector<FlagSpec> kDemoFlags = {
    { "out", "DIR", "where to write the results (default: ./iemeq-demo)", false },
};

// Five seconds of a music-like test clip: a chord with harmonics over soft pink-ish noise.
static AudioData synthClip(double fs)
{
    AudioData a;
    a.sampleRate = fs;
    const auto n = static_cast<std::size_t>(5 * fs);
    a.channels.assign(2, std::vector<float>(n));
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    double b0 = 0, b1 = 0, b2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / fs;
        double v = 0;
        for (double f0 : { 110.0, 164.8, 220.0, 277.2 })
            for (int h = 1; h <= 6; ++h)
                v += 0.04 / h * std::sin(2 * std::numbers::pi * f0 * h * t);
        const double w = noise(rng);  // Paul Kellet's economy pink filter
        b0 = 0.99765 * b0 + w * 0.0990460;
        b1 = 0.96300 * b1 + w * 0.2965164;
        b2 = 0.57000 * b2 + w * 1.0526913;
        v += 0.02 * (b0 + b1 + b2 + w * 0.1848);
        const double env = std::min(1.0, t * 4) * std::min(1.0, (5.0 - t) * 4);
        a.channels[0][i] = static_cast<float>(v * env);
        a.channels[1][i] = static_cast<float>(v * env * 0.98);
    }
    return a;
}

int runDemo(int argc, char** argv)
{
    const Args args(kDemoFlags, argc, argv, 1);
    if (args.has("help")) {
        std::printf("%s", formatHelp("iemeq demo [--out DIR]",
                                     "Loads the bundled Simgot EW200 measurement (L and R) and the Harman in-ear 2019\n"
                                     "target, designs an AutoEq-layout parametric correction, renders a synthesized clip\n"
                                     "through it and prints where everything is.",
                                     kDemoFlags).c_str());
        return 0;
    }
    args.noPositional("demo");
    namespace fs = std::filesystem;
    const fs::path out = args.get("out", "iemeq-demo");
    fs::create_directories(out);
    const fs::path meas = fs::path(dataFolder("Presets")) / "measurements";
    const std::vector<std::string> fr = { (meas / "Simgot EW200 L.txt").string(), (meas / "Simgot EW200 R.txt").string() };
    // The same spec `iemeq design --fr L --fr R` builds (defaults: Harman 2019, AutoEq layout,
    // 48 kHz), designed by the one function, so `iemeq preset show --check` reproduces it.
    CorrectionSpec spec;
    for (const auto& f : fr)
        spec.measurement.push_back(readCurveFile(f));
    spec.iemName = "Simgot EW200";
    spec.measurementSource = "regancipher";
    spec.target = readCurveFile(resolveTargetPath("harman2019"));
    spec.targetName = "Harman in-ear 2019 v2";
    spec.target.name = spec.targetName;
    const Correction c = designCorrection(spec, spec.designRate);
    const Preset p = makePreset(spec, c, "Simgot EW200 to Harman in-ear 2019");
    writeFileAtomically((out / "preset.json").string(), presetToJson(p));
    writeFileAtomically((out / "ParametricEQ.txt").string(), correctionApo(c));

    AudioData clip = synthClip(48000.0);
    writeWav((out / "clip.wav").string(), clip);
    plugin::renderCorrection(clip, c);
    writeWav((out / "clip-corrected.wav").string(), clip);

    std::printf("IEM: Simgot EW200 (L+R, regancipher), target: Harman in-ear 2019 v2\n");
    // The same numbers and warnings `iemeq design` prints for this spec.
    std::printf("%s (before -> after, vs target)\n", formatCorrectionErrors(correctionErrors(c)).c_str());
    for (const auto& w : designWarnings(spec, c))
        std::fprintf(stderr, "warning: %s\n", w.text.c_str());
    std::printf("preset:        %s\n", fs::absolute(out / "preset.json").string().c_str());
    std::printf("APO EQ:        %s\n", fs::absolute(out / "ParametricEQ.txt").string().c_str());
    std::printf("rendered WAV:  %s (original: clip.wav)\n", fs::absolute(out / "clip-corrected.wav").string().c_str());
    return 0;
}

} // namespace iemeq::cli
