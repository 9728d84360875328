#include "CorrectionCurve.h"

#include "../core/Error.h"
#include "../curve/Smoothing.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

namespace {

// Squared clamping loss of `x - c` against [-cut, boost], weighted.
double clampLoss(const std::vector<double>& x, const std::vector<double>& w, double c, double cut, double boost)
{
    double loss = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double v = x[i] - c;
        const double over = v > boost ? v - boost : v < -cut ? -cut - v : 0.0;
        loss += w[i] * over * over;
    }
    return loss;
}

// The level c for x - c: zero clamping when [max - boost, min + cut] is not empty (then the point
// of it closest to `preferred`), else the minimiser of the (convex) clamping loss.
double chooseLevel(const std::vector<double>& x, const std::vector<double>& w, double preferred, double cut, double boost)
{
    double lo = 1e300, hi = -1e300;  // feasible interval [max(x) - boost, min(x) + cut]
    double mx = -1e300, mn = 1e300;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (w[i] > 0.0) {
            mx = std::max(mx, x[i]);
            mn = std::min(mn, x[i]);
        }
    lo = mx - boost;
    hi = mn + cut;
    if (lo <= hi)
        return std::clamp(preferred, lo, hi);
    // Golden-section search on [hi, lo]: the loss is convex in c.
    const double r = 0.5 * (std::sqrt(5.0) - 1.0);
    double a = hi, b = lo;
    for (int it = 0; it < 80 && b - a > 1e-6; ++it) {
        const double c1 = b - r * (b - a), c2 = a + r * (b - a);
        if (clampLoss(x, w, c1, cut, boost) <= clampLoss(x, w, c2, cut, boost))
            b = c2;
        else
            a = c1;
    }
    return 0.5 * (a + b);
}

} // namespace

FrequencyCurve correctionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target, const CorrectionCurveSpec& s)
{
    if (!(s.amount >= 0.0 && s.amount <= 1.0) || !(s.maxBoostDb >= 0.0) || !(s.maxCutDb >= 0.0))
        throw Error("correction: amount must be 0..1 and the boost/cut limits non-negative");
    FrequencyCurve need = subtract(target, measurement);
    for (double& v : need.db)
        v *= s.amount;
    SmoothingSpec spec;
    spec.fraction = s.smoothingFraction;
    spec.minWidthHz = s.minResolutionHz;
    if (s.treble == TreblePolicy::Fit) {
        spec.trebleAware = true;
        spec.trebleFraction = s.trebleFraction;
    }
    FrequencyCurve c = smooth(need, spec);
    FrequencyCurve broad;
    if (s.treble == TreblePolicy::Smooth) {
        SmoothingSpec wide;
        wide.fraction = 1.0 / treble::kSmoothingOctaves;
        wide.minWidthHz = s.minResolutionHz;
        broad = smooth(need, wide);
    }
    // Shape the treble (x = what the correction is before its level), and weigh each point the
    // way the parametric designer's fit does.
    std::vector<double> x(c.size()), w(c.size(), 0.0), a(c.size(), 1.0);
    double sum = 0.0, weight = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const double f = c.freq[i], b = trebleBlend(f);
        x[i] = c.db[i];
        switch (s.treble) {
        case TreblePolicy::Smooth: x[i] = (1.0 - b) * c.db[i] + b * broad.db[i]; break;
        case TreblePolicy::Off: a[i] = 1.0 - b; break;  // the level fades out with the correction
        case TreblePolicy::Fit: break;
        }
        if (f >= 20.0 && f <= treble::kTrebleTopHz)
            w[i] = f <= treble::kReliableHz ? 1.0 : s.trebleWeight * b + (1.0 - b);
        if (f >= 20.0 && f <= treble::kReliableHz) {
            sum += x[i];
            weight += 1.0;
        }
    }
    const double preferred = weight > 0.0 ? sum / weight : 0.0;
    // Off: points above the transition are 0 dB whatever the level; only the rest choose it.
    std::vector<double> wLevel = w;
    for (std::size_t i = 0; i < c.size(); ++i)
        wLevel[i] *= a[i];
    const double level = chooseLevel(x, wLevel, preferred, s.maxCutDb, s.maxBoostDb);
    for (std::size_t i = 0; i < c.size(); ++i) {
        double v = std::clamp(x[i] - level, -s.maxCutDb, s.maxBoostDb);
        if (s.treble == TreblePolicy::Off)
            v *= a[i];
        if (s.treble == TreblePolicy::Fit && c.freq[i] > treble::kTransitionHz)
            v = std::clamp(v, -s.trebleLimitDb, s.trebleLimitDb);
        c.db[i] = v;
    }
    c.name = "correction";
    return c;
}

double firResolutionHz(int taps, double fs)
{
    return taps > 0 ? 2.0 * fs / taps : 0.0;
}

} // namespace iemeq
