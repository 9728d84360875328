#pragma once
// What the plugin tests correct: the bundled Simgot EW200 (L and R) to Harman in-ear 2019 v2.
#include "TestData.h"
#include "dsp/io/CurveReader.h"
#include "plugin/DesignTypes.h"

namespace iemeq::test {

inline plugin::CorrectionInputs ew200ToHarman()
{
    plugin::CorrectionInputs in;
    in.measurement = { readCurveFile(dataPath("measurements/Simgot EW200 L.txt")),
                       readCurveFile(dataPath("measurements/Simgot EW200 R.txt")) };
    in.target = readCurveFile(repoPath("Targets/Harman in-ear 2019 v2.csv"));
    in.iemName = "Simgot EW200";
    in.targetName = "Harman in-ear 2019 v2";
    return in;
}

} // namespace iemeq::test
