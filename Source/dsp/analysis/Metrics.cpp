#include "Metrics.h"

#include "../core/Error.h"

#include <cmath>

namespace iemeq {

double meanErrorDb(const FrequencyCurve& a, const FrequencyCurve& b, double fLo, double fHi)
{
    if (a.size() != b.size())
        throw Error("metrics: curves are on different grids");
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a.freq[i] >= fLo && a.freq[i] <= fHi) {
            sum += a.db[i] - b.db[i];
            ++n;
        }
    if (n == 0)
        throw Error("metrics: no grid points between " + std::to_string(fLo) + " and " + std::to_string(fHi) + " Hz");
    return sum / static_cast<double>(n);
}

double rmsErrorDb(const FrequencyCurve& a, const FrequencyCurve& b, double fLo, double fHi)
{
    const double m = meanErrorDb(a, b, fLo, fHi);
    double ss = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a.freq[i] >= fLo && a.freq[i] <= fHi) {
            const double e = a.db[i] - b.db[i] - m;
            ss += e * e;
            ++n;
        }
    return std::sqrt(ss / static_cast<double>(n));
}

} // namespace iemeq
