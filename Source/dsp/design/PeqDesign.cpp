#include "PeqDesign.h"

#include "ClipSafePreamp.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

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
    // z^-1 per frequency once, not once per section (the same arithmetic as response()).
    std::vector<std::complex<double>> z1(grid.size());
    for (std::size_t i = 0; i < grid.size(); ++i)
        z1[i] = std::polar(1.0, -2.0 * std::numbers::pi * grid[i] / fs);
    for (const auto& f : filters) {
        const BiquadCoeffs c = rbjCoefficients(f, fs);
        for (std::size_t i = 0; i < grid.size(); ++i) {
            const std::complex<double> z2 = z1[i] * z1[i];
            const std::complex<double> h = (c.b0 + c.b1 * z1[i] + c.b2 * z2) / (1.0 + c.a1 * z1[i] + c.a2 * z2);
            out.db[i] += 20.0 * std::log10(std::abs(h));
        }
    }
    return out;
}

double autoPreampDb(const std::vector<PeqFilter>& filters, double fs)
{
    return clipSafePreampDb(cascadePeak(filters, fs).db);
}

} // namespace iemeq
