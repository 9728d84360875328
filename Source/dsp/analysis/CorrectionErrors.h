#pragma once
// The error numbers iemeq prints for a correction, split where a coupler stops being reliable
// (TreblePolicy.h): the full-resolution error 20 Hz-6 kHz, and above it only the broad treble
// level, which is all the default (smooth) policy matches there. One RMS over 20 Hz-10 kHz would
// count the 6-10 kHz detail the policy leaves alone on purpose.
// Same definitions as the AutoEq comparison's R1 and R2 (../shared/tools/peq_vs_autoeq.py).
#include "../curve/FrequencyCurve.h"

#include <string>

namespace iemeq {

// RMS over 6-16 kHz of (response - target) smoothed over 1 octave, about the mean error over
// 20 Hz-6 kHz (the level the reliable band is matched at). Same grid for both curves.
double trebleLevelErrorDb(const FrequencyCurve& response, const FrequencyCurve& target);

struct CorrectionErrors {
    double reliableBeforeDb = 0.0, reliableAfterDb = 0.0;  // rmsErrorDb over 20 Hz-6 kHz (Metrics.h)
    double trebleBeforeDb = 0.0, trebleAfterDb = 0.0;      // trebleLevelErrorDb
};

struct Correction;

// Both errors of one response: before (the measurement) and after (measurement + EQ, without
// preamp), against the target; all three on the same grid.
CorrectionErrors curveErrors(const FrequencyCurve& measurement, const FrequencyCurve& corrected,
                             const FrequencyCurve& target);

// Channel mean of both, before (measurement) and after (measurement + EQ, without preamp).
// All zero for a correction without curves (filters given by hand, no measurement).
CorrectionErrors correctionErrors(const Correction& correction);

// "error 20 Hz-6 kHz: 2.10 -> 0.45 dB RMS, treble level (1 octave, 6-16 kHz): 3.20 -> 0.80 dB":
// the one wording design, batch and demo print.
std::string formatCorrectionErrors(const CorrectionErrors& e);

} // namespace iemeq
