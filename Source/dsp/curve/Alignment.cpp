#include "Alignment.h"

#include "LogIntegral.h"

#include "../core/Error.h"

#include <string>

namespace iemeq {

double referenceLevelDb(const FrequencyCurve& curve, const AlignSpec& spec)
{
    switch (spec.mode) {
    case AlignMode::At1kHz:
        return levelAt(curve, 1000.0);
    case AlignMode::AtFrequency:
        if (!(spec.freqHz > 0.0))
            throw Error("alignment: frequency must be positive, not " + std::to_string(spec.freqHz));
        return levelAt(curve, spec.freqHz);
    case AlignMode::BandMean:
        if (!(spec.bandLoHz > 0.0 && spec.bandHiHz > spec.bandLoHz))
            throw Error("alignment: band needs 0 < low < high");
        return LogIntegral(curve).meanDb(spec.bandLoHz, spec.bandHiHz);
    }
    throw Error("alignment: unknown mode");
}

FrequencyCurve normalize(const FrequencyCurve& curve, const AlignSpec& spec)
{
    return offset(curve, -referenceLevelDb(curve, spec));
}

FrequencyCurve alignTo(const FrequencyCurve& curve, const FrequencyCurve& reference, const AlignSpec& spec)
{
    return offset(curve, referenceLevelDb(reference, spec) - referenceLevelDb(curve, spec));
}

} // namespace iemeq
