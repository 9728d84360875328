#include "LogGrid.h"

#include "../core/Error.h"

#include <cmath>

namespace iemeq {

std::vector<double> makeLogGrid(double fmin, double fmax, double pointsPerOctave)
{
    if (!(fmin > 0.0 && fmax > fmin && pointsPerOctave > 0.0))
        throw Error("log grid: need 0 < fmin < fmax and a positive density");
    const double octaves = std::log2(fmax / fmin);
    const auto n = static_cast<std::size_t>(std::floor(octaves * pointsPerOctave + 1e-9)) + 1;
    std::vector<double> g(n);
    for (std::size_t i = 0; i < n; ++i)
        g[i] = fmin * std::exp2(static_cast<double>(i) / pointsPerOctave);
    if (g.back() < fmax * (1.0 - 1e-12))
        g.push_back(fmax);
    return g;
}

std::vector<double> makeRatioGrid(double fmin, double fmax, double ratio)
{
    if (!(fmin > 0.0 && fmax > fmin && ratio > 1.0))
        throw Error("ratio grid: need 0 < fmin < fmax and ratio > 1");
    // fmin * ratio^k computed directly (not by repeated multiplication) so the k-th point is the
    // same to the last bit whatever fmax is; AutoEq's 20 Hz/1.01 grid ends at 19955.54 Hz (k = 694).
    std::vector<double> g;
    for (std::size_t k = 0;; ++k) {
        const double f = fmin * std::pow(ratio, static_cast<double>(k));
        if (f > fmax * (1.0 + 1e-12))
            break;
        g.push_back(f);
    }
    return g;
}

} // namespace iemeq
