#include "PresetLibrary.h"

#include "../core/DataPaths.h"

#include "../core/Error.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>
#include <filesystem>

namespace iemeq {

namespace fs = std::filesystem;

static std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string userPresetFolder()
{
#if defined(_WIN32)
    const std::string base = env("APPDATA");
    return (fs::path(base.empty() ? env("USERPROFILE") + "\\AppData\\Roaming" : base) / "iemeq" / "presets").string();
#elif defined(__APPLE__)
    return (fs::path(env("HOME")) / "Library" / "Application Support" / "iemeq" / "presets").string();
#else
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    const std::string xdg = env("XDG_DATA_HOME");
    const fs::path base = !xdg.empty() && fs::path(xdg).is_absolute() ? fs::path(xdg) : fs::path(env("HOME")) / ".local" / "share";
    return (base / "iemeq" / "presets").string();
#endif
}

std::vector<std::string> bundledPresetFolders()
{
    // The first folder found (dsp/core/DataPaths.h): an installed copy and the source tree hold
    // the same presets, and listing both would show every preset twice.
    const std::string dir = dataFolder("Presets");
    return dir.empty() ? std::vector<std::string> {} : std::vector<std::string> { dir };
}

std::string presetFileName(const std::string& name)
{
    std::string s;
    for (unsigned char c : name)
        s += (c < 32 || std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos) ? '_' : static_cast<char>(c);
    while (!s.empty() && (s.back() == ' ' || s.back() == '.'))
        s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '.'))
        s.erase(s.begin());
    if (s.size() > 120)
        s.resize(120);  // may cut a UTF-8 sequence; the name stays a valid file name
    std::string upper;
    for (char c : s.substr(0, s.find('.')))
        upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const char* reserved : { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3" })
        if (upper == reserved)
            s = "_" + s;
    if (s.empty())
        throw Error("'" + name + "' cannot be used as a preset name");
    return s;
}

PresetLibrary::PresetLibrary() : PresetLibrary(userPresetFolder(), bundledPresetFolders()) {}

PresetLibrary::PresetLibrary(std::string userFolder, std::vector<std::string> bundledFolders)
    : user_(std::move(userFolder)), bundled_(std::move(bundledFolders))
{
}

static bool isPresetFile(const fs::path& p)
{
    const std::string f = p.filename().string();
    return p.extension() == ".json" && f.find(".schema.json") == std::string::npos && f.rfind('.', 0) != 0;
}

std::vector<PresetEntry> PresetLibrary::list() const
{
    std::vector<PresetEntry> bundled, user;
    std::error_code ec;
    for (const auto& root : bundled_) {
        for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
            // Device profiles and raw measurements are not correction presets.
            if (it->is_directory(ec) && (it->path().filename() == "devices" || it->path().filename() == "measurements")) {
                it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && isPresetFile(it->path()))
                bundled.push_back({ it->path().stem().string(), it->path().string(), true });
        }
        ec.clear();
    }
    for (fs::directory_iterator it(user_, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && isPresetFile(it->path()))
            user.push_back({ it->path().stem().string(), it->path().string(), false });
    const auto byName = [](const PresetEntry& a, const PresetEntry& b) { return a.name < b.name || (a.name == b.name && a.path < b.path); };
    std::sort(bundled.begin(), bundled.end(), byName);
    std::sort(user.begin(), user.end(), byName);
    bundled.insert(bundled.end(), user.begin(), user.end());
    return bundled;
}

Preset PresetLibrary::load(const PresetEntry& entry) const
{
    return loadPresetFile(entry.path);
}

PresetEntry PresetLibrary::save(const Preset& preset, const std::string& name, bool overwrite) const
{
    const fs::path path = fs::path(user_) / (presetFileName(name) + ".json");
    std::error_code ec;
    fs::create_directories(user_, ec);
    if (ec)
        throw Error(user_ + ": cannot create the preset folder: " + ec.message());
    if (!overwrite && fs::exists(path, ec))
        throw Error(path.string() + ": a preset with this name already exists");
    Preset p = preset;
    p.name = name;
    savePresetFile(path.string(), p);
    return { path.stem().string(), path.string(), false };
}

PresetEntry PresetLibrary::rename(const std::string& name, const std::string& newName) const
{
    const fs::path from = fs::path(user_) / (presetFileName(name) + ".json");
    const fs::path to = fs::path(user_) / (presetFileName(newName) + ".json");
    std::error_code ec;
    if (!fs::is_regular_file(from, ec))
        throw Error(from.string() + ": no such user preset");
    if (from == to)
        return { to.stem().string(), to.string(), false };
    if (fs::exists(to, ec))
        throw Error(to.string() + ": a preset with this name already exists");
    // Rewrite with the new name inside, then drop the old file: never a moment without a copy.
    Preset p = loadPresetFile(from.string());
    p.name = newName;
    savePresetFile(to.string(), p);
    fs::remove(from, ec);
    if (ec)
        throw Error(from.string() + ": renamed copy written, but the old file could not be removed: " + ec.message());
    return { to.stem().string(), to.string(), false };
}

void PresetLibrary::remove(const std::string& name) const
{
    const fs::path path = fs::path(user_) / (presetFileName(name) + ".json");
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw Error(path.string() + ": no such user preset");
    if (!fs::remove(path, ec) || ec)
        throw Error(path.string() + ": cannot delete: " + ec.message());
}

} // namespace iemeq
