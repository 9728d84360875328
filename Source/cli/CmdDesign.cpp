// iemeq design: the correction of a measurement to a target (parametric, or FIR of minimum or
// linear phase; linked or per channel), written as a preset or in the formats people use.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"
#include "OutputPath.h"
#include "SpecFromArgs.h"

#include "dsp/analysis/CorrectionErrors.h"
#include "dsp/analysis/DesignWarnings.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/correction/DesignCorrection.h"
#include "dsp/preset/PresetExport.h"

#include <cstdio>

namespace iemeq::cli {

static std::vector<FlagSpec> designCommandFlags()
{
    return withFlags(designFlags(), {
        { "format", "json|apo|graphiceq|wav|csv",
          "output: iemeq preset JSON, Equalizer APO ParametricEQ.txt (default), GraphicEQ.txt,\n"
          "                          WAV impulse response (stereo when separate) or CSV of the curves", false },
        { "output", "FILE", "where to write (default: standard output; WAV needs a file)", false },
        { "name", "TEXT", "preset name (JSON)", false },
        { "pcm24", "", "WAV: 24-bit PCM instead of 32-bit float", false },
    });
}

int runDesign(int argc, char** argv)
{
    const auto flags = designCommandFlags();
    const Args args(flags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq design --fr L.txt [--fr R.txt] [--target T] [options]",
                                     "Designs the correction that brings the IEM to the target: a parametric EQ\n"
                                     "(default) or an FIR (--mode fir-min|fir-lin), for the mean of L and R or per\n"
                                     "channel (--channels separate). Prints the error before and after (RMS 20 Hz-6 kHz,\n"
                                     "where couplers are reliable, and the 1-octave treble level 6-16 kHz), the preamp\n"
                                     "and warnings (channel imbalance, filters at their limits, treble boosts). The plugin,\n"
                                     "presets and `iemeq render` design the same spec the same way.",
                                     flags).c_str());
        return argc < 2 ? 2 : 0;
    }
    args.noPositional("design");
    const PresetFileFormat format = formatFromName(args.get("format", "apo"));
    const auto output = args.get("output");
    if (format == PresetFileFormat::Wav && !output)
        throw Error("--format wav needs --output FILE.wav");
    args.onlyWith("name", format == PresetFileFormat::Json, "--format json (the other formats hold no name)");
    args.onlyWith("pcm24", format == PresetFileFormat::Wav, "--format wav");
    if (output)
        refuseOverwritingInput(*output, flagValues(args, { "fr", "target", "target-iem", "signature", "device" }));
    const CorrectionSpec spec = specFromArgs(args, measurementFiles(args));
    const Correction c = designCorrection(spec, spec.designRate);
    if ((format == PresetFileFormat::Apo) && spec.fir())
        throw Error("--format apo holds parametric filters; an FIR correction exports as wav, graphiceq, json or csv");

    // The error where the coupler is reliable leads; above it only the broad level is matched.
    std::fprintf(stderr, "%s; preamp %.1f dB, %s\n", formatCorrectionErrors(correctionErrors(c)).c_str(), c.preampDb,
                 spec.fir() ? (std::to_string(c.perChannel.front().firTaps.size()) + "-tap FIR").c_str()
                            : (std::to_string(c.perChannel.front().filters.size()) + " filters"
                               + (c.perChannel.size() > 1 ? " per channel" : "")).c_str());
    for (const auto& note : c.notes)
        std::fprintf(stderr, "note: %s\n", note.c_str());
    for (const auto& w : designWarnings(spec, c))
        std::fprintf(stderr, "warning: %s\n", w.text.c_str());

    Preset p = makePreset(spec, c, args.get("name", spec.iemName));
    ExportOptions options;
    options.pcm24 = args.has("pcm24");
    if (output) {
        const std::string what = exportCorrection(p, c, *output, format, options);
        std::fprintf(stderr, "wrote %s: %s\n", output->c_str(), what.c_str());
        return 0;
    }
    std::string out;
    switch (format) {
    case PresetFileFormat::Json: out = presetToJson(p); break;
    case PresetFileFormat::Apo: out = correctionApo(c); break;
    case PresetFileFormat::GraphicEq: out = correctionGraphicEq(c); break;
    case PresetFileFormat::Csv: out = correctionCurvesCsv(spec, c); break;
    case PresetFileFormat::Wav: break;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace iemeq::cli
