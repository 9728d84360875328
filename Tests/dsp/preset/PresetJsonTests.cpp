// The preset JSON: canonical bytes (save -> load -> save identical), a shipped preset
// reproducing its own filters, clear errors that change nothing, and v1/v2 migration.
#include "../../TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/design/DeviceProfile.h"
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
    CorrectionSpec& s = p.spec;
    s.adjustments.bassGainDb = 2.5;
    s.adjustments.tiltDbPerOctave = -0.3;
    s.adjustments.earGainDb = 1.0 / 3.0;  // needs all 17 digits
    s.mode = CorrectionMode::FirLinearPhase;
    s.channels = ChannelMode::Separate;
    s.amount = 0.7;
    s.autoPreamp = false;
    s.firLength = 4096;
    s.designRate = 44100.0;
    s.peq.layout = PeqLayout::Free;
    s.peq.numFilters = 12;
    s.peq.device = loadDeviceProfile(test::repoPath("Presets/devices/qudelix-5k.json"));
    s.manualFilters = { { PeqFilter { FilterType::Peaking, 1000.0, 1.0 / 3.0, 1.41 } },
                        { PeqFilter { FilterType::HighShelf, 9000.0, -2.0, 0.7 } } };
    p.result.filters.at(0).at(1).fc = 123.456789012345;
    p.result.filters.push_back(p.result.filters[0]);
    p.result.firTaps = 8191;
    p.result.latencySamples = 4095;
    const std::string a = presetToJson(p);
    const Preset q = presetFromJson(a, "a");
    const CorrectionSpec& t = q.spec;
    CHECK(q.author == p.author);
    CHECK(q.notes == p.notes);
    CHECK(t.adjustments.earGainDb == s.adjustments.earGainDb);
    CHECK(t.adjustments.tiltDbPerOctave == s.adjustments.tiltDbPerOctave);
    CHECK(t.mode == s.mode);
    CHECK(t.channels == s.channels);
    CHECK(t.amount == s.amount);
    CHECK(t.autoPreamp == s.autoPreamp);
    CHECK(t.firLength == s.firLength);
    CHECK(t.designRate == s.designRate);
    CHECK(t.peq.layout == s.peq.layout);
    CHECK(t.peq.numFilters == s.peq.numFilters);
    REQUIRE(t.peq.device.has_value());
    CHECK(t.peq.device->name == s.peq.device->name);
    CHECK(t.peq.device->maxFilters == s.peq.device->maxFilters);
    CHECK(t.peq.device->types == s.peq.device->types);
    CHECK(t.manualFilters == s.manualFilters);
    CHECK(q.result == p.result);
    CHECK(t.measurement.size() == 2);
    CHECK(t.measurement[1].db == s.measurement[1].db);
    CHECK(t.target.freq == s.target.freq);
    CHECK(t.iemName == s.iemName);
    CHECK(t.targetName == s.targetName);
    CHECK(presetToJson(q) == a);
}

TEST_CASE("preset: a shipped preset re-designs to exactly its stored filters", "[preset]")
{
    const Preset p = loadPresetFile(test::repoPath(kShipped));
    REQUIRE(p.result.filters.size() == 1);
    CHECK(p.result.filters[0].size() == 10);
    CHECK(resultOf(designCorrection(p.spec, p.result.fs)) == p.result);
}

