#include "Preset.h"

#include "../core/Error.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace iemeq {

using nlohmann::json;

namespace {

json curveToJson(const FrequencyCurve& c)
{
    return json { { "name", c.name }, { "frequency", c.freq }, { "db", c.db } };
}

FrequencyCurve curveFromJson(const json& j, const std::string& where)
{
    FrequencyCurve c;
    c.name = j.value("name", "");
    c.freq = j.at("frequency").get<std::vector<double>>();
    c.db = j.at("db").get<std::vector<double>>();
    if (c.freq.size() != c.db.size())
        throw Error(where + ": frequency and db arrays differ in length");
    for (std::size_t i = 0; i < c.freq.size(); ++i) {
        if (!std::isfinite(c.freq[i]) || !std::isfinite(c.db[i]) || c.freq[i] <= 0 || std::abs(c.db[i]) > 300)
            throw Error(where + ": point " + std::to_string(i) + " is not a valid frequency/level");
        if (i > 0 && c.freq[i] <= c.freq[i - 1])
            throw Error(where + ": frequencies are not increasing at point " + std::to_string(i));
    }
    return c;
}

const char* layoutName(PeqLayout l) { return l == PeqLayout::AutoEq ? "autoeq" : "free"; }

} // namespace

std::string presetToJson(const Preset& p)
{
    json filters = json::array();
    for (const auto& f : p.design.filters)
        filters.push_back({ { "type", apoName(f.type) }, { "fc", f.fc }, { "gain", f.gainDb }, { "q", f.q } });
    json meas = json::array();
    for (const auto& c : p.measurement)
        meas.push_back(curveToJson(c));
    const json j {
        { "format", "iemeq-preset" },
        { "version", kPresetVersion },
        { "name", p.name }, { "author", p.author }, { "notes", p.notes },
        { "iem", { { "name", p.iemName }, { "source", p.measurementSource } } },
        { "measurement", meas },
        { "target", { { "name", p.targetName }, { "curve", curveToJson(p.target) } } },
        { "settings", { { "layout", layoutName(p.settings.layout) }, { "filters", p.settings.numFilters },
                        { "sampleRate", p.settings.fs }, { "fitLowHz", p.settings.fitLoHz },
                        { "fitHighHz", p.settings.fitHiHz }, { "maxBoostDb", p.settings.maxBoostDb } } },
        { "result", { { "preampDb", p.design.preampDb }, { "filters", filters } } },
    };
    return j.dump(2) + "\n";
}

Preset presetFromJson(const std::string& text, const std::string& src)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(src + ": not valid JSON (" + std::string(e.what()) + ")");
    }
    try {
        if (!j.is_object() || j.value("format", "") != "iemeq-preset")
            throw Error(src + ": not an iemeq preset (missing \"format\": \"iemeq-preset\")");
        const int version = j.at("version").get<int>();
        if (version > kPresetVersion)
            throw Error(src + ": preset version " + std::to_string(version) + " is newer than this iemeq ("
                        + std::to_string(kPresetVersion) + "); please update iemeq");
        Preset p;
        p.name = j.value("name", "");
        p.author = j.value("author", "");
        p.notes = j.value("notes", "");
        if (j.contains("iem")) {
            p.iemName = j["iem"].value("name", "");
            p.measurementSource = j["iem"].value("source", "");
        }
        for (const auto& c : j.at("measurement"))
            p.measurement.push_back(curveFromJson(c, src + ": measurement"));
        p.targetName = j.at("target").value("name", "");
        p.target = curveFromJson(j.at("target").at("curve"), src + ": target");
        const auto& s = j.at("settings");
        p.settings.layout = s.value("layout", "autoeq") == "autoeq" ? PeqLayout::AutoEq : PeqLayout::Free;
        p.settings.numFilters = s.value("filters", 10);
        p.settings.fs = s.value("sampleRate", 48000.0);
        p.settings.fitLoHz = s.value("fitLowHz", 20.0);
        p.settings.fitHiHz = s.value("fitHighHz", 10000.0);
        p.settings.maxBoostDb = s.value("maxBoostDb", 6.0);
        const auto& r = j.at("result");
        p.design.preampDb = r.at("preampDb").get<double>();
        for (const auto& f : r.at("filters")) {
            PeqFilter pf { filterTypeFromName(f.at("type").get<std::string>()), f.at("fc").get<double>(),
                           f.at("gain").get<double>(), f.at("q").get<double>() };
            if (!(pf.fc > 0 && pf.fc < 1e6 && pf.q > 0 && pf.q < 1000 && std::abs(pf.gainDb) <= 60))
                throw Error(src + ": a filter has an out-of-range fc, gain or Q");
            p.design.filters.push_back(pf);
        }
        return p;
    } catch (const json::exception& e) {
        throw Error(src + ": malformed preset (" + std::string(e.what()) + ")");
    }
}

} // namespace iemeq
