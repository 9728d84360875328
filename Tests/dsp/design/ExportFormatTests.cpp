// Equalizer APO ParametricEQ.txt and Wavelet GraphicEQ.txt: exact syntax, exact round trips, and
// the spellings other tools write.
#include "PeqTestSupport.h"

#include "dsp/io/GraphicEq.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::test;

TEST_CASE("APO export has AutoEq's exact syntax and round-trips exactly", "[io][apo]")
{
    PeqDesign d;
    d.preampDb = -6.1;
    d.filters = { { FilterType::LowShelf, 105.0, 6.4, 0.7 }, { FilterType::Peaking, 46.0, -7.4, 0.34 }, { FilterType::HighShelf, 10000.0, 0.6, 0.7 } };
    const std::string text = formatApo(d);
    CHECK(text ==
          "Preamp: -6.1 dB\n"
          "Filter 1: ON LSC Fc 105 Hz Gain 6.4 dB Q 0.70\n"
          "Filter 2: ON PK Fc 46 Hz Gain -7.4 dB Q 0.34\n"
          "Filter 3: ON HSC Fc 10000 Hz Gain 0.6 dB Q 0.70\n");
    CHECK(parseApo(text, "x") == d);
    // A designed EQ round-trips bit for bit (the designer stores APO's resolution).
    const PeqDesign designed = designPeq(iemMean("Simgot EW200"), autoEqTarget(), PeqSettings {});
    CHECK(parseApo(formatApo(designed), "x") == designed);
    // AutoEq's own file reads back and prints identically.
    const std::string ae = readFileBytes(dataPath("autoeq_rerun/regancipher/Simgot EW200 ParametricEQ.txt"));
    const PeqDesign aed = parseApo(ae, "ae");
    CHECK(aed.filters.size() == 10);
    CHECK(aed.preampDb == -2.8);
    CHECK(aed.filters[0] == PeqFilter { FilterType::LowShelf, 105.0, 7.4, 0.7 });
}

TEST_CASE("APO export states the rate the filters were fitted for, and readers accept it", "[io][apo]")
{
    PeqDesign d;
    d.preampDb = -3.1;
    d.filters = { { FilterType::Peaking, 1000.0, 3.0, 1.41 } };
    const std::string text = formatApo(d, 48000.0);
    CHECK(text.rfind("# iemeq: fitted for 48000 Hz\n", 0) == 0);
    CHECK(text.find("Preamp: -3.1 dB\n") != std::string::npos);
    CHECK(parseApo(text, "x") == d);
    CHECK(formatApo(d, 96000.0).rfind("# iemeq: fitted for 96000 Hz\n", 0) == 0);
    CHECK(formatApo(d).find('#') == std::string::npos);  // no rate given: no line
}

TEST_CASE("APO import accepts other tools' spellings", "[io][apo]")
{
    const std::string text = "\xEF\xBB\xBF# a comment\r\n"
                             "Preamp: -3,5 dB\r\n"
                             "Filter 1: ON PEQ Fc 1000 Hz Gain 2,5 dB Q 1,41\r\n"
                             "Filter 2: OFF PK Fc 2000 Hz Gain 9 dB Q 1\r\n"
                             "Filter3: ON LS Fc 80 Hz Gain 4 dB Q 0.7\r\n"
                             "Filter: ON HSQ Fc 9000 Hz Gain -2 dB Q 0.8\n"
                             "Filter 5: ON LSQ Fc 60 Hz Gain 1 dB Q 0.5\n"
                             "Filter 6: ON HS Fc 12000 Hz Gain 1.5 dB Q 0.71\n";
    const PeqDesign d = parseApo(text, "peace.txt");
    CHECK(d.preampDb == -3.5);
    REQUIRE(d.filters.size() == 5);
    CHECK(d.filters[0] == PeqFilter { FilterType::Peaking, 1000.0, 2.5, 1.41 });
    CHECK(d.filters[1] == PeqFilter { FilterType::LowShelf, 80.0, 4.0, 0.7 });
    CHECK(d.filters[2] == PeqFilter { FilterType::HighShelf, 9000.0, -2.0, 0.8 });
    CHECK(d.filters[3].type == FilterType::LowShelf);
    CHECK(d.filters[4].type == FilterType::HighShelf);
    CHECK_THROWS_WITH(parseApo("Filter 1: ON BP Fc 100 Hz Q 1\n", "f.txt"), Catch::Contains("f.txt:1") && Catch::Contains("BP"));
    CHECK_THROWS_WITH(parseApo("Preamp: -1 dB\nFilter 1: ON PK Fc abc Hz Gain 1 dB Q 1\n", "f.txt"), Catch::Contains("f.txt:2"));
}

TEST_CASE("GraphicEQ export uses AutoEq's 127 frequencies and round-trips", "[io][graphiceq]")
{
    const auto f = graphicEqFrequencies();
    REQUIRE(f.size() == 127);
    CHECK(f.front() == 20.0);
    CHECK(f.back() == 20000.0);
    CHECK(std::is_sorted(f.begin(), f.end()));

    const PeqDesign d = designPeq(iemMean("BASN MMCX"), autoEqTarget(), PeqSettings {});
    const std::string text = formatGraphicEq(d, 48000.0);
    CHECK(text.rfind("GraphicEQ: 20 ", 0) == 0);
    const FrequencyCurve back = parseGraphicEq(text, "GraphicEQ.txt");
    REQUIRE(back.size() == 127);
    CHECK(back.freq == f);
    // Each point is the realised EQ plus preamp, to the printed 0.1 dB; the curve never boosts.
    const FrequencyCurve eq = eqCurve(d.filters, f, 48000.0);
    double worst = 0.0, peak = -1e9;
    for (std::size_t i = 0; i < f.size(); ++i) {
        worst = std::max(worst, std::abs(back.db[i] - (eq.db[i] + d.preampDb)));
        peak = std::max(peak, back.db[i]);
    }
    CHECK(worst <= 0.05 + 1e-9);
    CHECK(peak <= 0.05);
    // Printing what was read gives the same text.
    CHECK(formatGraphicEq(back) == text);
}

TEST_CASE("GraphicEQ import errors name the file and line", "[io][graphiceq]")
{
    CHECK(parseGraphicEq("# x\nGraphicEQ: 20 -1,5; 1000 0; 20000 2.5;\n", "g.txt").db == std::vector<double> { -1.5, 0.0, 2.5 });
    CHECK_THROWS_WITH(parseGraphicEq("Preamp: -1 dB\n", "g.txt"), Catch::Contains("g.txt") && Catch::Contains("GraphicEQ"));
    CHECK_THROWS_WITH(parseGraphicEq("\nGraphicEQ: 20 1; 10 2\n", "g.txt"), Catch::Contains("g.txt:2") && Catch::Contains("increase"));
    CHECK_THROWS_WITH(parseGraphicEq("GraphicEQ: 20 x; 30 1\n", "g.txt"), Catch::Contains("not a number"));
}