TEST_CASE("preset: bad presets give a clear error naming the field, and change nothing", "[preset]")
{
    CHECK_THAT(errorOf("{\"format\": \"iemeq-preset\", "), Catch::Contains("bad.json: not valid JSON"));
    CHECK_THAT(errorOf("[1, 2]"), Catch::Contains("not an iemeq preset"));
    CHECK_THAT(errorOf(edited("\"version\": 3", "\"version\": 4")), Catch::Contains("version 4 is newer"));
    CHECK_THAT(errorOf(edited("\"version\": 3", "\"version\": \"3\"")), Catch::Contains("\"version\" expected a whole number, found a string"));
    CHECK_THAT(errorOf(edited("\"sampleRate\": 48000.0", "\"sampleRate\": \"48k\"")),
               Catch::Contains("\"design.sampleRate\" expected a number, found a string"));
    CHECK_THAT(errorOf(edited("\"sampleRate\": 48000.0,", "")), Catch::Contains("\"design.sampleRate\" is missing"));
    CHECK_THAT(errorOf(edited("\"maxBoostDb\": 6.0", "\"maxBoostDb\": 1e300")), Catch::Contains("\"design.maxBoostDb\" value 1e+300 is outside 0..30"));
    CHECK_THAT(errorOf(edited("\"maxBoostDb\": 6.0", "\"maxBoostDb\": NaN")), Catch::Contains("not valid JSON"));
    CHECK_THAT(errorOf(edited("\"maxBoostDb\": 6.0", "\"maxBoostDb\": 1e999")), Catch::Contains("not valid JSON"));
    CHECK_THAT(errorOf(edited("\"q\": 0.7}", "\"q\": -1}")), Catch::Contains("\"result.filters[0][0].q\" value -1 is outside"));
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
    const CorrectionSpec& s = p.spec;
    CHECK(s.peq.layout == PeqLayout::Free);
    CHECK(s.peq.numFilters == 5);
    CHECK(s.designRate == 44100.0);
    CHECK(p.result.fs == 44100.0);
    CHECK(s.peq.maxBoostDb == 4.0);
    CHECK(s.peq.maxGainDb == 12.0);
    CHECK(s.mode == CorrectionMode::Parametric);
    CHECK(s.channels == ChannelMode::Average);
    CHECK(s.amount == 1.0);
    CHECK_FALSE(s.manual());
    CHECK(s.measurement.at(0).db == std::vector<double> { 80, 75, 60 });
    CHECK(s.target.freq == std::vector<double> { 20, 20000 });
    REQUIRE(p.result.filters.size() == 1);
    CHECK(p.result.filters[0].at(0) == PeqFilter { FilterType::Peaking, 1000.0, 3.0, 1.41 });
    CHECK(p.result.preampDb == -3.1);
    // Saved as the current version, and stable from there on.
    const std::string v3 = presetToJson(p);
    CHECK(v3.find("\"version\": 3") != std::string::npos);
    CHECK(presetToJson(presetFromJson(v3, "v3")) == v3);
}

TEST_CASE("preset: version 2 FIR and filter-only presets migrate to the mode and manual filters", "[preset]")
{
    const std::string fir = R"({"format": "iemeq-preset", "version": 2, "name": "fir", "author": "", "notes": "",
        "iem": {"name": "X", "source": "s"},
        "design": {"mode": "fir", "layout": "autoeq", "filters": 10, "sampleRate": 96000.0, "fitLowHz": 20.0,
                   "fitHighHz": 10000.0, "maxBoostDb": 6.0, "maxGainDb": 12.0, "minQ": 0.18, "maxQ": 6.0,
                   "firLength": 0, "phase": "linear"},
        "result": {"preampDb": -2.0, "filters": []},
        "measurement": [{"name": "X L", "points": [[20, 80], [1000, 75], [20000, 60]]}],
        "target": {"name": "T", "curve": {"name": "T", "points": [[20, 5], [20000, -5]]}}})";
    const Preset f = presetFromJson(fir, "fir.json");
    CHECK(f.spec.mode == CorrectionMode::FirLinearPhase);
    CHECK(f.spec.designRate == 96000.0);
    CHECK_FALSE(f.spec.manual());
    CHECK(f.result.filters.empty());

    // A v2 preset without curves (an imported ParametricEQ.txt) keeps its filters as given.
    const std::string onlyFilters = R"({"format": "iemeq-preset", "version": 2, "name": "apo", "author": "", "notes": "",
        "iem": {"name": "", "source": ""},
        "design": {"mode": "parametric", "layout": "free", "filters": 1, "sampleRate": 48000.0, "fitLowHz": 20.0,
                   "fitHighHz": 10000.0, "maxBoostDb": 6.0, "maxGainDb": 12.0, "minQ": 0.18, "maxQ": 6.0,
                   "firLength": 0, "phase": "minimum"},
        "result": {"preampDb": -1.0, "filters": [{"type": "PK", "fc": 1000.0, "gain": 3.0, "q": 2.0}]},
        "measurement": [],
        "target": {"name": "", "curve": {"name": "", "points": []}}})";
    const Preset m = presetFromJson(onlyFilters, "apo.json");
    CHECK(m.spec.mode == CorrectionMode::Parametric);
    REQUIRE(m.spec.manualFilters.size() == 1);
    CHECK(m.spec.manualFilters[0] == std::vector<PeqFilter> { PeqFilter { FilterType::Peaking, 1000.0, 3.0, 2.0 } });
    const Correction c = designCorrection(m.spec, 96000.0);
    CHECK(c.perChannel.at(0).filters == m.spec.manualFilters[0]);
}
