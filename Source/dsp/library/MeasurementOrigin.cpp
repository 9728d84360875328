#include "MeasurementOrigin.h"

#include "../core/Error.h"

namespace iemeq::library {

std::string creditLine(const MeasurementOrigin& o)
{
    std::string s = o.library.empty() ? o.site : o.library + " (" + o.site + ")";
    if (!o.iem.empty())
        s += ": " + o.iem;
    for (std::size_t i = 0; i < o.files.size(); ++i) {
        s += (i == 0 ? " \xE2\x80\x94 " : ", ") + o.files[i];
        if (i < o.sha256.size())
            s += " (sha256 " + o.sha256[i].substr(0, 16) + "...)";
    }
    return s;
}

nlohmann::ordered_json originToJson(const MeasurementOrigin& o)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["library"] = o.library;
    j["site"] = o.site;
    j["iem"] = o.iem;
    j["files"] = o.files;
    j["sha256"] = o.sha256;
    return j;
}

namespace {

constexpr std::size_t kMaxOriginText = 4096;
constexpr std::size_t kMaxOriginFiles = 8;

std::string originText(const nlohmann::ordered_json& j, const char* key, const std::string& where)
{
    if (!j.contains(key))
        return {};
    const auto& v = j[key];
    if (!v.is_string() || v.get_ref<const std::string&>().size() > kMaxOriginText)
        throw Error(where + "." + key + ": expected text (at most 4 kB)");
    return v.get<std::string>();
}

std::vector<std::string> originList(const nlohmann::ordered_json& j, const char* key, const std::string& where)
{
    std::vector<std::string> out;
    if (!j.contains(key))
        return out;
    const auto& v = j[key];
    if (!v.is_array() || v.size() > kMaxOriginFiles)
        throw Error(where + "." + key + ": expected a list of at most 8 texts");
    for (const auto& e : v) {
        if (!e.is_string() || e.get_ref<const std::string&>().size() > kMaxOriginText)
            throw Error(where + "." + key + ": expected a list of texts");
        out.push_back(e.get<std::string>());
    }
    return out;
}

} // namespace

MeasurementOrigin originFromJson(const nlohmann::ordered_json& j, const std::string& where)
{
    if (!j.is_object())
        throw Error(where + ": expected an object (library, site, iem, files, sha256)");
    MeasurementOrigin o;
    o.library = originText(j, "library", where);
    o.site = originText(j, "site", where);
    o.iem = originText(j, "iem", where);
    o.files = originList(j, "files", where);
    o.sha256 = originList(j, "sha256", where);
    if (o.sha256.size() != o.files.size())
        throw Error(where + ".sha256: one checksum per file (" + std::to_string(o.files.size()) + " files, "
                    + std::to_string(o.sha256.size()) + " checksums)");
    for (const auto& h : o.sha256) {
        bool hex = h.size() == 64;
        for (const char c : h)
            hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (!hex)
            throw Error(where + ".sha256: '" + h.substr(0, 80) + "' is not a SHA-256 (64 lowercase hex digits)");
    }
    return o;
}

} // namespace iemeq::library
