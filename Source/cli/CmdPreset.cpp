// iemeq preset show|convert|apply: inspect presets, convert between the community's formats,
// and apply a preset's target and settings to another measurement.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"
#include "OutputPath.h"
#include "Suggest.h"

#include "dsp/analysis/CorrectionErrors.h"
#include "dsp/curve/ChannelPair.h"
#include "dsp/core/Error.h"
#include "dsp/correction/DesignCorrection.h"
#include "dsp/io/CurveReader.h"
#include "dsp/preset/PresetExport.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

namespace iemeq::cli {

static const std::vector<FlagSpec> kShowFlags = {
    { "check", "", "re-design from the preset's curves; exit 1 if the stored result differs", false },
};

static const std::vector<FlagSpec> kConvertFlags = {
    { "phase", "min|linear", "WAV impulse response phase (default min)", false },
    { "fs", "HZ", "rate to realise the correction at (default: the preset's; re-fitted there)", false },
    { "taps", "N", "WAV impulse response length (default: 8192 at 48 kHz, scaled with the rate)", false },
    { "bits", "32f|24", "WAV sample format (default 32f)", false },
};

static const std::vector<FlagSpec> kApplyFlags = {
    { "fr", "FILE", "the other IEM's measurement; give L then R", true },
    averageAllFlag(),
    { "output", "FILE", "where to write the new preset (default: standard output)", false },
    { "name", "TEXT", "the new preset's name (default: '<IEM> to <target>')", false },
};

static void printResult(const Correction& c)
{
    if (c.mode != CorrectionMode::Parametric) {
        std::printf("FIR: %zu taps per channel at %.0f Hz, latency %d samples, preamp %.1f dB\n",
                    c.perChannel.front().firTaps.size(), c.fs, c.latencySamples, c.preampDb);
        return;
    }
    const std::string apo = correctionApo(c);
    std::fwrite(apo.data(), 1, apo.size(), stdout);
}

static int show(const Args& args)
{
    if (args.positional().size() != 2)
        throw Error("preset show needs one preset file");
    const Preset p = importPresetFile(args.positional()[1]);
    const CorrectionSpec& spec = p.spec;
    const auto& s = spec.peq;
    std::printf("name:        %s\n", p.name.c_str());
    if (!p.author.empty()) std::printf("author:      %s\n", p.author.c_str());
    if (!p.notes.empty()) std::printf("notes:       %s\n", p.notes.c_str());
    std::printf("IEM:         %s%s%s\n", spec.iemName.empty() ? "-" : spec.iemName.c_str(),
                spec.measurementSource.empty() ? "" : ", measured by ", spec.measurementSource.c_str());
    std::printf("measurement: %zu channel(s), %s\n", spec.measurement.size(), channelModeName(spec.channels));
    std::printf("target:      %s%s\n", spec.targetName.empty() ? "-" : spec.targetName.c_str(),
                spec.adjustments.isNeutral() ? "" : " (adjusted)");
    if (spec.manual())
        std::printf("design:      filters given (realised as they are), set for %.0f Hz\n", spec.designRate);
    else
        std::printf("design:      %s, %s layout%s%s, %.0f Hz, amount %g %%, fit %g-%g Hz, max boost %g dB\n",
                    correctionModeName(spec.mode), s.layout == PeqLayout::AutoEq ? "AutoEq" : "free",
                    s.layout == PeqLayout::Free ? (" (" + std::to_string(s.numFilters) + " filters)").c_str() : "",
                    s.device ? (", device " + s.device->name).c_str() : "", spec.designRate, spec.amount * 100.0,
                    s.fitLoHz, s.fitHiHz, s.maxBoostDb);
    // The same function the plugin and `iemeq render` use, at the rate the result was saved at.
    const Correction c = designCorrection(spec, p.result.fs);
    if (c.hasCurves())
        std::printf("error:       %s\n", formatCorrectionErrors(correctionErrors(c)).c_str());
    std::printf("\n");
    printResult(c);
    if (args.has("check")) {
        const PresetResult again = resultOf(c);
        const bool same = again == p.result;
        std::printf("\nre-design from the preset's spec: %s\n", same ? "identical" : "DIFFERENT from the stored result");
        return same ? 0 : 1;
    }
    return 0;
}

static int convert(const Args& args)
{
    if (args.positional().size() != 3)
        throw Error("preset convert needs an input and an output file");
    const std::string in = args.positional()[1], out = args.positional()[2];
    refuseOverwritingInput(out, { in });
    const PresetFileFormat format = formatFromPath(out);
    for (const char* wavOnly : { "phase", "taps", "bits" })
        args.onlyWith(wavOnly, format == PresetFileFormat::Wav, "a .wav output (an impulse response)");
    args.notWith("fs", format == PresetFileFormat::Json, "a .json output (a preset keeps the rate it was designed for)");
    const Preset p = importPresetFile(in);
    ExportOptions o;
    const std::string phase = args.get("phase", "min");
    if (phase != "min" && phase != "minimum" && phase != "linear")
        throw Error("--phase must be min or linear, not '" + phase + "'");
    o.impulse.phase = phase == "linear" ? FirPhase::Linear : FirPhase::Minimum;
    const double fs = args.number("fs", p.result.fs);
    if (!(fs >= 8000.0 && fs <= 768000.0))
        throw Error("--fs must be between 8000 and 768000 Hz");
    o.impulse.taps = args.integer("taps", 0, 0, 1 << 20);
    const std::string bits = args.get("bits", "32f");
    if (bits != "32f" && bits != "24")
        throw Error("--bits must be 32f or 24, not '" + bits + "'");
    o.pcm24 = bits == "24";
    const Correction c = designCorrection(p.spec, fs);
    const std::string what = exportCorrection(p, c, out, format, o);
    std::fprintf(stderr, "%s -> %s: %s\n", in.c_str(), out.c_str(), what.c_str());
    for (const auto& note : c.notes)
        std::fprintf(stderr, "note: %s\n", note.c_str());
    return 0;
}

static int apply(const Args& args)
{
    if (args.positional().size() != 2)
        throw Error("preset apply needs one preset file");
    if (const auto output = args.get("output")) {
        std::vector<std::string> inputs = flagValues(args, { "fr" });
        inputs.push_back(args.positional()[1]);
        refuseOverwritingInput(*output, inputs);
    }
    Preset p = loadPresetFile(args.positional()[1]);
    CorrectionSpec spec = p.spec;
    if (spec.target.empty())
        throw Error(args.positional()[1] + ": the preset has no target curve to apply");
    const auto fr = measurementFiles(args);
    if (fr.empty())
        throw Error("preset apply needs --fr FILE (L, then R) of the IEM to correct");
    spec.measurement = readMeasurements(fr, args.has("average-all"));
    if (spec.channels == ChannelMode::Separate && spec.measurement.size() != 2)
        spec.channels = ChannelMode::Average;
    spec.manualFilters.clear();
    spec.iemName = iemNameFromChannelName(std::filesystem::path(fr.front()).stem().string());
    spec.measurementSource = std::filesystem::path(fr.front()).parent_path().filename().string();
    const Correction c = designCorrection(spec, spec.designRate);
    Preset out = makePreset(spec, c, args.get("name", spec.iemName + " to " + spec.targetName));
    out.author = p.author;
    std::fprintf(stderr, "%s: %s, preamp %.1f dB\n", out.name.c_str(), formatCorrectionErrors(correctionErrors(c)).c_str(),
                 c.preampDb);
    if (const auto path = args.get("output"))
        savePresetFile(*path, out);
    else {
        const std::string text = presetToJson(out);
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return 0;
}

struct Subcommand {
    const char* name;
    const char* usage;
    const char* summary;
    const std::vector<FlagSpec>& flags;
    int (*run)(const Args&);
};

static const Subcommand kSubcommands[] = {
    { "show", "iemeq preset show P [--check]",
      "Prints a preset's name, IEM, target, settings, residuals and filters. P is an iemeq preset\n"
      "(JSON), a ParametricEQ.txt or a GraphicEQ.txt; --check re-designs it from its own curves.",
      kShowFlags, show },
    { "convert", "iemeq preset convert IN OUT [--phase min|linear] [--fs HZ] [--taps N] [--bits 32f|24]",
      "Converts between iemeq JSON, Equalizer APO/AutoEq/Peace ParametricEQ.txt and AutoEq GraphicEQ.txt\n"
      "(import), and JSON, ParametricEQ.txt, GraphicEQ.txt, a WAV impulse response or a CSV of the\n"
      "curves (export); the output format follows OUT's name.",
      kConvertFlags, convert },
    { "apply", "iemeq preset apply P.json --fr L.txt [--fr R.txt] [--output OUT.json] [--name TEXT]",
      "Applies the preset's target, adjustments and design settings to another IEM's measurement\n"
      "and writes the new preset.",
      kApplyFlags, apply },
};

int runPreset(int argc, char** argv)
{
    const std::string sub = argc >= 2 ? argv[1] : "";
    if (sub.empty() || sub == "--help" || sub == "-h" || sub == "help") {
        std::string text = "usage: iemeq preset <show|convert|apply> ...\n\n";
        for (const auto& c : kSubcommands)
            text += "  " + std::string(c.usage) + "\n";
        text += "\n";
        for (const auto& c : kSubcommands) {
            text += std::string(c.name) + ":\n";
            for (std::size_t a = 0, b; a < std::strlen(c.summary); a = b + 1) {
                b = std::string(c.summary).find('\n', a);
                b = b == std::string::npos ? std::strlen(c.summary) : b;
                text += "  " + std::string(c.summary).substr(a, b - a) + "\n";
            }
            for (const auto& f : c.flags) {
                std::string left = "    --" + f.name + (f.valueName.empty() ? "" : " " + f.valueName);
                left.resize(std::max<std::size_t>(left.size() + 2, 26), ' ');
                text += left + f.help + "\n";
            }
            text += "\n";
        }
        text += "`iemeq preset <subcommand> --help` describes one subcommand.\n";
        std::printf("%s", text.c_str());
        return sub.empty() ? 2 : 0;
    }
    std::vector<std::string> names;
    for (const auto& c : kSubcommands) {
        names.push_back(c.name);
        if (sub != c.name)
            continue;
        const Args args(c.flags, argc, argv, 1, "preset " + sub);
        if (args.has("help")) {
            std::printf("%s", formatHelp(c.usage, c.summary, c.flags).c_str());
            return 0;
        }
        return c.run(args);
    }
    std::fprintf(stderr, "iemeq preset: unknown subcommand '%s'%s; see iemeq preset --help\n", sub.c_str(),
                 didYouMean(sub, names).c_str());
    return 2;
}

} // namespace iemeq::cli
