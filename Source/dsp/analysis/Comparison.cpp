#include "Comparison.h"

#include "../core/Error.h"
#include "../curve/Smoothing.h"
#include "../curve/TargetAdjustments.h"
#include "Metrics.h"

#include <cmath>

namespace iemeq {

std::vector<DifferenceRegion> largestDifferences(const FrequencyCurve& difference, std::size_t maxRegions, double minDb)
{
    const FrequencyCurve& d = difference;
    std::vector<DifferenceRegion> out;
    std::vector<bool> taken(d.size(), false);
    while (out.size() < maxRegions) {
        std::size_t best = d.size();
        for (std::size_t i = 0; i < d.size(); ++i) {
            if (taken[i] || d.freq[i] < 20.0 || d.freq[i] > 10000.0)
                continue;
            if (best == d.size() || std::fabs(d.db[i]) > std::fabs(d.db[best]))
                best = i;
        }
        if (best == d.size() || std::fabs(d.db[best]) < minDb)
            break;
        DifferenceRegion r;
        r.peakHz = d.freq[best];
        r.peakDb = d.db[best];
        // Grow while the sign holds and the difference stays above half its peak.
        std::size_t lo = best, hi = best;
        auto inside = [&](std::size_t i) { return d.db[i] * r.peakDb > 0.0 && std::fabs(d.db[i]) >= 0.5 * std::fabs(r.peakDb); };
        while (lo > 0 && inside(lo - 1) && !taken[lo - 1])
            --lo;
        while (hi + 1 < d.size() && inside(hi + 1) && !taken[hi + 1])
            ++hi;
        r.loHz = d.freq[lo];
        r.hiHz = d.freq[hi];
        out.push_back(r);
        // One region per lobe: the whole run of this sign is taken, so a broad difference with
        // two humps is reported once and the next region lies beyond a zero crossing.
        std::size_t a = best, b = best;
        while (a > 0 && d.db[a - 1] * r.peakDb > 0.0)
            --a;
        while (b + 1 < d.size() && d.db[b + 1] * r.peakDb > 0.0)
            ++b;
        for (std::size_t i = a; i <= b; ++i)
            taken[i] = true;
    }
    return out;
}

IemComparison compareIems(const FrequencyCurve& a, const FrequencyCurve& b, const PeqSettings& settings)
{
    if (a.size() != b.size())
        throw Error("comparison: the two IEMs must be on the same grid");
    IemComparison c;
    c.nameA = a.name;
    c.nameB = b.name;
    c.aMinusB = measureBandDeviations(a, b);
    c.words = describeTone(c.aMinusB);
    c.largest = largestDifferences(smoothFractionalOctave(relativeError(a, b), 3.0));
    c.bAsTarget = iemAsTarget(b, a, a.freq);
    c.eq = designPeq(a, c.bAsTarget, settings);
    c.rmsBeforeDb = rmsErrorDb(a, c.bAsTarget);
    c.rmsAfterDb = rmsErrorDb(add(a, eqCurve(c.eq.filters, a.freq, settings.fs)), c.bAsTarget);
    return c;
}

} // namespace iemeq
