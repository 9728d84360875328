#pragma once
// The names of what iemeq ships: target curves (Targets/) and device EQ profiles
// (Presets/devices/). Wherever a file is expected a bundled name is accepted, and an unknown
// name lists the valid ones with the nearest first ("did you mean").
#include <string>
#include <vector>

namespace iemeq::cli {

struct BundledTarget {
    std::vector<std::string> shortNames;  // e.g. { "df", "diffuse-field" }; empty if it has none
    std::string path;
    std::string description;  // one line
};

// Every bundled target curve, in the order of bundledTargetNames() (Inputs.h), then any other
// *.csv of the same folder.
std::vector<BundledTarget> bundledTargets();

// The error for a --target that is neither a file nor a bundled name: a path-looking argument
// is a missing file; a name gets the nearest name and the list of short names.
std::string unknownTargetMessage(const std::string& nameOrPath);

struct BundledDevice {
    std::string name;  // file stem, e.g. "qudelix-5k"
    std::string path;
};

// Every *.json in the bundled Presets/devices/ folders, by name (the first folder wins).
std::vector<BundledDevice> bundledDevices();

// An existing file, or a bundled device's name with or without ".json". Throws iemeq::Error
// listing the bundled names otherwise.
std::string resolveDevicePath(const std::string& nameOrPath);

// "10 filters (PK, LSC, HSC), gain -12..+12 dB, Q 0.1-10, 0.1 dB steps" for `iemeq devices`.
std::string describeDeviceProfile(const std::string& path);

} // namespace iemeq::cli
