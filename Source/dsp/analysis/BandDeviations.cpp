#include "BandDeviations.h"

#include "../core/Error.h"
#include "../curve/LogIntegral.h"

#include <cmath>
#include <cstdio>

namespace iemeq {

const std::array<ReviewBand, kReviewBandCount>& reviewBands()
{
    static const std::array<ReviewBand, kReviewBandCount> bands = { {
        { "subBass", "sub-bass", 20.0, 60.0 },
        { "bass", "bass", 60.0, 250.0 },
        { "lowerMids", "lower mids", 250.0, 500.0 },
        { "mids", "mids", 500.0, 2000.0 },
        { "upperMids", "upper mids", 2000.0, 5000.0 },
        { "treble", "treble", 5000.0, 10000.0 },
        { "air", "air", 10000.0, 20000.0 },
    } };
    return bands;
}

static std::string hzText(double hz, bool withUnit)
{
    char buf[32];
    if (hz >= 1000.0)
        std::snprintf(buf, sizeof buf, "%g%s", hz / 1000.0, withUnit ? " kHz" : "");
    else
        std::snprintf(buf, sizeof buf, "%g%s", hz, withUnit ? " Hz" : "");
    return buf;
}

std::string bandRangeText(const ReviewBand& band)
{
    const bool sameUnit = (band.loHz >= 1000.0) == (band.hiHz >= 1000.0);
    return hzText(band.loHz, !sameUnit) + "-" + hzText(band.hiHz, true);
}

static FrequencyCurve rawError(const FrequencyCurve& response, const FrequencyCurve& target)
{
    if (response.empty() || target.empty())
        throw Error("band deviations: the response and the target must not be empty");
    FrequencyCurve e = response;
    for (std::size_t i = 0; i < e.size(); ++i)
        e.db[i] = response.db[i] - levelAt(target, response.freq[i]);
    e.name = response.name + " - " + target.name;
    return e;
}

FrequencyCurve relativeError(const FrequencyCurve& response, const FrequencyCurve& target)
{
    FrequencyCurve e = rawError(response, target);
    return offset(e, -LogIntegral(e).meanDb(300.0, 3000.0));
}

BandDeviations measureBandDeviations(const FrequencyCurve& response, const FrequencyCurve& target)
{
    const FrequencyCurve raw = rawError(response, target);
    BandDeviations d;
    d.referenceDb = LogIntegral(raw).meanDb(300.0, 3000.0);
    const FrequencyCurve e = offset(raw, -d.referenceDb);
    const LogIntegral li(e);
    for (std::size_t b = 0; b < kReviewBandCount; ++b)
        d.db[b] = li.meanDb(reviewBands()[b].loHz, reviewBands()[b].hiHz);
    d.punchDb = li.meanDb(100.0, 200.0);
    d.attackDb = li.meanDb(4000.0, 6000.0);
    d.balanceDb = 0.5 * (d.db[UpperMids] + d.db[Treble]) - 0.5 * (d.db[SubBass] + d.db[Bass]);

    // A narrow peak is what makes "s" sounds hiss; 1/6 octave keeps peaks of that width but
    // ignores single-point measurement ripple. Sampled every 1/96 octave across 6-8 kHz.
    const double halfWidth = std::pow(2.0, 1.0 / 12.0);
    d.sibilancePeakDb = -1e300;
    for (double f = 6000.0; f <= 8000.0 * 1.0001; f *= std::pow(2.0, 1.0 / 96.0)) {
        const double v = li.meanDb(f / halfWidth, f * halfWidth);
        if (v > d.sibilancePeakDb) {
            d.sibilancePeakDb = v;
            d.sibilancePeakHz = f;
        }
    }
    return d;
}

} // namespace iemeq
