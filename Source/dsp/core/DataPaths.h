#pragma once
// The one place that finds iemeq's shipped data (Targets/, Presets/): the editor, the CLI and the
// preset library all ask here. Order: next to the running binary (<prefix>/share/iemeq, found by
// walking up from it, so a plugin in ~/.vst3 or an install in /opt works), the per-user install
// ($XDG_DATA_HOME/iemeq, default ~/.local/share/iemeq), the compiled-in install prefix,
// /usr/local/share/iemeq, /usr/share/iemeq, and last the source tree this binary was built from.
#include <string>
#include <vector>

namespace iemeq {

// Every candidate folder for `name` ("Targets", "Presets"), existing or not, in search order.
// `binaryPath`: the running executable or plugin library ("" = this process's executable).
std::vector<std::string> dataFolderCandidates(const std::string& name, const std::string& binaryPath = "");

// The existing folders among them (duplicates removed, first first).
std::vector<std::string> dataFolders(const std::string& name, const std::string& binaryPath = "");

// The first existing folder, or "" when there is none.
std::string dataFolder(const std::string& name, const std::string& binaryPath = "");

} // namespace iemeq
