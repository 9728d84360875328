#include "LibraryConfig.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>

namespace iemeq::library {

namespace fs = std::filesystem;

namespace {

std::string envPath(const char* name)
{
    const char* v = std::getenv(name);
    // XDG: relative values are invalid and must be ignored.
    return v != nullptr && v[0] == '/' ? std::string(v) : std::string();
}

std::string userFolder(const char* iemeqVar, const char* xdgVar, const char* homeRelative)
{
    if (const std::string own = envPath(iemeqVar); !own.empty())
        return own;
    if (const std::string xdg = envPath(xdgVar); !xdg.empty())
        return (fs::path(xdg) / "iemeq").string();
    const std::string home = envPath("HOME");
    if (home.empty())
        throw Error(std::string("no home folder ($HOME) to keep iemeq's files in; set ") + iemeqVar);
    return (fs::path(home) / homeRelative / "iemeq").string();
}

} // namespace

std::string configFolder() { return userFolder("IEMEQ_CONFIG_DIR", "XDG_CONFIG_HOME", ".config"); }
std::string cacheFolder() { return userFolder("IEMEQ_CACHE_DIR", "XDG_CACHE_HOME", ".cache"); }
std::string libraryConfigPath() { return (fs::path(configFolder()) / "libraries.json").string(); }

void checkLibraryName(const std::string& name)
{
    bool ok = !name.empty() && name.size() <= 40;
    for (const char c : name)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.');
    if (!ok)
        throw Error("library name '" + name + "' must be 1-40 letters, digits, '-', '_' or '.' (it is written before the ':' in NAME:IEM)");
}

std::vector<LibraryDef> librariesFromJson(const std::string& text, const std::string& sourceName)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw Error(sourceName + ": not JSON; fix or delete the file (iemeq library add re-creates it)");
    }
    const auto bad = [&](const std::string& why) { return Error(sourceName + ": " + why); };
    if (!j.is_object() || !j.contains("libraries") || !j["libraries"].is_array())
        throw bad("expected {\"version\": 1, \"libraries\": [...]}");
    std::vector<LibraryDef> out;
    std::set<std::string> names;
    for (const auto& e : j["libraries"]) {
        if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || !e.contains("location") || !e["location"].is_string())
            throw bad("every library needs a \"name\" and a \"location\" (text)");
        LibraryDef d{ e["name"].get<std::string>(), e["location"].get<std::string>() };
        checkLibraryName(d.name);
        if (!names.insert(d.name).second)
            throw bad("library '" + d.name + "' is listed twice");
        out.push_back(std::move(d));
    }
    return out;
}

std::string librariesToJson(const std::vector<LibraryDef>& libraries)
{
    nlohmann::ordered_json j;
    j["version"] = 1;
    j["libraries"] = nlohmann::ordered_json::array();
    for (const auto& d : libraries)
        j["libraries"].push_back({ { "name", d.name }, { "location", d.location } });
    return j.dump(2) + "\n";
}

std::vector<LibraryDef> loadLibraries()
{
    const std::string path = libraryConfigPath();
    std::error_code ec;
    if (!fs::exists(path, ec))
        return {};
    return librariesFromJson(readFileBytes(path, 1u << 20), path);
}

void saveLibraries(const std::vector<LibraryDef>& libraries)
{
    const std::string path = libraryConfigPath();
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec)
        throw Error(fs::path(path).parent_path().string() + ": cannot create the folder (" + ec.message() + ")");
    writeFileAtomically(path, librariesToJson(libraries));
}

} // namespace iemeq::library
