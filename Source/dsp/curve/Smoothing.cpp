#include "Smoothing.h"

#include "LogIntegral.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace iemeq {

static void checkFraction(double n, const char* what)
{
    if (!(n >= 1.0 && n <= 96.0))
        throw Error(std::string("smoothing: ") + what + " must be between 1 and 96 (1/1 to 1/96 octave), not "
                    + std::to_string(n));
}

static double fractionalWidthOctaves(const SmoothingSpec& s, double f)
{
    const double base = 1.0 / s.fraction;
    if (!s.trebleAware || f <= s.trebleStartHz)
        return base;
    const double treble = 1.0 / s.trebleFraction;
    if (f >= s.trebleEndHz)
        return treble;
    const double t = std::log(f / s.trebleStartHz) / std::log(s.trebleEndHz / s.trebleStartHz);
    return base + t * (treble - base);
}

double smoothingWidthOctaves(const SmoothingSpec& s, double f)
{
    const double octaves = fractionalWidthOctaves(s, f);
    if (s.minWidthHz <= 0.0)
        return octaves;
    // A window [f/h, f*h] of width minWidthHz: f*(h - 1/h) = W  =>  h = (W + sqrt(W^2 + 4f^2)) / 2f.
    const double w = s.minWidthHz;
    const double h = (w + std::sqrt(w * w + 4.0 * f * f)) / (2.0 * f);
    return std::max(octaves, 2.0 * std::log2(h));
}

FrequencyCurve smooth(const FrequencyCurve& curve, const SmoothingSpec& spec)
{
    checkFraction(spec.fraction, "fraction");
    if (!(spec.minWidthHz >= 0.0) || !std::isfinite(spec.minWidthHz))
        throw Error("smoothing: minimum width must be a finite number of Hz >= 0");
    if (spec.trebleAware) {
        checkFraction(spec.trebleFraction, "treble fraction");
        if (!(spec.trebleStartHz > 0.0 && spec.trebleEndHz > spec.trebleStartHz))
            throw Error("smoothing: treble transition needs 0 < start < end");
    }
    const LogIntegral integral(curve);
    FrequencyCurve out = curve;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const double f = curve.freq[i];
        const double half = std::exp2(0.5 * smoothingWidthOctaves(spec, f));
        out.db[i] = integral.meanDb(f / half, f * half);
    }
    return out;
}

FrequencyCurve smoothFractionalOctave(const FrequencyCurve& curve, double fraction)
{
    SmoothingSpec s;
    s.fraction = fraction;
    return smooth(curve, s);
}

} // namespace iemeq
