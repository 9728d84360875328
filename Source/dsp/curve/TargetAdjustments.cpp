#include "TargetAdjustments.h"

#include "../core/Error.h"
#include "../design/Biquad.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace iemeq {

static void checkRange(double v, double lo, double hi, const char* what)
{
    if (!(v >= lo && v <= hi)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "target adjustment: %s %g is outside %g .. %g", what, v, lo, hi);
        throw Error(buf);
    }
}

void validate(const TargetAdjustments& a)
{
    checkRange(a.bassGainDb, -30, 30, "bass gain (dB)");
    checkRange(a.trebleGainDb, -30, 30, "treble gain (dB)");
    checkRange(a.earGainDb, -30, 30, "ear gain (dB)");
    checkRange(a.tiltDbPerOctave, -6, 6, "tilt (dB/octave)");
    for (double f : { a.bassFreqHz, a.trebleFreqHz, a.earGainFreqHz, a.tiltPivotHz })
        checkRange(f, 10, 40000, "frequency (Hz)");
    for (double q : { a.bassQ, a.trebleQ, a.earGainQ })
        checkRange(q, 0.1, 20, "Q");
}

FrequencyCurve adjustmentCurve(const TargetAdjustments& a, const std::vector<double>& grid)
{
    validate(a);
    const PeqFilter bass{ FilterType::LowShelf, a.bassFreqHz, a.bassGainDb, a.bassQ };
    const PeqFilter treble{ FilterType::HighShelf, a.trebleFreqHz, a.trebleGainDb, a.trebleQ };
    const PeqFilter ear{ FilterType::Peaking, a.earGainFreqHz, a.earGainDb, a.earGainQ };
    FrequencyCurve out;
    out.name = "adjustments";
    out.freq = grid;
    out.db.resize(grid.size());
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const double f = grid[i];
        double v = a.tiltDbPerOctave * std::log2(f / a.tiltPivotHz);
        if (a.bassGainDb != 0.0)
            v += analogMagnitudeDb(bass, f);
        if (a.trebleGainDb != 0.0)
            v += analogMagnitudeDb(treble, f);
        if (a.earGainDb != 0.0)
            v += analogMagnitudeDb(ear, f);
        out.db[i] = v;
    }
    return out;
}

FrequencyCurve applyAdjustments(const FrequencyCurve& target, const TargetAdjustments& adj)
{
    FrequencyCurve out = add(target, adjustmentCurve(adj, target.freq));
    out.name = target.name;
    return out;
}

FrequencyCurve iemAsTarget(const FrequencyCurve& otherIem, const FrequencyCurve& iem, const std::vector<double>& grid,
                           const AlignSpec& align)
{
    FrequencyCurve t = alignTo(resample(otherIem, grid), iem, align);
    t.name = otherIem.name;
    return t;
}

FrequencyCurve addSignature(const FrequencyCurve& target, const FrequencyCurve& signature)
{
    FrequencyCurve out = add(target, resample(signature, target.freq));
    out.name = target.name;
    return out;
}

} // namespace iemeq
