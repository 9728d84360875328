// Targets/ ships each curve in one format (`frequency,raw`, LF, sorted); every file must hold
// exactly the numbers of its origin (a copy of which is in Tests/data/targets).
#include "../../TestData.h"

#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

TEST_CASE("bundled targets: one tidy format, same numbers as their origin", "[curve][targets]")
{
    const std::pair<const char*, const char*> shipped[] = {
        { "Harman in-ear 2019 v2", "targets/HarutoHiroki_PublicGraphTool/Harman IE 2019v2 Target.txt" },
        { "Harman in-ear 2019 v2 without bass", "targets/autoeq/Harman in-ear 2019 without bass.csv" },
        { "Harman in-ear 2016", "targets/HarutoHiroki_PublicGraphTool/Harman IE 2016 Target.txt" },
        { "Harman in-ear 2017 v2", "targets/HarutoHiroki_PublicGraphTool/Harman IE 2017v2 Target.txt" },
        { "Diffuse field (KEMAR 711)", "targets/HarutoHiroki_PublicGraphTool/KEMAR DF Target.txt" },
        { "IEF Neutral 2023", "targets/HarutoHiroki_PublicGraphTool/IEF Neutral 2023 Target.txt" },
        { "Free field", "targets/HarutoHiroki_PublicGraphTool/Free Field Target.txt" },
        { "AutoEq in-ear results target", "targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv" },
    };
    for (const auto& [stem, origin] : shipped) {
        INFO(stem);
        const auto t = readCurveFileDetailed(test::repoPath(std::string("Targets/") + stem + ".csv"));
        REQUIRE(t.levelColumnName == "raw");
        REQUIRE(t.lineEnding == "LF");
        REQUIRE(t.wasSorted);
        REQUIRE(t.mergedDuplicates == 0);
        const auto o = readCurveFile(test::dataPath(origin));
        REQUIRE(t.curve.size() == o.size());
        for (std::size_t i = 0; i < o.size(); ++i) {
            REQUIRE(t.curve.freq[i] == o.freq[i]);
            REQUIRE(t.curve.db[i] == o.db[i]);
        }
    }
    const auto flat = readCurveFile(test::repoPath("Targets/Flat.csv"));
    REQUIRE(flat.size() == 695);
    for (double v : flat.db)
        REQUIRE(v == 0.0);
}
