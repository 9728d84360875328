#pragma once
// Bundled and user presets for the plugin, the standalone app and the CLI (no JUCE).
//
// User presets live in the platform's user data folder (userPresetFolder()), one
// "<name>.json" each, written atomically; bundled presets are the read-only *.json files under
// the bundled folders (the repository's / installation's Presets/, without devices/ and
// measurements/). The display name is the file name without ".json".
#include "Preset.h"

#include <string>
#include <vector>

namespace iemeq {

// Linux: $XDG_DATA_HOME/iemeq/presets, else ~/.local/share/iemeq/presets;
// macOS: ~/Library/Application Support/iemeq/presets; Windows: %APPDATA%\iemeq\presets.
std::string userPresetFolder();

// The source tree's Presets/ and the installed share/iemeq/Presets folders that exist.
std::vector<std::string> bundledPresetFolders();

// A name made safe as a file name on every platform (no path separators, reserved characters
// or names, no leading/trailing dots or spaces, at most 120 bytes). Throws iemeq::Error if
// nothing usable is left.
std::string presetFileName(const std::string& name);

struct PresetEntry {
    std::string name;  // shown to the user
    std::string path;
    bool bundled = false;
};

class PresetLibrary {
public:
    PresetLibrary();  // userPresetFolder() + bundledPresetFolders()
    PresetLibrary(std::string userFolder, std::vector<std::string> bundledFolders);

    // Bundled presets first, then user presets; each group sorted by name. Never throws
    // (unreadable folders are skipped).
    std::vector<PresetEntry> list() const;

    // Loads a listed preset (throws iemeq::Error with the file and reason).
    Preset load(const PresetEntry& entry) const;

    // Saves `preset` as user preset `name` (its name field becomes `name`); refuses to replace an
    // existing one unless `overwrite`. Returns the entry.
    PresetEntry save(const Preset& preset, const std::string& name, bool overwrite = false) const;

    // User presets only; bundled ones are read-only. Both throw iemeq::Error on a missing
    // preset, an existing new name or an I/O failure.
    PresetEntry rename(const std::string& name, const std::string& newName) const;
    void remove(const std::string& name) const;

    const std::string& userFolder() const { return user_; }

private:
    std::string user_;
    std::vector<std::string> bundled_;
};

} // namespace iemeq
