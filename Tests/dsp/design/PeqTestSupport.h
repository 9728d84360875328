#pragma once
// Shared helpers of the parametric-designer tests: fixtures on AutoEq's grid and the scoring the
// project's AutoEq comparison uses (RMS of measurement + EQ - target, 20 Hz-10 kHz, mean removed,
// RBJ biquads as APO prints them).
#include "../../TestData.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/PeqDesigner.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/CurveReader.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace iemeq::test {

inline const std::vector<double>& autoEqGrid()
{
    static const std::vector<double> g = makeRatioGrid(20.0, 20000.0, 1.01);
    return g;
}

inline FrequencyCurve iemMean(const std::string& name)
{
    const std::string base = dataPath("measurements/regancipher/" + name);
    return averageDb({ readCurveFile(base + " L.txt"), readCurveFile(base + " R.txt") }, autoEqGrid());
}

inline FrequencyCurve autoEqTarget()
{
    return resample(readCurveFile(dataPath("targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv")),
                    autoEqGrid());
}

inline PeqDesign autoEqRerun(const std::string& name)
{
    const std::string p = dataPath("autoeq_rerun/regancipher/" + name + " ParametricEQ.txt");
    return parseApo(readFileBytes(p), p);
}

struct Score {
    double residual = 0.0, maxBoost = 0.0, trebleOffset = 0.0, maxAbsGain = 0.0;
};

// Scores the filters exactly as a ParametricEQ.txt would carry them.
inline Score score(const PeqDesign& d, const FrequencyCurve& raw, const FrequencyCurve& target, double fs = 48000.0)
{
    const PeqDesign printed = parseApo(formatApo(d), "printed");
    const FrequencyCurve eq = eqCurve(printed.filters, raw.freq, fs);
    const FrequencyCurve corrected = add(raw, eq);
    Score s;
    s.residual = rmsErrorDb(corrected, target);
    s.maxBoost = *std::max_element(eq.db.begin(), eq.db.end());
    s.trebleOffset = meanErrorDb(corrected, target, 10000.0001, 20000.0) - meanErrorDb(corrected, target, 20.0, 10000.0);
    for (const auto& f : printed.filters)
        s.maxAbsGain = std::max(s.maxAbsGain, std::abs(f.gainDb));
    return s;
}

} // namespace iemeq::test
