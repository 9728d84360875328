#include "PresetJsonReader.h"

#include "../core/Error.h"

#include <cmath>
#include <cstdio>

namespace iemeq {

using ojson = nlohmann::ordered_json;

namespace {

std::string join(const std::string& path, const std::string& key)
{
    return path.empty() ? key : path + "." + key;
}

std::string typeName(const ojson& v)
{
    if (v.is_number_integer() || v.is_number_unsigned())
        return "a whole number";
    if (v.is_number())
        return "a number";
    return std::string("a ") + v.type_name();
}

std::string show(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

Error PresetJsonReader::error(const std::string& path, const std::string& reason) const
{
    return Error(source + ": " + (path.empty() ? "" : "\"" + path + "\" ") + reason);
}

static const ojson& field(const PresetJsonReader& r, const ojson& parent, const std::string& key, const std::string& path)
{
    if (!parent.is_object())
        throw r.error(path, "expected an object");
    const auto it = parent.find(key);
    if (it == parent.end())
        throw r.error(join(path, key), "is missing");
    return *it;
}

const ojson& PresetJsonReader::object(const ojson& parent, const std::string& key, const std::string& path) const
{
    const ojson& v = field(*this, parent, key, path);
    if (!v.is_object())
        throw error(join(path, key), "expected an object, found " + typeName(v));
    return v;
}

const ojson& PresetJsonReader::array(const ojson& parent, const std::string& key, const std::string& path) const
{
    const ojson& v = field(*this, parent, key, path);
    if (!v.is_array())
        throw error(join(path, key), "expected an array, found " + typeName(v));
    return v;
}

double PresetJsonReader::number(const ojson& v, const std::string& where, double lo, double hi) const
{
    if (!v.is_number())
        throw error(where, "expected a number, found " + typeName(v));
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        throw error(where, "value " + show(d) + " is outside " + show(lo) + ".." + show(hi));
    return d;
}

double PresetJsonReader::number(const ojson& parent, const std::string& key, const std::string& path, double lo, double hi) const
{
    return number(field(*this, parent, key, path), join(path, key), lo, hi);
}

int PresetJsonReader::integer(const ojson& parent, const std::string& key, const std::string& path, int lo, int hi) const
{
    const ojson& v = field(*this, parent, key, path);
    if (!v.is_number_integer() && !v.is_number_unsigned())
        throw error(join(path, key), "expected a whole number, found " + typeName(v));
    const long long i = v.is_number_unsigned() ? static_cast<long long>(std::min<std::uint64_t>(v.get<std::uint64_t>(), 1ull << 62))
                                               : v.get<long long>();
    if (i < lo || i > hi)
        throw error(join(path, key), "value " + std::to_string(i) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return static_cast<int>(i);
}

std::string PresetJsonReader::text(const ojson& parent, const std::string& key, const std::string& path,
                                   std::optional<std::string> fallback) const
{
    if (fallback && parent.is_object() && !parent.contains(key))
        return *fallback;
    const ojson& v = field(*this, parent, key, path);
    if (!v.is_string())
        throw error(join(path, key), "expected text, found " + typeName(v));
    auto s = v.get<std::string>();
    if (s.size() > 65536)
        throw error(join(path, key), "is longer than 64 KiB");
    return s;
}

int PresetJsonReader::choice(const ojson& parent, const std::string& key, const std::string& path,
                             std::initializer_list<const char*> options) const
{
    const std::string v = text(parent, key, path, std::nullopt);
    int i = 0;
    std::string list;
    for (const char* o : options) {
        if (v == o)
            return i;
        list += (i++ ? ", " : "") + std::string(o);
    }
    throw error(join(path, key), "is '" + v + "', expected one of: " + list);
}

// --- migration ---------------------------------------------------------------------------------

static ojson migrateCurve(const PresetJsonReader& r, const ojson& c, const std::string& path)
{
    const ojson& f = r.array(c, "frequency", path);
    const ojson& d = r.array(c, "db", path);
    if (f.size() != d.size())
        throw r.error(path, "frequency and db arrays differ in length");
    ojson points = ojson::array();
    for (std::size_t i = 0; i < f.size(); ++i)
        points.push_back(ojson::array({ f[i], d[i] }));
    return { { "name", c.contains("name") ? c["name"] : ojson("") }, { "points", std::move(points) } };
}

ojson migratePresetV1(const PresetJsonReader& r, const ojson& v1)
{
    ojson j = v1;
    j["version"] = 2;
    // v1 "settings" lacked the limits and the FIR fields: they take the v1 designer's defaults.
    const ojson& s = r.object(v1, "settings", "");
    ojson d = ojson::object();
    d["mode"] = "parametric";
    d["layout"] = s.contains("layout") ? s["layout"] : ojson("autoeq");
    d["filters"] = s.contains("filters") ? s["filters"] : ojson(10);
    d["sampleRate"] = s.contains("sampleRate") ? s["sampleRate"] : ojson(48000.0);
    d["fitLowHz"] = s.contains("fitLowHz") ? s["fitLowHz"] : ojson(20.0);
    d["fitHighHz"] = s.contains("fitHighHz") ? s["fitHighHz"] : ojson(10000.0);
    d["maxBoostDb"] = s.contains("maxBoostDb") ? s["maxBoostDb"] : ojson(6.0);
    d["maxGainDb"] = 12.0;
    d["minQ"] = 0.18;
    d["maxQ"] = 6.0;
    d["firLength"] = 0;
    d["phase"] = "minimum";
    j.erase("settings");
    j["design"] = std::move(d);
    const ojson& t = r.object(v1, "target", "");
    j["target"]["curve"] = migrateCurve(r, r.object(t, "curve", "target"), "target.curve");
    const ojson& m = r.array(v1, "measurement", "");
    ojson meas = ojson::array();
    for (std::size_t i = 0; i < m.size(); ++i)
        meas.push_back(migrateCurve(r, m[i], "measurement[" + std::to_string(i) + "]"));
    j["measurement"] = std::move(meas);
    return j;
}

} // namespace iemeq
