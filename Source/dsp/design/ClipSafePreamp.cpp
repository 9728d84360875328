#include "ClipSafePreamp.h"

#include "../curve/LogGrid.h"
#include "FirDesigner.h"
#include "MinimumPhase.h"
#include "PeqJacobian.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace iemeq {

namespace {

// Local maxima of y over x (endpoints included when they are higher than their one neighbour),
// largest first, at most `count`.
std::vector<std::size_t> localMaxima(const std::vector<double>& y, std::size_t count)
{
    std::vector<std::size_t> idx;
    const std::size_t n = y.size();
    for (std::size_t i = 0; i < n; ++i) {
        const bool left = i == 0 || y[i] >= y[i - 1];
        const bool right = i + 1 == n || y[i] >= y[i + 1];
        if (left && right)
            idx.push_back(i);
    }
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return y[a] > y[b]; });
    if (idx.size() > count)
        idx.resize(count);
    return idx;
}

// Golden-section search for the maximum of g on [lo, hi] (g unimodal there); returns {x, g(x)}
// and never less than the best of the bracket's ends it was given.
std::pair<double, double> refineMax(const std::function<double(double)>& g, double lo, double hi, double best, double at)
{
    const double r = 0.5 * (std::sqrt(5.0) - 1.0);
    double a = lo, b = hi;
    double c = b - r * (b - a), d = a + r * (b - a);
    double gc = g(c), gd = g(d);
    for (int it = 0; it < 60 && b - a > 1e-9 * std::max(1.0, b); ++it) {
        if (gc >= gd) {
            b = d; d = c; gd = gc;
            c = b - r * (b - a); gc = g(c);
        } else {
            a = c; c = d; gc = gd;
            d = a + r * (b - a); gd = g(d);
        }
    }
    for (auto [x, v] : { std::pair { c, gc }, std::pair { d, gd } })
        if (v > best) { best = v; at = x; }
    return { at, best };
}

} // namespace

ResponsePeak cascadePeak(const std::vector<PeqFilter>& filters, double fs)
{
    const double nyquist = 0.5 * fs;
    // DC, a 96-per-octave log grid from 1 Hz (nothing a biquad at >= 5 Hz does changes below it)
    // and Nyquist itself: Q 10 peaks still span several points, so every local maximum is seen.
    std::vector<double> freq { 0.0 };
    for (double f : makeLogGrid(1.0, nyquist, 96.0))
        if (f > freq.back() && f < nyquist)
            freq.push_back(f);
    freq.push_back(nyquist);
    auto powerAt = [&](const std::vector<double>& fr) {
        const ResponseGrid grid = makeResponseGrid(fr, fs);
        std::vector<double> prod(fr.size(), 1.0), p(fr.size());
        for (const auto& f : filters) {
            biquadPowerOnGrid(f, grid, p.data());
            for (std::size_t i = 0; i < p.size(); ++i)
                prod[i] *= p[i];
        }
        return prod;
    };
    const std::vector<double> power = powerAt(freq);
    ResponsePeak out { -1e300, 0.0 };
    for (std::size_t i : localMaxima(power, 32)) {
        const double lo = freq[i == 0 ? 0 : i - 1], hi = freq[std::min(i + 1, freq.size() - 1)];
        auto g = [&](double f) { return powerAt({ f }).front(); };
        const auto [at, best] = refineMax(g, lo, hi, power[i], freq[i]);
        const double db = 10.0 * std::log10(best);
        if (db > out.db)
            out = { db, at };
    }
    return out;
}

ResponsePeak firPeak(const std::vector<double>& taps, double fs)
{
    std::size_t m = 1024;
    while (m < 16 * taps.size())
        m *= 2;
    std::vector<double> padded(m, 0.0);
    std::copy(taps.begin(), taps.end(), padded.begin());
    const auto spectrum = forwardRealFft(padded);
    std::vector<double> mag(spectrum.size());
    for (std::size_t k = 0; k < mag.size(); ++k)
        mag[k] = std::abs(spectrum[k]);
    const double bin = fs / static_cast<double>(m);
    ResponsePeak out { -1e300, 0.0 };
    for (std::size_t k : localMaxima(mag, 8)) {
        const double lo = bin * static_cast<double>(k == 0 ? 0 : k - 1);
        const double hi = bin * static_cast<double>(std::min(k + 1, mag.size() - 1));
        auto g = [&](double f) { return std::pow(10.0, firMagnitudeDb(taps, f, fs) / 20.0); };
        const auto [at, best] = refineMax(g, lo, hi, mag[k], bin * static_cast<double>(k));
        const double db = 20.0 * std::log10(std::max(best, 1e-300));
        if (db > out.db)
            out = { db, at };
    }
    return out;
}

double clipSafePreampDb(double peakDb)
{
    if (!(peakDb > 1e-9))
        return 0.0;  // the EQ only cuts: nothing to make room for
    return -std::ceil((peakDb + kClipMarginDb) * 10.0) / 10.0;
}

} // namespace iemeq
