#pragma once
// What the plugin tests correct: the bundled Simgot EW200 (L and R) to Harman in-ear 2019 v2.
#include "TestData.h"
#include "dsp/io/CurveReader.h"
#include "plugin/core/DesignTypes.h"

namespace iemeq::test {

inline plugin::CorrectionInputs ew200ToHarman()
{
    plugin::CorrectionInputs in;
    in.spec.measurement = { readCurveFile(dataPath("measurements/Simgot EW200 L.txt")),
                       readCurveFile(dataPath("measurements/Simgot EW200 R.txt")) };
    in.spec.target = readCurveFile(repoPath("Targets/Harman in-ear 2019 v2.csv"));
    in.spec.iemName = "Simgot EW200";
    in.spec.targetName = "Harman in-ear 2019 v2";
    return in;
}

} // namespace iemeq::test
