#include "PluginState.h"

#include "dsp/core/Error.h"
#include "dsp/core/Limits.h"
#include "dsp/preset/Preset.h"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace iemeq::plugin {

using nlohmann::json;

static FrequencyCurve curveFrom(const json& j)
{
    FrequencyCurve c;
    c.name = j.value("name", "");
    c.freq = j.at("frequency").get<std::vector<double>>();
    c.db = j.at("db").get<std::vector<double>>();
    if (c.freq.size() != c.db.size() || c.freq.size() < 2 || c.freq.size() > static_cast<std::size_t>(kCurveMaxPoints))
        throw Error("state: a curve has mismatched or too few/many points");
    // The preset reader's ranges (Limits.h): an accepted version-1 state is written as a preset.
    for (std::size_t i = 0; i < c.freq.size(); ++i)
        if (!std::isfinite(c.freq[i]) || !std::isfinite(c.db[i]) || c.freq[i] < kCurveFreqMinHz
            || c.freq[i] > kCurveFreqMaxHz || std::abs(c.db[i]) > kCurveDbMax || (i > 0 && c.freq[i] <= c.freq[i - 1]))
            throw Error("state: a curve has an invalid point at index " + std::to_string(i));
    return c;
}

static std::vector<PeqFilter> filtersFrom(const json& a)
{
    std::vector<PeqFilter> out;
    for (const auto& f : a) {
        PeqFilter p { filterTypeFromName(f.at("type").get<std::string>()), f.at("fc").get<double>(),
                      f.at("gain").get<double>(), f.at("q").get<double>() };
        // The preset reader's ranges (Limits.h): what is accepted here is written as a preset.
        if (!std::isfinite(p.fc) || !std::isfinite(p.gainDb) || !std::isfinite(p.q) || p.fc < kFilterFcMinHz
            || p.fc > kFilterFcMaxHz || p.q < kFilterQMin || p.q > kFilterQMax || std::abs(p.gainDb) > kFilterGainMaxDb)
            throw Error("state: a filter has an out-of-range frequency, gain or Q");
        out.push_back(p);
    }
    if (out.size() > static_cast<std::size_t>(BiquadCascade::kMaxSections))
        throw Error("state: more than " + std::to_string(BiquadCascade::kMaxSections) + " filters");
    return out;
}

std::string stateToJson(const PluginStateData& s)
{
    json j { { "format", "iemeq-plugin-state" }, { "version", kStateVersion }, { "parameters", s.parameters } };
    Preset p;
    p.spec = s.inputs.spec;
    j["preset"] = json::parse(presetToJson(p));
    return j.dump();
}

// Version 1 kept the curves and hand-edited filters as loose fields.
static CorrectionSpec specFromV1(const json& j)
{
    CorrectionSpec spec;
    spec.iemName = j.value("iemName", "");
    spec.targetName = j.value("targetName", "");
    for (const auto& c : j.at("measurement"))
        spec.measurement.push_back(curveFrom(c));
    if (spec.measurement.size() > 2)
        throw Error("state: more than two measurement channels");
    if (j.contains("target"))
        spec.target = curveFrom(j.at("target"));
    if (j.value("designMode", "automatic") == "manual")
        spec.manualFilters = { filtersFrom(j.at("manualFilters")) };
    return spec;
}

PluginStateData stateFromJson(const std::string& text)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception&) {
        throw Error("saved state is corrupt or truncated (not valid JSON)");
    }
    try {
        if (!j.is_object() || j.value("format", "") != "iemeq-plugin-state")
            throw Error("saved state is not iemeq state");
        // Checked before converting: get<int>() of a huge number is undefined behaviour (fuzzing).
        const auto& versionField = j.at("version");
        if (!versionField.is_number_integer())
            throw Error("saved state has no valid version number");
        const auto version = versionField.get<std::int64_t>();
        if (version > kStateVersion)
            throw Error("saved state is from a newer iemeq (version " + std::to_string(version) + "); please update");
        if (version < 1)
            throw Error("saved state has an invalid version number");
        PluginStateData s;
        for (const auto& [k, v] : j.at("parameters").items()) {
            const double d = v.get<double>();  // a double beyond float's range must not reach get<float>()
            const float f = std::isfinite(d) && std::abs(d) <= 3.0e38 ? static_cast<float>(d) : NAN;
            if (!std::isfinite(f))
                throw Error("state: parameter " + k + " is not a finite number");
            s.parameters[k] = f;
        }
        if (version == 1)
            s.inputs.spec = specFromV1(j);
        else
            s.inputs.spec = presetFromJson(j.at("preset").dump(), "saved state", true).spec;
        return s;
    } catch (const json::exception& e) {
        throw Error(std::string("saved state is malformed (") + e.what() + ")");
    }
}

} // namespace iemeq::plugin
