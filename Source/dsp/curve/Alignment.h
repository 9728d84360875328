#pragma once
// Putting a curve at a reference level: at 1 kHz, at a chosen frequency, or by its mean over a
// band (default 300 Hz-3 kHz, where IEM measurements agree best and hearing is most sensitive).
#include "FrequencyCurve.h"

namespace iemeq {

enum class AlignMode { At1kHz, AtFrequency, BandMean };

struct AlignSpec {
    AlignMode mode = AlignMode::BandMean;
    double freqHz = 1000.0;  // AtFrequency
    double bandLoHz = 300.0, bandHiHz = 3000.0;  // BandMean (mean over log-frequency)
};

// The level (dB) the curve has at the reference that `spec` names.
double referenceLevelDb(const FrequencyCurve& curve, const AlignSpec& spec);

// The curve shifted so its reference level is 0 dB.
FrequencyCurve normalize(const FrequencyCurve& curve, const AlignSpec& spec);

// `curve` shifted so its reference level equals that of `reference` (grids may differ).
FrequencyCurve alignTo(const FrequencyCurve& curve, const FrequencyCurve& reference, const AlignSpec& spec);

} // namespace iemeq
