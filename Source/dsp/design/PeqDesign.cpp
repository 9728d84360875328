#include "PeqDesign.h"

#include "../curve/LogGrid.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

double eqResponseDb(const std::vector<PeqFilter>& filters, double hz, double fs)
{
    double sum = 0.0;
    for (const auto& f : filters)
        sum += magnitudeDb(rbjCoefficients(f, fs), hz, fs);
    return sum;
}

FrequencyCurve eqCurve(const std::vector<PeqFilter>& filters, const std::vector<double>& grid, double fs)
{
    FrequencyCurve out;
    out.name = "EQ";
    out.freq = grid;
    out.db.assign(grid.size(), 0.0);
    for (const auto& f : filters) {
        const BiquadCoeffs c = rbjCoefficients(f, fs);
        for (std::size_t i = 0; i < grid.size(); ++i)
            out.db[i] += magnitudeDb(c, grid[i], fs);
    }
    return out;
}

double autoPreampDb(const std::vector<PeqFilter>& filters, double fs)
{
    const auto grid = makeLogGrid(20.0, std::min(20000.0, 0.45 * fs), 96.0);
    const FrequencyCurve eq = eqCurve(filters, grid, fs);
    const double peak = std::max(0.0, *std::max_element(eq.db.begin(), eq.db.end()));
    return -std::ceil(peak * 10.0 - 1e-9) / 10.0;
}

} // namespace iemeq
