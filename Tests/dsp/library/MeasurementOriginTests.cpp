// Where a measurement came from, as presets store it: written only for library measurements
// (other presets keep their bytes), read back equal, and refused with the field when malformed.
#include "dsp/core/Error.h"
#include "dsp/library/MeasurementOrigin.h"
#include "dsp/preset/Preset.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;
using namespace iemeq::library;

namespace {

MeasurementOrigin blessing()
{
    return { "antdroid", "http://127.0.0.1:8000/", "Moondrop Blessing 2", { "data/Blessing 2 L.txt", "data/Blessing 2 R.txt" },
             { std::string(64, 'a'), "20ef960f76807d476065417e21a4ee0768b1cd8da5082662e2f3cf271ea6e1db" } };
}

Preset smallPreset()
{
    Preset p;
    p.name = "test";
    FrequencyCurve c;
    for (int i = 0; i < 20; ++i) {
        c.freq.push_back(20.0 * std::pow(2.0, i * 0.5));
        c.db.push_back(80.0 + i % 3);
    }
    c.name = "Blessing 2 L";
    p.spec.measurement = { c };
    p.spec.target = c;
    p.spec.iemName = "Moondrop Blessing 2";
    p.result.filters = { {} };
    return p;
}

std::string errorOf(const nlohmann::ordered_json& j)
{
    try {
        originFromJson(j, "eq.json: iem.origin");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("origin: credit line and JSON round trip", "[library][origin]")
{
    const MeasurementOrigin o = blessing();
    CHECK(creditLine(o) == "antdroid (http://127.0.0.1:8000/): Moondrop Blessing 2 \xE2\x80\x94 data/Blessing 2 L.txt (sha256 aaaaaaaaaaaaaaaa...), "
                           "data/Blessing 2 R.txt (sha256 20ef960f76807d47...)");
    CHECK(originToJson(o).dump() == "{\"library\":\"antdroid\",\"site\":\"http://127.0.0.1:8000/\",\"iem\":\"Moondrop Blessing 2\","
                                    "\"files\":[\"data/Blessing 2 L.txt\",\"data/Blessing 2 R.txt\"],\"sha256\":[\"" + std::string(64, 'a')
                                        + "\",\"20ef960f76807d476065417e21a4ee0768b1cd8da5082662e2f3cf271ea6e1db\"]}");
    CHECK(originFromJson(originToJson(o), "x") == o);
    CHECK(originFromJson(nlohmann::ordered_json::object(), "x").empty());
}

TEST_CASE("origin: malformed origins are refused with the field", "[library][origin][errors]")
{
    auto j = originToJson(blessing());
    CHECK(errorOf(nlohmann::ordered_json::array()) == "eq.json: iem.origin: expected an object (library, site, iem, files, sha256)");
    auto k = j;
    k["sha256"][0] = "ABC";
    CHECK(errorOf(k) == "eq.json: iem.origin.sha256: 'ABC' is not a SHA-256 (64 lowercase hex digits)");
    k = j;
    k["sha256"].erase(1);
    CHECK(errorOf(k) == "eq.json: iem.origin.sha256: one checksum per file (2 files, 1 checksums)");
    k = j;
    k["files"] = "data/x L.txt";
    CHECK(errorOf(k) == "eq.json: iem.origin.files: expected a list of at most 8 texts");
    k = j;
    k["library"] = 3;
    CHECK(errorOf(k) == "eq.json: iem.origin.library: expected text (at most 4 kB)");
}

TEST_CASE("origin: a preset keeps it, presets without one are written as before", "[library][origin][preset]")
{
    Preset p = smallPreset();
    const std::string plain = presetToJson(p);
    CHECK(plain.find("\"origin\"") == std::string::npos);
    p.spec.measurementOrigin = blessing();
    const std::string withOrigin = presetToJson(p);
    CHECK(withOrigin.find("\"origin\": {") != std::string::npos);
    const Preset back = presetFromJson(withOrigin, "eq.json");
    CHECK(back.spec.measurementOrigin == blessing());
    CHECK(presetToJson(back) == withOrigin);
    // Removing the origin gives the plain preset back, byte for byte.
    Preset stripped = back;
    stripped.spec.measurementOrigin = {};
    CHECK(presetToJson(stripped) == plain);
    std::string broken = withOrigin;
    broken.replace(broken.find(std::string(64, 'a')), 64, std::string(64, 'Z'));
    CHECK_THROWS_WITH(presetFromJson(broken, "eq.json"), "eq.json: iem.origin.sha256: '" + std::string(64, 'Z') + "' is not a SHA-256 (64 lowercase hex digits)");
}
