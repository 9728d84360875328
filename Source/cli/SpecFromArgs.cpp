#include "SpecFromArgs.h"

#include "BundledNames.h"
#include "Inputs.h"
#include "LibraryInputs.h"

#include "dsp/core/DataPaths.h"
#include "dsp/core/Error.h"
#include "dsp/correction/DesignCorrection.h"
#include "dsp/design/DeviceProfile.h"
#include "dsp/io/CurveReader.h"

#include <filesystem>

namespace iemeq::cli {

namespace fs = std::filesystem;

const std::vector<FlagSpec>& correctionFlags()
{
    static const std::vector<FlagSpec> flags = {
        { "mode", "parametric|fir-min|fir-lin", "parametric EQ (default), or an FIR of minimum or linear phase", false },
        { "channels", "linked|separate", "one correction for the mean of L and R (default), or one per channel", false },
        { "amount", "PERCENT", "how much of the correction to apply, 0-100 (default 100)", false },
        { "fir-length", "TAPS", "FIR kernel length (default: about 170 ms, odd)", false },
        { "device", "NAME|PROFILE.json", "design for a device's EQ (Presets/devices/): its filter count, types, ranges, steps", false },
        { "no-preamp", "", "do not lower the level to keep the EQ from clipping", false },
    };
    return flags;
}

std::vector<FlagSpec> designFlags()
{
    std::vector<FlagSpec> flags = {
        { "fr", "FILE", "measurement file; give L then R", true },
        iemFlag(),
        averageAllFlag(),
        { "target", "FILE|NAME", "target curve file or bundled target name (default: harman2019)", false },
    };
    flags = withFlags(flags, targetShapingFlags());
    flags = withFlags(flags, peqSettingsFlags());
    return withFlags(flags, correctionFlags());
}

double designRateFromArgs(const Args& args)
{
    const double fs = args.number("fs", 48000.0);
    if (!(fs >= 8000.0 && fs <= 768000.0))
        throw Error("--fs must be between 8000 and 768000 Hz");
    return fs;
}

static DeviceProfile deviceFromArg(const std::string& arg)
{
    // A file, or a bundled profile by name: "qudelix-5k" is Presets/devices/qudelix-5k.json.
    return loadDeviceProfile(resolveDevicePath(arg));
}

CorrectionSpec specSettingsFromArgs(const Args& args)
{
    CorrectionSpec spec;
    spec.peq = peqSettingsFromArgs(args);
    spec.designRate = designRateFromArgs(args);
    spec.peq.fs = spec.designRate;
    if (const auto dev = args.get("device"))
        spec.peq.device = deviceFromArg(*dev);
    spec.mode = correctionModeFromName(args.get("mode", "parametric"));
    // Flags the chosen correction does not use are errors, not silently ignored.
    args.onlyWith("fir-length", spec.fir(), "--mode fir-min or fir-lin");
    for (const char* peqOnly : { "layout", "filters", "device" })
        args.notWith(peqOnly, spec.fir(), "an FIR --mode (it corrects the whole curve, with no filters)");
    for (const char* layoutFlag : { "layout", "filters" })
        args.notWith(layoutFlag, args.has("device"), "--device (the device profile sets the number and types of filters)");
    spec.channels = channelModeFromName(args.get("channels", "linked"));
    const double amount = args.number("amount", 100.0);
    if (!(amount >= 0.0 && amount <= 100.0))
        throw Error("--amount must be between 0 and 100 (percent)");
    spec.amount = amount / 100.0;
    spec.firLength = args.integer("fir-length", 0, 0, 1 << 20);
    if (spec.firLength != 0 && spec.firLength < 16)
        throw Error("--fir-length must be at least 16 taps");
    spec.autoPreamp = !args.has("no-preamp");

    // A bundled or given target curve; another IEM as the target needs the measurement
    // (specForFiles). Bass/tilt/treble/ear gain stay adjustments the spec records.
    if (args.all("target-iem").empty()) {
        const std::string path = resolveTargetPath(args.get("target", "harman2019"));
        spec.target = readCurveFile(path);
        spec.targetName = fs::path(path).stem().string();
        spec.target.name = spec.targetName;
    }
    spec.adjustments = adjustmentsFromArgs(args);
    return spec;
}

CorrectionSpec specForFiles(CorrectionSpec spec, const Args& args, const std::vector<std::string>& frFiles)
{
    if (frFiles.empty())
        throw Error("no measurement given (use --fr FILE, twice for L and R)");
    spec.measurement = readMeasurements(frFiles, args.has("average-all"));
    spec.iemName = iemNameFromChannelName(spec.measurement.front().name);
    spec.measurementSource = fs::path(frFiles.front()).parent_path().filename().string();
    if (const auto* entry = libraryEntryFor(frFiles)) {  // named as its library names it
        spec.iemName = entry->name;
        spec.measurementSource = entry->origin.library;
        spec.measurementOrigin = entry->origin;
    }
    if (spec.channels == ChannelMode::Separate && spec.measurement.size() != 2)
        throw Error("--channels separate needs two measurement files (--fr L --fr R)");

    // Another IEM as the target, brought to this one's level; a signature curve folds in.
    const auto iemFiles = targetIemFiles(args);
    const auto& grid = designGrid();
    if (!iemFiles.empty()) {
        std::vector<FrequencyCurve> other;
        for (const auto& f : iemFiles)
            other.push_back(readCurveFile(f));
        spec.target = iemAsTarget(averageDb(other, grid), averageDb(spec.measurement, grid), grid);
        spec.targetName = iemNameFromChannelName(other.front().name);
        if (const auto* entry = libraryEntryFor(iemFiles))
            spec.targetName = entry->name;
        spec.target.name = spec.targetName;
    }
    if (const auto signature = args.get("signature")) {
        spec.target = addSignature(resample(spec.target, grid), readCurveFile(*signature));
        spec.target.name = spec.targetName;
    }
    return spec;
}

CorrectionSpec specFromArgs(const Args& args, const std::vector<std::string>& frFiles)
{
    if (frFiles.empty())
        throw Error("no measurement given (use --fr FILE, twice for L and R)");
    return specForFiles(specSettingsFromArgs(args), args, frFiles);
}

} // namespace iemeq::cli
