#pragma once
// What a user changes about a target: each adjustment is the analog response of a real filter
// (RBJ cookbook prototypes, see design/Biquad.h) added in dB, so "+6 dB bass" means exactly what
// the same low shelf in an EQ would do. Also: another IEM as the target (make IEM A sound like
// IEM B) and a custom sound-signature curve added on top.
#include "Alignment.h"
#include "FrequencyCurve.h"

#include <vector>

namespace iemeq {

struct TargetAdjustments {
    double bassGainDb = 0.0, bassFreqHz = 105.0, bassQ = 0.7;        // low shelf
    double tiltDbPerOctave = 0.0, tiltPivotHz = 1000.0;              // straight line in log-f
    double trebleGainDb = 0.0, trebleFreqHz = 10000.0, trebleQ = 0.7;  // high shelf
    double earGainDb = 0.0, earGainFreqHz = 2750.0, earGainQ = 1.0;  // peaking

    bool isNeutral() const { return bassGainDb == 0.0 && tiltDbPerOctave == 0.0 && trebleGainDb == 0.0 && earGainDb == 0.0; }
};

// Throws iemeq::Error if a gain, frequency or Q is out of a sensible range (gains +-30 dB,
// tilt +-6 dB/oct, frequencies 10 Hz-40 kHz, Q 0.1-20).
void validate(const TargetAdjustments& adj);

// The sum of all adjustments, in dB, at every frequency of `grid`.
FrequencyCurve adjustmentCurve(const TargetAdjustments& adj, const std::vector<double>& grid);

// target + adjustments, on the target's own grid.
FrequencyCurve applyAdjustments(const FrequencyCurve& target, const TargetAdjustments& adj);

// Another IEM's measurement as the target, on `grid`, brought to the level of `iem` (the IEM
// being corrected) by `align`, so the correction only changes tonality, not loudness.
FrequencyCurve iemAsTarget(const FrequencyCurve& otherIem, const FrequencyCurve& iem, const std::vector<double>& grid,
                           const AlignSpec& align = {});

// target + a custom sound-signature curve (read like any curve: log-interpolated, flat beyond its ends).
FrequencyCurve addSignature(const FrequencyCurve& target, const FrequencyCurve& signature);

} // namespace iemeq
