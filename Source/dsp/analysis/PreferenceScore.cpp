#include "PreferenceScore.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

const std::vector<double>& harmanInEarFrequencies()
{
    // ISO 3 / R40 preferred numbers (40 per decade, rounded as the standard rounds them).
    static const std::vector<double> freqs = [] {
        const double mantissa[] = { 1.00, 1.06, 1.12, 1.18, 1.25, 1.32, 1.40, 1.50, 1.60, 1.70, 1.80, 1.90, 2.00, 2.12,
                                    2.24, 2.36, 2.50, 2.65, 2.80, 3.00, 3.15, 3.35, 3.55, 3.75, 4.00, 4.25, 4.50, 4.75,
                                    5.00, 5.30, 5.60, 6.00, 6.30, 6.70, 7.10, 7.50, 8.00, 8.50, 9.00, 9.50 };
        std::vector<double> out;
        for (double decade : { 10.0, 100.0, 1000.0, 10000.0 })
            for (double m : mantissa) {
                // m * decade rounded to the series' own resolution (0.1 Hz suffices), so 500 is 500.
                const double f = std::round(m * decade * 10.0) / 10.0;
                if (f >= 20.0 && f <= 20000.0)
                    out.push_back(f);
            }
        return out;
    }();
    return freqs;
}

PreferenceScore harmanInEarScore(const FrequencyCurve& response, const FrequencyCurve& target)
{
    if (response.size() != target.size())
        throw Error("preference score: response and target are on different grids");
    for (std::size_t i = 0; i < response.size(); ++i)
        if (std::fabs(response.freq[i] - target.freq[i]) > 1e-9 * response.freq[i])
            throw Error("preference score: response and target are on different grids");
    // (levelAt holds the ends flat; a little short of the band is fine, much short is not a score)
    if (response.size() < 2 || response.freq.front() > 25.0 || response.freq.back() < 8000.0)
        throw Error("preference score: the curves must cover 20 Hz-10 kHz");
    const FrequencyCurve e = subtract(response, target);

    PreferenceScore s;
    double sx = 0, sy = 0;
    std::vector<double> xs, ys;
    for (double f : harmanInEarFrequencies()) {
        if (f > 10000.0)
            break;
        xs.push_back(std::log(f));
        ys.push_back(levelAt(e, f));
        sx += xs.back();
        sy += ys.back();
    }
    s.points = xs.size();
    const double n = static_cast<double>(s.points);
    const double mx = sx / n, my = sy / n;
    double sxx = 0, sxy = 0, syy = 0;  // centred sums: no cancellation
    for (std::size_t i = 0; i < xs.size(); ++i) {
        sxx += (xs[i] - mx) * (xs[i] - mx);
        sxy += (xs[i] - mx) * (ys[i] - my);
        syy += (ys[i] - my) * (ys[i] - my);
    }
    s.sdDb = std::sqrt(syy / (n - 1.0));
    s.slope = sxy / sxx;

    const double e500 = levelAt(e, 500.0);
    double sumAbs = 0.0;
    std::size_t m = 0;
    for (double f : harmanInEarFrequencies())
        if (f >= 40.0 && f <= 10000.0) {
            sumAbs += std::fabs(levelAt(e, f) - e500);
            ++m;
        }
    s.meanAbsDb = sumAbs / static_cast<double>(m);
    s.score = 100.0795 - 8.5 * s.sdDb - 6.796 * std::fabs(s.slope) - 3.475 * s.meanAbsDb;
    return s;
}

} // namespace iemeq
