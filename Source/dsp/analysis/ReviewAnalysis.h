#pragma once
// The objective part of a review, before and after a correction: predicted preference score,
// errors where couplers are reliable and in the treble, band deviations and the tonal words. One function, used by `iemeq report` and the
// plugin's analysis panel, so both show the same numbers.
#include "../design/Biquad.h"
#include "BandDeviations.h"
#include "CorrectionErrors.h"
#include "PreferenceScore.h"
#include "TonalDescription.h"

#include <vector>

namespace iemeq {

struct ReviewAnalysis {
    FrequencyCurve corrected;  // measurement + EQ (without preamp: levels are matched anyway)
    PreferenceScore scoreBefore, scoreAfter;
    // The errors design, batch and demo print: RMS 20 Hz-6 kHz (mean removed) and the 1-octave
    // treble level 6-16 kHz (CorrectionErrors.h), so every screen shows the same numbers.
    CorrectionErrors errors;
    BandDeviations before, after;
    std::vector<TonalWord> wordsBefore, wordsAfter;
};

// measurement and target on the same log-spaced grid (AutoEq's 1.01 grid is what the CLI uses);
// filters realised at fs.
ReviewAnalysis analyseCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target,
                                 const std::vector<PeqFilter>& filters, double fs);

// The same for any correction given as its response in dB on the measurement's grid (an FIR's).
ReviewAnalysis analyseCorrectionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target,
                                      const FrequencyCurve& correctionDb);

} // namespace iemeq
