#include "PeqDesigner.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

namespace {

// Least-squares error of (measurement + eq - target) over the fit band, mean removed.
struct Problem {
    std::vector<double> freq, need;  // need = target - measurement (mean removed) inside the band
    double fs;

    double cost(const std::vector<PeqFilter>& filters) const
    {
        double mean = 0.0;
        std::vector<double> r(freq.size());
        for (std::size_t i = 0; i < freq.size(); ++i) {
            r[i] = eqResponseDb(filters, freq[i], fs) - need[i];
            mean += r[i];
        }
        mean /= static_cast<double>(r.size());
        double ss = 0.0;
        for (double v : r)
            ss += (v - mean) * (v - mean);
        return ss / static_cast<double>(r.size());
    }
};

} // namespace

PeqDesign designPeq(const FrequencyCurve& measurement, const FrequencyCurve& target, const PeqSettings& s)
{
    if (measurement.size() != target.size() || measurement.empty())
        throw Error("design: measurement and target must be on the same non-empty grid");
    Problem p;
    p.fs = s.fs;
    for (std::size_t i = 0; i < measurement.size(); ++i)
        if (measurement.freq[i] >= s.fitLoHz && measurement.freq[i] <= s.fitHiHz) {
            p.freq.push_back(measurement.freq[i]);
            p.need.push_back(target.db[i] - measurement.db[i]);
        }
    if (p.freq.size() < 8)
        throw Error("design: fewer than 8 grid points inside the fit band");

    std::vector<PeqFilter> filters;
    int peaks = s.numFilters;
    if (s.layout == PeqLayout::AutoEq) {
        filters.push_back({ FilterType::LowShelf, 105.0, 0.0, 0.7 });
        filters.push_back({ FilterType::HighShelf, 10000.0, 0.0, 0.7 });
        peaks = 8;
    }
    const std::size_t fixedCount = filters.size();

    // Greedy: place each peaking filter on the largest remaining error, then refine all gains
    // by coordinate descent. A first, correct designer; the joint optimiser refines further.
    for (int k = 0; k < peaks; ++k) {
        double mean = 0.0;
        std::vector<double> r(p.freq.size());
        for (std::size_t i = 0; i < r.size(); ++i) {
            r[i] = p.need[i] - eqResponseDb(filters, p.freq[i], s.fs);
            mean += r[i];
        }
        mean /= static_cast<double>(r.size());
        std::size_t best = 0;
        for (std::size_t i = 0; i < r.size(); ++i)
            if (std::abs(r[i] - mean) > std::abs(r[best] - mean))
                best = i;
        PeqFilter f { FilterType::Peaking, p.freq[best], std::clamp(r[best] - mean, -s.maxGainDb, s.maxGainDb), 1.0 };
        // Try a handful of Q values and keep the one that lowers the cost most.
        double bestCost = 1e300;
        PeqFilter bestF = f;
        for (double q : { 0.3, 0.5, 0.8, 1.2, 2.0, 3.0, 4.5 }) {
            if (q < s.minQ || q > s.maxQ)
                continue;
            f.q = q;
            auto trial = filters;
            trial.push_back(f);
            const double c = p.cost(trial);
            if (c < bestCost) { bestCost = c; bestF = f; }
        }
        filters.push_back(bestF);
    }
    for (int pass = 0; pass < 4; ++pass)
        for (std::size_t k = 0; k < filters.size(); ++k) {
            double step = 1.0;
            double c0 = p.cost(filters);
            while (step > 0.02) {
                bool moved = false;
                for (double dir : { +1.0, -1.0 }) {
                    auto trial = filters;
                    trial[k].gainDb = std::clamp(trial[k].gainDb + dir * step, -s.maxGainDb, s.maxGainDb);
                    const double c = p.cost(trial);
                    if (c < c0) { filters = trial; c0 = c; moved = true; break; }
                }
                if (!moved)
                    step *= 0.5;
            }
        }
    (void)fixedCount;
    PeqDesign d;
    d.filters = filters;
    d.preampDb = autoPreampDb(filters, s.fs);
    return d;
}

} // namespace iemeq
