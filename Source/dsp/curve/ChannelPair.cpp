#include "ChannelPair.h"

#include "LogGrid.h"
#include "LogIntegral.h"
#include "Smoothing.h"

#include "../core/Error.h"

#include <cmath>
#include <cstdio>

namespace iemeq {

std::vector<FrequencyCurve> combineChannels(const std::vector<FrequencyCurve>& channels, ChannelMode mode,
                                            const std::vector<double>& grid)
{
    if (channels.empty())
        throw Error("no measurement channels");
    if (mode == ChannelMode::Average)
        return { averageDb(channels, grid) };
    std::vector<FrequencyCurve> out;
    for (const auto& c : channels)
        out.push_back(resample(c, grid));
    return out;
}

ChannelBalance measureChannelBalance(const FrequencyCurve& left, const FrequencyCurve& right, double thresholdDb,
                                     double fLo, double fHi)
{
    if (!(fLo > 0.0 && fHi > fLo))
        throw Error("channel balance: band needs 0 < low < high");
    const auto grid = makeLogGrid(fLo, fHi, 48.0);
    const FrequencyCurve l = resample(smoothFractionalOctave(left, 6.0), grid);
    const FrequencyCurve r = resample(smoothFractionalOctave(right, 6.0), grid);
    ChannelBalance b;
    b.meanDb = LogIntegral(subtract(resample(left, grid), resample(right, grid))).meanDb(fLo, fHi);
    b.worstHz = grid.front();
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const double d = l.db[i] - r.db[i];
        if (std::fabs(d) > std::fabs(b.maxAbsDb) + 1e-9) {  // ties (a plain level offset): lowest frequency
            b.maxAbsDb = d;
            b.worstHz = grid[i];
        }
    }
    const double signedWorst = b.maxAbsDb;
    b.maxAbsDb = std::fabs(signedWorst);
    b.imbalanced = b.maxAbsDb > thresholdDb;
    if (b.imbalanced) {
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "warning: channel imbalance: L-R is %+.1f dB at %.0f Hz (more than %.1f dB between %.0f Hz and %.0f Hz)",
                      signedWorst, b.worstHz, thresholdDb, fLo, fHi);
        b.warning = buf;
    }
    return b;
}

std::string iemNameFromChannelName(const std::string& name)
{
    for (const char* suffix : { " (L)", " (R)", " Left", " Right", " left", " right", " L", " R", "_L", "_R", "-L", "-R" }) {
        const std::string sfx = suffix;
        if (name.size() > sfx.size() && name.ends_with(sfx))
            return name.substr(0, name.size() - sfx.size());
    }
    return name;
}

} // namespace iemeq
