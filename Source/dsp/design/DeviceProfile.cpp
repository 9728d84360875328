#include "DeviceProfile.h"

#include "../core/Limits.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"
#include "../io/FileKind.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace iemeq {

bool DeviceProfile::allows(FilterType t) const
{
    return std::find(types.begin(), types.end(), t) != types.end();
}

namespace {

using json = nlohmann::json;

double num(const json& j, const char* key, double fallback, const std::string& src)
{
    if (!j.contains(key))
        return fallback;
    if (!j.at(key).is_number())
        throw Error(src + ": field '" + key + "' must be a number");
    const double v = j.at(key).get<double>();
    if (!std::isfinite(v))
        throw Error(src + ": field '" + key + "' is not finite");
    return v;
}

void range(const json& j, const char* key, double& lo, double& hi, const std::string& src)
{
    if (!j.contains(key))
        return;
    const json& r = j.at(key);
    if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
        throw Error(src + ": field '" + key + "' must be [min, max]");
    lo = r[0].get<double>();
    hi = r[1].get<double>();
    if (!(lo <= hi))
        throw Error(src + ": field '" + key + "' has min > max");
}

} // namespace

DeviceProfile parseDeviceProfile(const std::string& text, const std::string& src)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(src + ": invalid JSON (syntax error at " + textPosition(text, e.byte) + ")");
    }
    if (!j.is_object())
        throw Error(src + ": a device profile must be a JSON object");
    DeviceProfile p;
    if (j.contains("name") && !j.at("name").is_string())
        throw Error(src + ": field 'name' must be a string");
    p.name = j.value("name", std::string("device"));
    // Range-checked before the conversion (a huge double does not fit an int).
    const double maxFilters = num(j, "maxFilters", p.maxFilters, src);
    if (!(maxFilters >= 1 && maxFilters <= kMaxFilters) || maxFilters != std::floor(maxFilters))
        throw Error(src + ": 'maxFilters' must be a whole number between 1 and " + std::to_string(kMaxFilters));
    p.maxFilters = static_cast<int>(maxFilters);
    if (j.contains("types")) {
        if (!j.at("types").is_array() || j.at("types").empty())
            throw Error(src + ": 'types' must be a non-empty array such as [\"PK\", \"LSC\", \"HSC\"]");
        p.types.clear();
        for (const auto& t : j.at("types")) {
            if (!t.is_string())
                throw Error(src + ": 'types' entries must be strings");
            try {
                p.types.push_back(filterTypeFromName(t.get<std::string>()));
            } catch (const Error& e) {
                throw Error(src + ": " + e.what());
            }
        }
    }
    range(j, "fc", p.fcMin, p.fcMax, src);
    range(j, "q", p.qMin, p.qMax, src);
    range(j, "gain", p.gainMin, p.gainMax, src);
    if (!(p.fcMin > 0.0) || !(p.qMin > 0.0))
        throw Error(src + ": 'fc' and 'q' ranges must be positive");
    if (p.gainMin > 0.0 || p.gainMax < 0.0)
        throw Error(src + ": 'gain' range must include 0 dB");
    if (j.contains("fixedFrequencies")) {
        if (!j.at("fixedFrequencies").is_array())
            throw Error(src + ": 'fixedFrequencies' must be an array of Hz");
        for (const auto& f : j.at("fixedFrequencies")) {
            if (!f.is_number() || !(f.get<double>() > 0.0))
                throw Error(src + ": 'fixedFrequencies' entries must be positive numbers");
            p.fixedFrequencies.push_back(f.get<double>());
        }
        if (static_cast<int>(p.fixedFrequencies.size()) > p.maxFilters)
            throw Error(src + ": more fixed frequencies than 'maxFilters'");
    }
    p.fixedQ = num(j, "fixedQ", 0.0, src);
    p.gainStep = num(j, "gainStep", p.gainStep, src);
    p.fcStep = num(j, "fcStep", p.fcStep, src);
    p.qStep = num(j, "qStep", p.qStep, src);
    if (!(p.gainStep > 0.0) || !(p.fcStep > 0.0) || !(p.qStep > 0.0))
        throw Error(src + ": 'gainStep', 'fcStep' and 'qStep' must be positive");
    if (j.contains("preamp")) {
        if (!j.at("preamp").is_boolean())
            throw Error(src + ": 'preamp' must be true or false");
        p.preamp = j.at("preamp").get<bool>();
    }
    return p;
}

DeviceProfile loadDeviceProfile(const std::string& path)
{
    return parseDeviceProfile(readFileBytes(path, 1u << 20), path);
}

} // namespace iemeq
