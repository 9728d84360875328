#include "FirCorrection.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

FirCorrection designFirCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target, double amount,
                                  FirPhase phase, double fs, int taps)
{
    FirSettings settings;
    settings.phase = phase;
    settings.fs = fs;
    settings.taps = taps > 0 ? taps : firCorrectionTaps(fs);
    CorrectionCurveSpec spec;
    spec.amount = amount;
    spec.minResolutionHz = firResolutionHz(settings.taps, fs);

    FirCorrection out;
    out.request = correctionCurve(measurement, target, spec);
    out.kernel = designFir(out.request, settings);
    out.realised = out.request;
    double peak = 0.0;
    for (std::size_t i = 0; i < out.realised.size(); ++i)
        if (out.realised.freq[i] < 0.49 * fs) {
            out.realised.db[i] = firMagnitudeDb(out.kernel.taps, out.realised.freq[i], fs);
            peak = std::max(peak, out.realised.db[i]);
        }
    out.preampDb = peak > 0.0 ? -std::floor(10.0 * peak) / 10.0 : 0.0;
    return out;
}

} // namespace iemeq
