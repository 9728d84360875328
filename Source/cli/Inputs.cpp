#include "Inputs.h"

#include "BundledNames.h"
#include "LibraryInputs.h"

#include "dsp/core/DataPaths.h"
#include "dsp/core/Error.h"
#include "dsp/core/Limits.h"
#include "dsp/curve/ChannelPair.h"
#include "dsp/correction/DesignCorrection.h"
#include "dsp/io/CurveReader.h"

#include <cstdlib>
#include <filesystem>
#include <utility>

namespace iemeq::cli {

namespace fs = std::filesystem;

static std::vector<std::string> targetFolders()
{
    return dataFolders("Targets");  // dsp/core/DataPaths.h: install, user share, source tree
}

const std::vector<std::pair<std::string, std::string>>& bundledTargetNames()
{
    static const std::vector<std::pair<std::string, std::string>> names = {
        { "harman2019", "Harman in-ear 2019 v2" },
        { "harman", "Harman in-ear 2019 v2" },
        { "harman2019-nobass", "Harman in-ear 2019 v2 without bass" },
        { "harman2016", "Harman in-ear 2016" },
        { "harman2017", "Harman in-ear 2017 v2" },
        { "df", "Diffuse field (KEMAR 711)" },
        { "diffuse-field", "Diffuse field (KEMAR 711)" },
        { "ief2023", "IEF Neutral 2023" },
        { "freefield", "Free field" },
        { "autoeq", "AutoEq in-ear results target" },
        { "flat", "Flat" },
    };
    return names;
}

std::string resolveTargetPath(const std::string& nameOrPath)
{
    std::error_code ec;
    if (fs::exists(nameOrPath, ec))
        return nameOrPath;
    std::string name = nameOrPath;
    for (const auto& [alias, stem] : bundledTargetNames())
        if (name == alias)
            name = stem;
    for (const auto& dir : targetFolders()) {
        const fs::path p = fs::path(dir) / (name + ".csv");
        if (fs::exists(p, ec))
            return p.string();
    }
    throw Error(unknownTargetMessage(nameOrPath));
}

const FlagSpec& averageAllFlag()
{
    static const FlagSpec flag { "average-all", "", "average more than two --fr files into one curve (e.g. several\n"
                                                      "                          measurements of one IEM)", false };
    return flag;
}

std::vector<std::string> measurementFiles(const Args& args)
{
    const auto files = libraryMeasurementFiles(args);  // --fr files or LIB:IEM, and --iem
    if (files.size() > 2 && !args.has("average-all"))
        throw Error(std::to_string(files.size()) + " --fr files: one IEM is one or two (L and R). To compare with another "
                    "IEM use --target-iem or report --vs; to average them all, add --average-all");
    args.onlyWith("average-all", files.size() > 2, "more than two --fr files");
    return files;
}

std::vector<FrequencyCurve> readMeasurements(const std::vector<std::string>& files, bool averageAll)
{
    std::vector<FrequencyCurve> curves;
    for (const auto& f : files)
        curves.push_back(readCurveFile(f));
    if (!averageAll || curves.empty())
        return curves;
    FrequencyCurve mean = averageDb(curves, designGrid());
    mean.name = iemNameFromChannelName(curves.front().name) + " (mean of " + std::to_string(curves.size()) + ")";
    return { mean };
}

std::vector<std::string> targetIemFiles(const Args& args)
{
    const auto files = expandLibraryEntries(args.all("target-iem"));
    if (files.size() > 2)
        throw Error(std::to_string(files.size()) + " --target-iem files: the target is one IEM, its L and R (two at most)");
    return files;
}

LoadedInputs loadInputs(const std::vector<std::string>& frFiles, const std::string& targetNameOrPath,
                        const std::vector<double>& grid)
{
    if (frFiles.empty())
        throw Error("no measurement given (use --fr FILE, twice for L and R)");
    LoadedInputs in;
    in.grid = grid;
    for (const auto& f : frFiles)
        in.channels.push_back(readCurveFile(f));
    in.measurement = averageDb(in.channels, grid);
    if (!targetNameOrPath.empty())
        in.target = resample(readCurveFile(resolveTargetPath(targetNameOrPath)), grid);
    return in;
}

const std::vector<FlagSpec>& targetShapingFlags()
{
    static const std::vector<FlagSpec> flags = {
        { "bass", "DB", "add a low shelf to the target (105 Hz, Q 0.7)", false },
        { "tilt", "DB/OCT", "tilt the target around 1 kHz", false },
        { "treble-gain", "DB", "add a high shelf to the target (10 kHz, Q 0.7)", false },
        { "ear-gain", "DB", "add a peak to the target (2.75 kHz, Q 1)", false },
        { "signature", "FILE", "custom sound-signature curve added to the target", false },
        { "target-iem", "FILE", "use another IEM as the target (give its L then R)", true },
    };
    return flags;
}

TargetAdjustments adjustmentsFromArgs(const Args& args)
{
    TargetAdjustments a;
    a.bassGainDb = args.number("bass", 0.0);
    a.tiltDbPerOctave = args.number("tilt", 0.0);
    a.trebleGainDb = args.number("treble-gain", 0.0);
    a.earGainDb = args.number("ear-gain", 0.0);
    validate(a);
    return a;
}

FrequencyCurve shapedTarget(const LoadedInputs& in, const Args& args)
{
    FrequencyCurve target = in.target;
    const auto iemFiles = targetIemFiles(args);
    if (!iemFiles.empty()) {
        std::vector<FrequencyCurve> other;
        for (const auto& f : iemFiles)
            other.push_back(readCurveFile(f));
        target = iemAsTarget(averageDb(other, in.grid), in.measurement, in.grid);
    }
    const TargetAdjustments adj = adjustmentsFromArgs(args);
    const auto signature = args.get("signature");
    if (target.empty()) {
        if (!adj.isNeutral() || signature)
            throw Error("--bass/--tilt/--treble-gain/--ear-gain/--signature need a target (--target or --target-iem)");
        return target;
    }
    if (!adj.isNeutral())
        target = applyAdjustments(target, adj);
    if (signature)
        target = addSignature(target, readCurveFile(*signature));
    return target;
}

const std::vector<FlagSpec>& peqSettingsFlags()
{
    static const std::vector<FlagSpec> flags = {
        { "layout", "autoeq|free", "autoeq: LSC 105 Hz + 8 PK + HSC 10 kHz (default); free: --filters N peaks/shelves", false },
        { "filters", "N", "number of filters for --layout free (1..32, default 10)", false },
        { "fs", "HZ", "sample rate the biquads are realised at (default 48000)", false },
        { "max-boost", "DB", "limit on the EQ's total boost (default 6)", false },
        { "treble", "smooth|fit|off", "above 6 kHz couplers are unreliable: smooth (default) matches only the 1-octave level "
                                      "above 8 kHz, fit follows the measurement to 10 kHz, off leaves the treble alone", false },
    };
    return flags;
}

PeqSettings peqSettingsFromArgs(const Args& args)
{
    PeqSettings s;
    const std::string layout = args.get("layout", "autoeq");
    if (layout != "autoeq" && layout != "free")
        throw Error("--layout must be autoeq or free, not '" + layout + "'");
    s.layout = layout == "autoeq" ? PeqLayout::AutoEq : PeqLayout::Free;
    args.onlyWith("filters", s.layout == PeqLayout::Free,
                  "--layout free (the autoeq layout is fixed: low shelf, 8 peaks, high shelf)");
    s.numFilters = args.integer("filters", 10, 1, kMaxFilters);
    s.fs = args.number("fs", 48000.0);
    if (!(s.fs >= 8000.0 && s.fs <= 768000.0))
        throw Error("--fs must be between 8000 and 768000 Hz");
    s.maxBoostDb = args.number("max-boost", 6.0);
    if (!(s.maxBoostDb >= 0.0 && s.maxBoostDb <= 30.0))
        throw Error("--max-boost must be between 0 and 30 dB");
    const std::string treble = args.get("treble", "smooth");
    if (const auto policy = treblePolicyFromName(treble)) {
        s.treble = *policy;
    } else {
        char* end = nullptr;
        std::strtod(treble.c_str(), &end);
        if (!treble.empty() && end != nullptr && *end == '\0')  // the old meaning: a shelf on the target
            throw Error("--treble is the treble policy (smooth, fit or off); to raise or lower the target's treble by "
                        + treble + " dB use --treble-gain " + treble);
        throw Error("--treble must be smooth, fit or off, not '" + treble + "'");
    }
    return s;
}

std::vector<FlagSpec> withFlags(std::vector<FlagSpec> base, const std::vector<FlagSpec>& extra)
{
    base.insert(base.end(), extra.begin(), extra.end());
    return base;
}

} // namespace iemeq::cli
