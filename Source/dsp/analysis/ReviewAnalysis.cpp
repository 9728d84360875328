#include "ReviewAnalysis.h"

#include "../design/PeqDesign.h"
#include "Metrics.h"

namespace iemeq {

ReviewAnalysis analyseCorrectionCurve(const FrequencyCurve& measurement, const FrequencyCurve& target,
                                      const FrequencyCurve& correctionDb)
{
    ReviewAnalysis a;
    a.corrected = add(measurement, correctionDb);
    a.corrected.name = measurement.name + " + EQ";
    a.scoreBefore = harmanInEarScore(measurement, target);
    a.scoreAfter = harmanInEarScore(a.corrected, target);
    a.errors = curveErrors(measurement, a.corrected, target);
    a.before = measureBandDeviations(measurement, target);
    a.after = measureBandDeviations(a.corrected, target);
    a.wordsBefore = describeTone(a.before);
    a.wordsAfter = describeTone(a.after);
    return a;
}

ReviewAnalysis analyseCorrection(const FrequencyCurve& measurement, const FrequencyCurve& target,
                                 const std::vector<PeqFilter>& filters, double fs)
{
    return analyseCorrectionCurve(measurement, target, eqCurve(filters, measurement.freq, fs));
}

} // namespace iemeq
