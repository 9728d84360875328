#include "CorrectionCurve.h"

#include "../core/Error.h"
#include "../curve/LogIntegral.h"
#include "../curve/Smoothing.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

FrequencyCurve correctionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target, const CorrectionCurveSpec& s)
{
    if (!(s.amount >= 0.0 && s.amount <= 1.0) || !(s.maxBoostDb >= 0.0) || !(s.maxCutDb >= 0.0))
        throw Error("correction: amount must be 0..1 and the boost/cut limits non-negative");
    FrequencyCurve c = subtract(target, measurement);
    c = offset(c, -LogIntegral(c).meanDb(s.alignLoHz, s.alignHiHz));
    SmoothingSpec spec;
    spec.fraction = s.smoothingFraction;
    spec.trebleAware = true;
    spec.trebleFraction = s.trebleFraction;
    spec.minWidthHz = s.minResolutionHz;
    c = smooth(c, spec);
    for (std::size_t i = 0; i < c.size(); ++i) {
        double v = std::clamp(c.db[i], -s.maxCutDb, s.maxBoostDb);
        if (c.freq[i] > 8000.0)
            v = std::clamp(v, -s.trebleLimitDb, s.trebleLimitDb);
        c.db[i] = s.amount * v;
    }
    c.name = "correction";
    return c;
}

double firResolutionHz(int taps, double fs)
{
    return taps > 0 ? 2.0 * fs / taps : 0.0;
}

} // namespace iemeq
