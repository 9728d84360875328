#pragma once
// Values as a device or a text file stores them: a multiple of a step, inside a range.
#include <algorithm>
#include <cmath>

namespace iemeq {

// Rounds to a multiple of `step` inside [lo, hi], exactly as a decimal printer would store it
// (n / 10 rather than n * 0.1, so "0.7" parses back to the same double). step <= 0: clamp only.
inline double quantise(double x, double step, double lo, double hi)
{
    x = std::clamp(x, lo, hi);
    if (step <= 0.0)
        return x;
    const double inv = 1.0 / step;
    const bool decimal = std::abs(inv - std::round(inv)) < 1e-9 && inv >= 1.0;
    auto at = [&](double n) { return decimal ? n / std::round(inv) : n * step; };
    double n = decimal ? std::round(x * std::round(inv)) : std::round(x / step);
    if (at(n) > hi + 1e-12) n -= 1.0;
    if (at(n) < lo - 1e-12) n += 1.0;
    return at(n);
}

} // namespace iemeq
