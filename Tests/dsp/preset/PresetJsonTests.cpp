// The preset JSON: canonical bytes (save -> load -> save identical), a shipped preset
// reproducing its own filters, clear errors that change nothing, and v1 migration.
#include "../../TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/preset/Preset.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace iemeq;

namespace {

const std::string kShipped = "Presets/harman-in-ear-2019/Simgot EW200.json";

std::string shippedText() { return readFileBytes(test::repoPath(kShipped)); }

// Replaces the first occurrence of `from` in the shipped preset.
std::string edited(const std::string& from, const std::string& to)
{
    std::string t = shippedText();
    const auto pos = t.find(from);
    REQUIRE(pos != std::string::npos);
    return t.replace(pos, from.size(), to);
}

std::string errorOf(const std::string& text)
{
    try {
        presetFromJson(text, "bad.json");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("preset: JSON -> load -> save is byte-identical, for every shipped preset", "[preset]")
{
    int n = 0;
    for (const auto& dir : { "Presets/harman-in-ear-2019", "Presets/diffuse-field" })
        for (const auto& e : std::filesystem::directory_iterator(test::repoPath(dir))) {
            const std::string text = readFileBytes(e.path().string());
            CHECK(presetToJson(presetFromJson(text, e.path().string())) == text);
            ++n;
        }
    CHECK(n >= 14);
}

TEST_CASE("preset: every field survives a round trip exactly", "[preset]")
{
    Preset p = presetFromJson(shippedText(), kShipped);
    p.author = "Ünïcode \"quoted\" \\ author";
    p.notes = "line 1\nline 2\t→";
    p.adjustments.bassGainDb = 2.5;
    p.adjustments.tiltDbPerOctave = -0.3;
    p.adjustments.earGainDb = 1.0 / 3.0;  // needs all 17 digits
    p.settings.mode = CorrectionKind::Fir;
    p.settings.phase = FirPhase::Linear;
    p.settings.firLength = 4096;
    p.settings.layout = PeqLayout::Free;
    p.settings.numFilters = 12;
    p.design.filters[1].fc = 123.456789012345;
    const std::string a = presetToJson(p);
    const Preset q = presetFromJson(a, "a");
    CHECK(q.author == p.author);
    CHECK(q.notes == p.notes);
    CHECK(q.adjustments.earGainDb == p.adjustments.earGainDb);
    CHECK(q.settings == p.settings);
    CHECK(q.design == p.design);
    CHECK(q.measurement.size() == 2);
    CHECK(q.measurement[1].db == p.measurement[1].db);
    CHECK(q.target.freq == p.target.freq);
    CHECK(presetToJson(q) == a);
}

TEST_CASE("preset: a shipped preset re-designs to exactly its stored filters", "[preset]")
{
    const Preset p = loadPresetFile(test::repoPath(kShipped));
    CHECK(p.design.filters.size() == 10);
    CHECK(designFromPreset(p) == p.design);
}

TEST_CASE("preset: bad presets give a clear error naming the field, and change nothing", "[preset]")
{
    CHECK_THAT(errorOf("{\"format\": \"iemeq-preset\", "), Catch::Contains("bad.json: not valid JSON"));
    CHECK_THAT(errorOf("[1, 2]"), Catch::Contains("not an iemeq preset"));
    CHECK_THAT(errorOf(edited("\"version\": 2", "\"version\": 3")), Catch::Contains("version 3 is newer"));
    CHECK_THAT(errorOf(edited("\"version\": 2", "\"version\": \"2\"")), Catch::Contains("\"version\" expected a whole number, found a string"));
    CHECK_THAT(errorOf(edited("\"sampleRate\": 48000.0", "\"sampleRate\": \"48k\"")),
               Catch::Contains("\"design.sampleRate\" expected a number, found a string"));
    CHECK_THAT(errorOf(edited("\"sampleRate\": 48000.0,", "")), Catch::Contains("\"design.sampleRate\" is missing"));
    CHECK_THAT(errorOf(edited("\"maxBoostDb\": 6.0", "\"maxBoostDb\": 1e300")), Catch::Contains("\"design.maxBoostDb\" value 1e+300 is outside 0..30"));
    CHECK_THAT(errorOf(edited("\"maxBoostDb\": 6.0", "\"maxBoostDb\": NaN")), Catch::Contains("not valid JSON"));
    CHECK_THAT(errorOf(edited("\"maxBoostDb\": 6.0", "\"maxBoostDb\": 1e999")), Catch::Contains("not valid JSON"));
    CHECK_THAT(errorOf(edited("\"q\": 0.7}", "\"q\": -1}")), Catch::Contains("\"result.filters[0].q\" value -1 is outside"));
    CHECK_THAT(errorOf(edited("\"type\": \"LSC\"", "\"type\": \"BP\"")), Catch::Contains("unknown filter type 'BP'"));
    CHECK_THAT(errorOf(edited("\"layout\": \"autoeq\"", "\"layout\": \"fancy\"")), Catch::Contains("expected one of: autoeq, free"));
    CHECK_THAT(errorOf(edited("[20.0, ", "[2e7, ")), Catch::Contains("target.curve.points[0][0]\" value 2e+07"));
    CHECK_THAT(errorOf(edited("\"result\": {", "\"result\": 5, \"x\": {")), Catch::Contains("\"result\" expected an object, found a whole number"));

    // A 100 MB file is refused before it is read (sparse, so the test stays fast).
    const std::string big = (std::filesystem::temp_directory_path() / "iemeq-100MB.json").string();
    { std::ofstream(big) << "{"; }
    std::filesystem::resize_file(big, 100u << 20);
    Preset kept = loadPresetFile(test::repoPath(kShipped));
    const Preset before = kept;
    std::string err;
    CHECK_FALSE(tryLoadPresetFile(big, kept, err));
    CHECK_THAT(err, Catch::Contains("too large"));
    CHECK(presetToJson(kept) == presetToJson(before));  // a failed load changes nothing
    std::filesystem::remove(big);
    CHECK_THROWS_WITH(presetFromJson(std::string(20u << 20, ' '), "huge"), Catch::Contains("too large for a preset"));
}

TEST_CASE("preset: version 1 presets are migrated with the old defaults", "[preset]")
{
    const std::string v1 = R"({"format": "iemeq-preset", "version": 1, "name": "old", "author": "", "notes": "",
        "iem": {"name": "X", "source": "s"},
        "measurement": [{"name": "X L", "frequency": [20, 1000, 20000], "db": [80, 75, 60]}],
        "target": {"name": "T", "curve": {"name": "T", "frequency": [20, 20000], "db": [5, -5]}},
        "settings": {"layout": "free", "filters": 5, "sampleRate": 44100.0, "fitLowHz": 20.0, "fitHighHz": 10000.0, "maxBoostDb": 4.0},
        "result": {"preampDb": -3.1, "filters": [{"type": "PK", "fc": 1000.0, "gain": 3.0, "q": 1.41}]}})";
    const Preset p = presetFromJson(v1, "v1.json");
    CHECK(p.settings.layout == PeqLayout::Free);
    CHECK(p.settings.numFilters == 5);
    CHECK(p.settings.fs == 44100.0);
    CHECK(p.settings.maxBoostDb == 4.0);
    CHECK(p.settings.maxGainDb == 12.0);
    CHECK(p.settings.mode == CorrectionKind::Parametric);
    CHECK(p.measurement.at(0).db == std::vector<double> { 80, 75, 60 });
    CHECK(p.target.freq == std::vector<double> { 20, 20000 });
    CHECK(p.design.filters.at(0) == PeqFilter { FilterType::Peaking, 1000.0, 3.0, 1.41 });
    CHECK(p.design.preampDb == -3.1);
    // Saved as version 2, and stable from there on.
    const std::string v2 = presetToJson(p);
    CHECK(v2.find("\"version\": 2") != std::string::npos);
    CHECK(presetToJson(presetFromJson(v2, "v2")) == v2);
}
