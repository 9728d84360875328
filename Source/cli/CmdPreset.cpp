// iemeq preset show|convert|apply: inspect presets, convert between the community's formats,
// and apply a preset's target and settings to another measurement.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"

#include "dsp/curve/ChannelPair.h"
#include "dsp/analysis/Metrics.h"
#include "dsp/core/Error.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/CurveReader.h"
#include "dsp/preset/PresetExport.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

namespace iemeq::cli {

static const std::vector<FlagSpec> kShowFlags = {
    { "check", "", "re-design from the preset's curves; exit 1 if the stored result differs", false },
};

static const std::vector<FlagSpec> kConvertFlags = {
    { "phase", "min|linear", "WAV impulse response phase (default min)", false },
    { "fs", "HZ", "WAV impulse response sample rate (default: the preset's)", false },
    { "taps", "N", "WAV impulse response length (default: 8192 at 48 kHz, scaled with the rate)", false },
    { "bits", "32f|24", "WAV sample format (default 32f)", false },
};

static const std::vector<FlagSpec> kApplyFlags = {
    { "fr", "FILE", "the other IEM's measurement; give L then R", true },
    { "output", "FILE", "where to write the new preset (default: standard output)", false },
    { "name", "TEXT", "the new preset's name (default: '<IEM> to <target>')", false },
};

static void printDesign(const PeqDesign& d)
{
    std::string apo = formatApo(d);
    std::fwrite(apo.data(), 1, apo.size(), stdout);
}

static bool residuals(const Preset& p, double& before, double& after)
{
    if (p.measurement.empty() || p.target.empty())
        return false;
    const FrequencyCurve m = presetMeasurementOnGrid(p), t = presetTargetOnGrid(p);
    before = rmsErrorDb(m, t);
    after = rmsErrorDb(add(m, eqCurve(p.design.filters, presetDesignGrid(), p.settings.fs)), t);
    return true;
}

static int show(const Args& args)
{
    if (args.positional().size() != 2)
        throw Error("preset show needs one preset file");
    const Preset p = importPresetFile(args.positional()[1]);
    const auto& s = p.settings;
    std::printf("name:        %s\n", p.name.c_str());
    if (!p.author.empty()) std::printf("author:      %s\n", p.author.c_str());
    if (!p.notes.empty()) std::printf("notes:       %s\n", p.notes.c_str());
    std::printf("IEM:         %s%s%s\n", p.iemName.empty() ? "-" : p.iemName.c_str(), p.measurementSource.empty() ? "" : ", measured by ",
                p.measurementSource.c_str());
    std::printf("measurement: %zu channel(s)\n", p.measurement.size());
    std::printf("target:      %s%s\n", p.targetName.empty() ? "-" : p.targetName.c_str(),
                p.adjustments.isNeutral() ? "" : " (adjusted)");
    std::printf("design:      %s, %s layout%s, %.0f Hz, fit %g-%g Hz, max boost %g dB\n",
                s.mode == CorrectionKind::Fir ? (s.phase == FirPhase::Linear ? "FIR linear phase" : "FIR minimum phase") : "parametric",
                s.layout == PeqLayout::AutoEq ? "AutoEq" : "free",
                s.layout == PeqLayout::Free ? (" (" + std::to_string(s.numFilters) + " filters)").c_str() : "", s.fs, s.fitLoHz,
                s.fitHiHz, s.maxBoostDb);
    double before = 0, after = 0;
    if (residuals(p, before, after))
        std::printf("residual:    %.2f dB before, %.2f dB after (RMS 20 Hz-10 kHz)\n", before, after);
    std::printf("\n");
    printDesign(p.design);
    if (args.has("check")) {
        const PeqDesign again = designFromPreset(p);
        const bool same = again == p.design;
        std::printf("\nre-design from the preset's curves: %s\n", same ? "identical" : "DIFFERENT");
        if (!same)
            printDesign(again);
        return same ? 0 : 1;
    }
    return 0;
}

static int convert(const Args& args)
{
    if (args.positional().size() != 3)
        throw Error("preset convert needs an input and an output file");
    const std::string in = args.positional()[1], out = args.positional()[2];
    const Preset p = importPresetFile(in);
    ExportOptions o;
    const std::string phase = args.get("phase", "min");
    if (phase != "min" && phase != "minimum" && phase != "linear")
        throw Error("--phase must be min or linear, not '" + phase + "'");
    o.phase = phase == "linear" ? FirPhase::Linear : FirPhase::Minimum;
    o.fs = args.number("fs", 0.0);
    if (o.fs != 0.0 && !(o.fs >= 8000.0 && o.fs <= 768000.0))
        throw Error("--fs must be between 8000 and 768000 Hz");
    o.taps = args.integer("taps", 0, 0, 1 << 20);
    const std::string bits = args.get("bits", "32f");
    if (bits != "32f" && bits != "24")
        throw Error("--bits must be 32f or 24, not '" + bits + "'");
    o.pcm24 = bits == "24";
    const std::string what = exportPreset(p, out, formatFromPath(out), o);
    std::fprintf(stderr, "%s -> %s: %s\n", in.c_str(), out.c_str(), what.c_str());
    return 0;
}

static int apply(const Args& args)
{
    if (args.positional().size() != 2)
        throw Error("preset apply needs one preset file");
    Preset p = loadPresetFile(args.positional()[1]);
    if (p.target.empty())
        throw Error(args.positional()[1] + ": the preset has no target curve to apply");
    const auto fr = args.all("fr");
    if (fr.empty())
        throw Error("preset apply needs --fr FILE (L, then R) of the IEM to correct");
    p.measurement.clear();
    for (const auto& f : fr)
        p.measurement.push_back(readCurveFile(f));
    p.iemName = iemNameFromChannelName(std::filesystem::path(fr.front()).stem().string());
    p.measurementSource = std::filesystem::path(fr.front()).parent_path().filename().string();
    p.name = args.get("name", p.iemName + " to " + p.targetName);
    p.design = designFromPreset(p);
    double before = 0, after = 0;
    residuals(p, before, after);
    std::fprintf(stderr, "%s: residual %.2f dB -> %.2f dB, preamp %.1f dB, %zu filters\n", p.name.c_str(), before, after,
                 p.design.preampDb, p.design.filters.size());
    if (const auto path = args.get("output"))
        savePresetFile(*path, p);
    else {
        const std::string text = presetToJson(p);
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return 0;
}

int runPreset(int argc, char** argv)
{
    const char* sub = argc >= 2 ? argv[1] : "";
    const bool help = argc < 2 || !std::strcmp(sub, "--help");
    if (help || (std::strcmp(sub, "show") && std::strcmp(sub, "convert") && std::strcmp(sub, "apply"))) {
        std::printf("usage: iemeq preset show P [--check]\n"
                    "       iemeq preset convert IN OUT [--phase min|linear] [--fs HZ] [--taps N] [--bits 32f|24]\n"
                    "       iemeq preset apply P.json --fr L.txt [--fr R.txt] [--output OUT.json] [--name TEXT]\n\n"
                    "show:    name, IEM, target, settings, residuals and the filters of a preset (JSON,\n"
                    "         ParametricEQ.txt or GraphicEQ.txt); --check re-designs it from its own curves.\n"
                    "convert: between iemeq JSON, Equalizer APO/AutoEq/Peace ParametricEQ.txt and AutoEq\n"
                    "         GraphicEQ.txt (import), and JSON, ParametricEQ.txt, GraphicEQ.txt, a WAV impulse\n"
                    "         response or a CSV of the curves (export); the output format follows OUT's name.\n"
                    "apply:   the preset's target, adjustments and design settings applied to another IEM.\n\n"
                    "%s%s%s",
                    formatHelp("iemeq preset show", "", kShowFlags).c_str(), formatHelp("iemeq preset convert", "", kConvertFlags).c_str(),
                    formatHelp("iemeq preset apply", "", kApplyFlags).c_str());
        return help ? (argc < 2 ? 2 : 0) : 2;
    }
    if (!std::strcmp(sub, "show"))
        return show(Args(kShowFlags, argc, argv, 1));
    if (!std::strcmp(sub, "convert"))
        return convert(Args(kConvertFlags, argc, argv, 1));
    return apply(Args(kApplyFlags, argc, argv, 1));
}

} // namespace iemeq::cli
