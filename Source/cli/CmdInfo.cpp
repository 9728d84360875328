// iemeq info: what is in these files, and how far the IEM is from the target.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/curve/LogGrid.h"

#include <cmath>
#include <cstdio>

namespace iemeq::cli {

static const std::vector<FlagSpec> kInfoFlags = {
    { "fr", "FILE", "measurement file (REW, squig.link, AutoEq CSV, ...); give L then R", true },
    { "target", "FILE|NAME", "target curve, to report the uncorrected residual", false },
};

int runInfo(int argc, char** argv)
{
    const Args args(kInfoFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq info --fr FILE [--fr FILE] [--target FILE]",
                                     "Prints points, range, level at 1 kHz and channel balance of each file,\n"
                                     "and the RMS error against a target (20 Hz-10 kHz, mean removed).",
                                     kInfoFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const LoadedInputs in = loadInputs(args.all("fr"), args.get("target", ""), grid);
    for (std::size_t i = 0; i < in.channels.size(); ++i) {
        const auto& c = in.channels[i];
        std::printf("%s: %zu points, %.1f Hz - %.1f Hz, %.2f dB at 1 kHz\n", args.all("fr")[i].c_str(), c.size(),
                    c.freq.front(), c.freq.back(), levelAt(c, 1000.0));
    }
    if (in.channels.size() == 2) {
        const auto l = resample(in.channels[0], grid), r = resample(in.channels[1], grid);
        std::printf("channel balance (L-R, 100 Hz-5 kHz mean): %+.2f dB\n", meanErrorDb(l, r, 100.0, 5000.0));
    }
    if (!in.target.empty())
        std::printf("residual vs target (RMS, 20 Hz-10 kHz, mean removed): %.2f dB\n",
                    rmsErrorDb(in.measurement, in.target, 20.0, 10000.0));
    return 0;
}

} // namespace iemeq::cli
