#include "ReviewAnalysis.h"

#include "../design/PeqDesign.h"
#include "Metrics.h"

namespace iemeq {

ReviewAnalysis analyseCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target,
                                 const std::vector<PeqFilter>& filters, double fs)
{
    ReviewAnalysis a;
    a.corrected = add(measurement, eqCurve(filters, measurement.freq, fs));
    a.corrected.name = measurement.name + " + EQ";
    a.scoreBefore = harmanInEarScore(measurement, target);
    a.scoreAfter = harmanInEarScore(a.corrected, target);
    a.rmsBeforeDb = rmsErrorDb(measurement, target);
    a.rmsAfterDb = rmsErrorDb(a.corrected, target);
    a.before = measureBandDeviations(measurement, target);
    a.after = measureBandDeviations(a.corrected, target);
    a.wordsBefore = describeTone(a.before);
    a.wordsAfter = describeTone(a.after);
    return a;
}

} // namespace iemeq
