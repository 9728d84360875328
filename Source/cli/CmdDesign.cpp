// iemeq design: fit a parametric correction of a measurement to a target and write it out.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"

#include "dsp/curve/ChannelPair.h"
#include "dsp/analysis/Metrics.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/curve/TargetAdjustments.h"
#include "dsp/design/DeviceProfile.h"
#include "dsp/design/PeqDesigner.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/GraphicEq.h"
#include "dsp/preset/Preset.h"

#include <cstdio>
#include <filesystem>

namespace iemeq::cli {

static const std::vector<FlagSpec> kDesignFlags = withFlags(
    withFlags(
        {
            { "fr", "FILE", "measurement file; give L then R (their dB mean is corrected)", true },
            { "target", "FILE|NAME", "target curve file or bundled target name (default: harman2019)", false },
            { "device", "PROFILE.json", "design for a device's EQ (Presets/devices/): its filter count, types, ranges, steps", false },
            { "format", "apo|json|graphiceq", "output: Equalizer APO ParametricEQ.txt, iemeq preset JSON or Wavelet GraphicEQ.txt", false },
            { "output", "FILE", "where to write (default: standard output)", false },
            { "name", "TEXT", "preset name (JSON)", false },
        },
        peqSettingsFlags()),
    targetShapingFlags());

int runDesign(int argc, char** argv)
{
    const Args args(kDesignFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq design --fr L.txt [--fr R.txt] [--target T] [options]",
                                     "Designs a parametric EQ that brings the IEM (mean of L and R) to the target over\n"
                                     "20 Hz-10 kHz, and prints the residual before and after and the preamp.",
                                     kDesignFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    PeqSettings s = peqSettingsFromArgs(args);
    const std::string format = args.get("format", "apo");
    if (format != "apo" && format != "json" && format != "graphiceq")
        throw Error("--format must be apo, json or graphiceq, not '" + format + "'");
    if (const auto dev = args.get("device"))
        s.device = loadDeviceProfile(*dev);
    const std::string targetArg = args.get("target", "harman2019");
    // AutoEq's own grid (1.01 ratio): the design is scored on it, and it is dense enough for Q 6.
    LoadedInputs in = loadInputs(args.all("fr"), targetArg, makeRatioGrid(20.0, 20000.0, 1.01));
    in.target = shapedTarget(in, args);
    const PeqDesign d = designPeq(in.measurement, in.target, s);

    const FrequencyCurve corrected = add(in.measurement, eqCurve(d.filters, in.grid, s.fs));
    std::fprintf(stderr, "residual before: %.2f dB, after: %.2f dB (RMS 20 Hz-10 kHz), preamp %.1f dB, %zu filters\n",
                 rmsErrorDb(in.measurement, in.target), rmsErrorDb(corrected, in.target), d.preampDb, d.filters.size());

    std::string out;
    if (format == "apo") {
        out = formatApo(d);
    } else if (format == "graphiceq") {
        out = formatGraphicEq(d, s.fs);
    } else {
        Preset p;
        p.iemName = iemNameFromChannelName(in.channels.front().name);
        p.name = args.get("name", p.iemName);
        p.measurementSource = std::filesystem::path(args.all("fr").front()).parent_path().filename().string();
        p.measurement = in.channels;
        p.targetName = std::filesystem::path(resolveTargetPath(targetArg)).stem().string();
        p.target = in.target;
        p.settings = s;
        p.design = d;
        out = presetToJson(p);
    }
    if (const auto path = args.get("output"))
        writeFileAtomically(*path, out);
    else
        std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

} // namespace iemeq::cli
