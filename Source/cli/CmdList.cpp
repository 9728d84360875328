// iemeq targets / iemeq devices: what ships with iemeq, by the short names the other commands take.
#include "Args.h"
#include "BundledNames.h"
#include "Commands.h"

#include "dsp/core/Error.h"
#include "dsp/design/DeviceProfile.h"

#include <cstdio>
#include <filesystem>

namespace iemeq::cli {

namespace fs = std::filesystem;

static bool printHelpIfAsked(int argc, char** argv, const char* usage, const char* summary)
{
    const Args args({}, argc, argv, 1);
    if (args.has("help")) {
        std::printf("%s", formatHelp(usage, summary, {}).c_str());
        return true;
    }
    if (!args.positional().empty())
        throw Error("unexpected argument '" + args.positional().front() + "'");
    return false;
}

int runTargets(int argc, char** argv)
{
    if (printHelpIfAsked(argc, argv, "iemeq targets",
                         "Lists the bundled target curves: the short name(s) --target accepts, the file in\n"
                         "Targets/ (its name without .csv is accepted too) and what the curve is."))
        return 0;
    const auto targets = bundledTargets();
    if (targets.empty())
        throw Error("no bundled targets found (is iemeq's Targets/ folder installed?)");
    std::printf("%-28s %-42s %s\n", "name", "file", "description");
    for (const auto& t : targets) {
        std::string names;
        for (const auto& n : t.shortNames)
            names += (names.empty() ? "" : ", ") + n;
        std::printf("%-28s %-42s %s\n", names.empty() ? "-" : names.c_str(), fs::path(t.path).filename().string().c_str(),
                    t.description.c_str());
    }
    std::printf("\nfolder: %s\n", fs::path(targets.front().path).parent_path().string().c_str());
    return 0;
}

int runDevices(int argc, char** argv)
{
    if (printHelpIfAsked(argc, argv, "iemeq devices",
                         "Lists the bundled device EQ profiles: the name `design --device` accepts, the file\n"
                         "in Presets/devices/ and what the device's EQ can do."))
        return 0;
    const auto devices = bundledDevices();
    if (devices.empty())
        throw Error("no bundled device profiles found (is iemeq's Presets/devices/ folder installed?)");
    std::printf("%-16s %-22s %s\n", "name", "file", "device and EQ");
    for (const auto& d : devices) {
        std::string what;
        try {
            what = loadDeviceProfile(d.path).name + ": " + describeDeviceProfile(d.path);
        } catch (const Error& e) {
            what = std::string("unreadable: ") + e.what();
        }
        std::printf("%-16s %-22s %s\n", d.name.c_str(), fs::path(d.path).filename().string().c_str(), what.c_str());
    }
    std::printf("\nfolder: %s\n", fs::path(devices.front().path).parent_path().string().c_str());
    return 0;
}

} // namespace iemeq::cli
