#pragma once
// The user's measurement libraries (name -> site address or folder), kept in
// <config>/libraries.json, and where iemeq keeps its configuration and its download cache:
//   config: $IEMEQ_CONFIG_DIR, else $XDG_CONFIG_HOME/iemeq, else ~/.config/iemeq
//   cache:  $IEMEQ_CACHE_DIR,  else $XDG_CACHE_HOME/iemeq,  else ~/.cache/iemeq
// (the IEMEQ_ variables exist so tests and portable setups can point elsewhere).
#include <string>
#include <vector>

namespace iemeq::library {

struct LibraryDef {
    std::string name;      // the user's short name: letters, digits, - _ . (used as "name:IEM")
    std::string location;  // http(s) address of a graph site, or an absolute folder path
    bool operator==(const LibraryDef&) const = default;
};

std::string configFolder();
std::string cacheFolder();
std::string libraryConfigPath();  // configFolder()/libraries.json

// Throws iemeq::Error when `name` is not 1-40 of A-Z a-z 0-9 - _ . (no ':', which separates the
// library from the IEM).
void checkLibraryName(const std::string& name);

// The configured libraries (none when the file does not exist). Throws iemeq::Error naming the
// file when it is not what iemeq writes.
std::vector<LibraryDef> loadLibraries();
std::vector<LibraryDef> librariesFromJson(const std::string& text, const std::string& sourceName);
std::string librariesToJson(const std::vector<LibraryDef>& libraries);
void saveLibraries(const std::vector<LibraryDef>& libraries);  // atomic; creates the folder

} // namespace iemeq::library
