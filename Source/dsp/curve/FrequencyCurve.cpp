#include "FrequencyCurve.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

double levelAt(const FrequencyCurve& c, double f)
{
    if (c.empty())
        throw Error("levelAt: empty curve");
    if (f <= c.freq.front())
        return c.db.front();
    if (f >= c.freq.back())
        return c.db.back();
    const auto it = std::upper_bound(c.freq.begin(), c.freq.end(), f);
    const std::size_t i = static_cast<std::size_t>(it - c.freq.begin());
    const double x0 = std::log(c.freq[i - 1]), x1 = std::log(c.freq[i]);
    const double t = (std::log(f) - x0) / (x1 - x0);
    return c.db[i - 1] + t * (c.db[i] - c.db[i - 1]);
}

FrequencyCurve resample(const FrequencyCurve& curve, const std::vector<double>& grid)
{
    FrequencyCurve out;
    out.name = curve.name;
    out.freq = grid;
    out.db.resize(grid.size());
    // Walk both sorted arrays together: O(n + m) instead of a binary search per point.
    std::size_t j = 0;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const double f = grid[i];
        if (f <= curve.freq.front()) { out.db[i] = curve.db.front(); continue; }
        if (f >= curve.freq.back()) { out.db[i] = curve.db.back(); continue; }
        while (j + 1 < curve.freq.size() && curve.freq[j + 1] < f)
            ++j;
        const double x0 = std::log(curve.freq[j]), x1 = std::log(curve.freq[j + 1]);
        const double t = (std::log(f) - x0) / (x1 - x0);
        out.db[i] = curve.db[j] + t * (curve.db[j + 1] - curve.db[j]);
    }
    return out;
}

static void requireSameGrid(const FrequencyCurve& a, const FrequencyCurve& b)
{
    if (a.freq.size() != b.freq.size())
        throw Error("curves are on different grids (" + std::to_string(a.size()) + " vs "
                    + std::to_string(b.size()) + " points)");
}

FrequencyCurve add(const FrequencyCurve& a, const FrequencyCurve& b)
{
    requireSameGrid(a, b);
    FrequencyCurve out = a;
    for (std::size_t i = 0; i < out.db.size(); ++i)
        out.db[i] += b.db[i];
    return out;
}

FrequencyCurve subtract(const FrequencyCurve& a, const FrequencyCurve& b)
{
    requireSameGrid(a, b);
    FrequencyCurve out = a;
    for (std::size_t i = 0; i < out.db.size(); ++i)
        out.db[i] -= b.db[i];
    return out;
}

FrequencyCurve offset(FrequencyCurve curve, double dB)
{
    for (double& v : curve.db)
        v += dB;
    return curve;
}

FrequencyCurve averageDb(const std::vector<FrequencyCurve>& curves, const std::vector<double>& grid)
{
    if (curves.empty())
        throw Error("averageDb: no curves");
    FrequencyCurve out;
    out.freq = grid;
    out.db.assign(grid.size(), 0.0);
    for (const auto& c : curves) {
        const FrequencyCurve r = resample(c, grid);
        for (std::size_t i = 0; i < grid.size(); ++i)
            out.db[i] += r.db[i];
    }
    for (double& v : out.db)
        v /= static_cast<double>(curves.size());
    out.name = curves.front().name;
    return out;
}

} // namespace iemeq
