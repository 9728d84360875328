#include "BundledNames.h"

#include "Inputs.h"
#include "Suggest.h"

#include "dsp/core/Error.h"
#include "dsp/design/DeviceProfile.h"
#include "dsp/core/DataPaths.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

namespace iemeq::cli {

namespace fs = std::filesystem;

// One line per bundled curve (Targets/README.md has the provenance).
static std::string targetDescription(const std::string& stem)
{
    static const std::map<std::string, std::string> text = {
        { "Harman in-ear 2019 v2", "Harman in-ear target 2019 v2, with its bass shelf (the default)" },
        { "Harman in-ear 2019 v2 without bass", "Harman in-ear 2019 v2 without the bass shelf (AutoEq's base target)" },
        { "Harman in-ear 2016", "Harman in-ear target 2016" },
        { "Harman in-ear 2017 v2", "Harman in-ear target 2017 v2" },
        { "Diffuse field (KEMAR 711)", "diffuse-field response of a KEMAR with a 711 coupler" },
        { "IEF Neutral 2023", "In-Ear Fidelity (Crinacle) neutral target 2023" },
        { "Free field", "free-field target" },
        { "AutoEq in-ear results target", "the target of AutoEq's published in-ear results (for comparisons)" },
        { "Flat", "0 dB everywhere: correct to the coupler's raw response" },
    };
    const auto it = text.find(stem);
    return it == text.end() ? "target curve" : it->second;
}

std::vector<BundledTarget> bundledTargets()
{
    std::vector<BundledTarget> out;
    std::vector<std::string> folders;
    for (const auto& [alias, stem] : bundledTargetNames()) {
        std::string path;
        try {
            path = resolveTargetPath(alias);
        } catch (const Error&) {
            continue;  // a short name whose file is not installed
        }
        const auto same = std::find_if(out.begin(), out.end(), [&](const BundledTarget& t) { return t.path == path; });
        if (same != out.end()) {
            same->shortNames.push_back(alias);
            continue;
        }
        out.push_back({ { alias }, path, targetDescription(stem) });
        const std::string folder = fs::path(path).parent_path().string();
        if (std::find(folders.begin(), folders.end(), folder) == folders.end())
            folders.push_back(folder);
    }
    // Curves added to the folder without a short name are still bundled targets (by file stem).
    for (const auto& folder : folders) {
        std::vector<std::string> extra;
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".csv"
                && std::none_of(out.begin(), out.end(), [&](const BundledTarget& t) { return fs::path(t.path) == it->path(); }))
                extra.push_back(it->path().string());
        std::sort(extra.begin(), extra.end());
        for (const auto& p : extra)
            out.push_back({ {}, p, targetDescription(fs::path(p).stem().string()) });
    }
    return out;
}

static bool looksLikePath(const std::string& s)
{
    const std::string ext = fs::path(s).extension().string();
    return s.find('/') != std::string::npos || s.find('\\') != std::string::npos || ext == ".csv" || ext == ".txt"
           || ext == ".json";
}

std::string unknownTargetMessage(const std::string& nameOrPath)
{
    if (looksLikePath(nameOrPath))
        return nameOrPath + ": no such file";
    std::vector<std::string> names;
    for (const auto& [alias, stem] : bundledTargetNames())
        names.push_back(alias);
    std::vector<std::string> candidates = names;
    for (const auto& t : bundledTargets())
        candidates.push_back(fs::path(t.path).stem().string());
    return "unknown target '" + nameOrPath + "'" + didYouMean(nameOrPath, candidates)
           + ": not a file, and the bundled targets are " + joinNames(names) + " (see iemeq targets)";
}

std::vector<BundledDevice> bundledDevices()
{
    std::vector<BundledDevice> out;
    for (const auto& base : dataFolders("Presets")) {
        std::error_code ec;
        for (fs::directory_iterator it(fs::path(base) / "devices", ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().stem().string();
            if (it->path().extension() == ".json"
                && std::none_of(out.begin(), out.end(), [&](const BundledDevice& d) { return d.name == name; }))
                out.push_back({ name, it->path().string() });
        }
    }
    std::sort(out.begin(), out.end(), [](const BundledDevice& a, const BundledDevice& b) { return a.name < b.name; });
    return out;
}

std::string resolveDevicePath(const std::string& nameOrPath)
{
    std::error_code ec;
    if (fs::is_regular_file(nameOrPath, ec))
        return nameOrPath;
    const auto devices = bundledDevices();
    const std::string name = fs::path(nameOrPath).extension() == ".json" && nameOrPath.find('/') == std::string::npos
                                 ? fs::path(nameOrPath).stem().string()
                                 : nameOrPath;
    std::vector<std::string> names;
    for (const auto& d : devices) {
        if (d.name == name)
            return d.path;
        names.push_back(d.name);
    }
    if (nameOrPath.find('/') != std::string::npos)
        throw Error(nameOrPath + ": no such file");
    throw Error("unknown device '" + nameOrPath + "'" + didYouMean(name, names) + ": not a file, and the bundled devices are "
                + joinNames(names) + " (see iemeq devices)");
}

static std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string describeDeviceProfile(const std::string& path)
{
    const DeviceProfile p = loadDeviceProfile(path);
    std::string types;
    for (const auto t : p.types)
        types += std::string(types.empty() ? "" : ", ") + apoName(t);
    std::string out = std::to_string(p.maxFilters) + " filters (" + types + ")";
    if (!p.fixedFrequencies.empty())
        out += " at fixed frequencies " + number(p.fixedFrequencies.front()) + "-" + number(p.fixedFrequencies.back()) + " Hz";
    out += ", gain " + number(p.gainMin) + "..+" + number(p.gainMax) + " dB";
    out += p.fixedQ > 0 ? ", Q " + number(p.fixedQ) : ", Q " + number(p.qMin) + "-" + number(p.qMax);
    out += ", " + number(p.gainStep) + " dB steps";
    if (!p.preamp)
        out += ", no preamp (cuts only)";
    return out;
}

} // namespace iemeq::cli
