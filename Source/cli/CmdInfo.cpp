// iemeq info: what is in these files, and how far the IEM is from the target.
// Output is one fact per line, "label: value", so scripts can grep it; the residual line
// ("residual vs target (RMS, 20 Hz-10 kHz, mean removed): X dB") is a stable interface.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"
#include "LibraryInputs.h"
#include "dsp/correction/DesignCorrection.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/analysis/PreferenceScore.h"
#include "dsp/core/Error.h"
#include "dsp/curve/ChannelPair.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <cmath>
#include <cstdio>

namespace iemeq::cli {

static std::vector<FlagSpec> infoFlags()
{
    std::vector<FlagSpec> flags = {
        { "fr", "FILE", "measurement file (REW, squig.link, AutoEq CSV, ...); give L then R", true },
        iemFlag(),
        averageAllFlag(),
        { "target", "FILE|NAME", "target curve, to report the uncorrected residual and preference score", false },
    };
    for (const auto& f : targetShapingFlags())
        flags.push_back(f);
    return flags;
}

static void printFile(const std::string& path, const CurveReadResult& r)
{
    const FrequencyCurve& c = r.curve;
    std::printf("%s: %zu points, %.1f Hz - %.1f Hz, %.2f dB at 1 kHz (%s, %s line endings%s%s%s%s)\n", path.c_str(),
                c.size(), c.freq.front(), c.freq.back(), levelAt(c, 1000.0), r.encoding.c_str(), r.lineEnding.c_str(),
                r.levelColumnName.empty() ? "" : (", level column '" + r.levelColumnName + "'").c_str(),
                r.phaseDeg.empty() ? "" : ", with phase", r.wasSorted ? "" : ", was unsorted",
                r.mergedDuplicates ? (", " + std::to_string(r.mergedDuplicates) + " repeated frequencies merged").c_str() : "");
}

int runInfo(int argc, char** argv)
{
    const auto kInfoFlags = infoFlags();
    const Args args(kInfoFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq info --fr FILE [--fr FILE] [--target FILE|NAME]",
                                     "Prints points, range, level at 1 kHz and channel balance of each file,\n"
                                     "and against a target the RMS error (20 Hz-10 kHz, mean removed) and the\n"
                                     "Harman in-ear predicted preference score, on AutoEq's 1.01-ratio grid.\n"
                                     "The target can be reshaped (bass, tilt, treble, ear gain, signature) or be another IEM.",
                                     kInfoFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    args.noPositional("info");
    const auto files = measurementFiles(args);
    if (files.empty())
        throw Error("no measurement given (use --fr FILE, twice for L and R)");
    // Everything that can fail is done before printing, so a bad input gives only its error line.
    std::vector<CurveReadResult> details;
    for (const auto& f : files)
        details.push_back(readCurveFileDetailed(f));
    const auto& grid = designGrid();
    LoadedInputs in = loadInputs(files, args.get("target", ""), grid);
    in.target = shapedTarget(in, args);
    for (std::size_t i = 0; i < files.size(); ++i)
        printFile(files[i], details[i]);
    if (in.channels.size() == 2) {
        const ChannelBalance b = measureChannelBalance(in.channels[0], in.channels[1]);
        std::printf("channel balance (L-R, 100 Hz-5 kHz mean): %+.2f dB; largest |L-R| (1/6 octave): %.2f dB at %.0f Hz\n",
                    b.meanDb, b.maxAbsDb, b.worstHz);
        if (b.imbalanced)
            std::printf("%s\n", b.warning.c_str());
    }
    if (!in.target.empty()) {
        std::printf("residual vs target (RMS, 20 Hz-10 kHz, mean removed): %.3f dB\n",
                    rmsErrorDb(in.measurement, in.target, 20.0, 10000.0));
        // SD, slope and AE (relative to 500 Hz) ignore the overall level, like the RMS line.
        const PreferenceScore s = harmanInEarScore(in.measurement, in.target);
        std::printf("predicted preference (Olive et al. in-ear): %.1f (SD %.2f dB, slope %+.3f dB/ln(Hz), AE %.2f dB)\n",
                    s.score, s.sdDb, s.slope, s.meanAbsDb);
    }
    return 0;
}

} // namespace iemeq::cli
