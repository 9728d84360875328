#include "PeqDesign.h"

#include "../curve/LogGrid.h"
#include "PeqJacobian.h"

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
    // The designer's fast, full-precision evaluation (one logarithm per frequency): the preamp is
    // computed on every design, on a dense grid.
    const ResponseGrid grid = makeResponseGrid(makeLogGrid(20.0, std::min(20000.0, 0.45 * fs), 96.0), fs);
    std::vector<double> prod(grid.freq.size(), 1.0), p(grid.freq.size());
    for (const auto& f : filters) {
        biquadPowerOnGrid(f, grid, p.data());
        for (std::size_t i = 0; i < p.size(); ++i)
            prod[i] *= p[i];
    }
    const double peakPower = std::max(1.0, *std::max_element(prod.begin(), prod.end()));
    const double peak = 10.0 * std::log10(peakPower);
    return -std::ceil(peak * 10.0 - 1e-9) / 10.0;
}

} // namespace iemeq
