#include "PreferenceScore.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

PreferenceScore harmanInEarScore(const FrequencyCurve& response, const FrequencyCurve& target)
{
    const FrequencyCurve e = subtract(response, target);
    for (std::size_t i = 0; i < e.size(); ++i)
        if (std::fabs(response.freq[i] - target.freq[i]) > 1e-9 * response.freq[i])
            throw Error("preference score: response and target are on different grids");

    PreferenceScore s;
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        const double f = e.freq[i];
        if (f < 20.0 || f > 10000.0)
            continue;
        const double x = std::log(f), y = e.db[i];
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        syy += y * y;
        ++s.points;
    }
    if (s.points < 3)
        throw Error("preference score: fewer than 3 grid points between 20 Hz and 10 kHz");
    const double n = static_cast<double>(s.points);
    const double mx = sx / n, my = sy / n;
    const double varX = sxx / n - mx * mx;
    s.sdDb = std::sqrt(std::max(0.0, syy / n - my * my));
    s.slope = (sxy / n - mx * my) / varX;

    const double e500 = levelAt(e, 500.0);
    double sumAbs = 0.0;
    std::size_t m = 0;
    for (std::size_t i = 0; i < e.size(); ++i)
        if (e.freq[i] >= 40.0 && e.freq[i] <= 10000.0) {
            sumAbs += std::fabs(e.db[i] - e500);
            ++m;
        }
    s.meanAbsDb = m ? sumAbs / static_cast<double>(m) : 0.0;
    s.score = 100.0795 - 8.5 * s.sdDb - 6.796 * std::fabs(s.slope) - 3.475 * s.meanAbsDb;
    return s;
}

} // namespace iemeq
