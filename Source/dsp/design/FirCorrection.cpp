#include "FirCorrection.h"

#include "ClipSafePreamp.h"

namespace iemeq {

FirCorrection designFirCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target, double amount,
                                  FirPhase phase, double fs, int taps, const CorrectionCurveSpec& curve)
{
    FirSettings settings;
    settings.phase = phase;
    settings.fs = fs;
    settings.taps = taps > 0 ? taps : firCorrectionTaps(fs);
    CorrectionCurveSpec spec = curve;
    spec.amount = amount;
    spec.minResolutionHz = firResolutionHz(settings.taps, fs);

    FirCorrection out;
    out.request = correctionCurve(measurement, target, spec);
    out.kernel = designFir(out.request, settings);
    out.realised = out.request;
    for (std::size_t i = 0; i < out.realised.size(); ++i)
        if (out.realised.freq[i] < 0.49 * fs)
            out.realised.db[i] = firMagnitudeDb(out.kernel.taps, out.realised.freq[i], fs);
    out.preampDb = clipSafePreampDb(firPeak(out.kernel.taps, fs).db);
    return out;
}

} // namespace iemeq
