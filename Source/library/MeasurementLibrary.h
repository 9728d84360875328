#pragma once
// One measurement library: a squig.link / CrinGraph graph site (its address), a folder laid out
// like one (DIR/data/phone_book.json, DIR/data/<file> L.txt), or a plain folder of measurement
// files ("<name> L.txt" / "<name> R.txt", .txt/.csv/.tsv/.frd, one file for a single channel).
// Lists its IEMs as a PhoneBook and hands out local files for one of them, ready for the curve
// reader: a site's files come through the download cache (SiteCache.h), which also serves them
// when the site cannot be reached.
//
// Blocking (downloads): use from the CLI or a background thread. Not thread-safe; one per thread.
#include "Http.h"
#include "LibraryConfig.h"
#include "dsp/library/MeasurementOrigin.h"
#include "dsp/library/PhoneBook.h"
#include "dsp/library/Search.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iemeq::library {

class SiteCache;

enum class SourceKind { Site, SiteFolder, PlainFolder };

// Where a site's phone book and files are, from the address a user pastes: the site
// ("https://x.squig.link", "…/index.html", "…/?share=…"), its data folder ("…/data/") or the phone
// book itself ("…/data/phone_book.json", or any other .json address).
struct SiteAddress {
    std::string site;       // "https://x.squig.link/"
    std::string phoneBook;  // "https://x.squig.link/data/phone_book.json"
    std::string data;       // "https://x.squig.link/data/"
};
SiteAddress siteAddressFrom(const std::string& url);

// The local files of one IEM, L then R (one file when the library has only one channel).
struct IemFiles {
    std::string name;                   // "Campfire Audio Andromeda" (+ " - 2.7 Ohm" for a variant)
    std::vector<std::string> paths;     // local paths for the curve reader
    std::vector<std::string> channels;  // "L", "R" (parallel to paths)
    MeasurementOrigin origin;
    std::vector<std::string> notes;     // for the user: "offline: using cached copy ...", "only L ..."
};

class MeasurementLibrary {
public:
    // Throws iemeq::Error when `def.location` is neither an http(s) address nor an existing folder.
    MeasurementLibrary(LibraryDef def, std::string cacheRoot, HttpLimits limits = {});
    ~MeasurementLibrary();
    MeasurementLibrary(MeasurementLibrary&&) noexcept;
    MeasurementLibrary& operator=(MeasurementLibrary&&) noexcept;

    const LibraryDef& def() const { return def_; }
    SourceKind kind() const { return kind_; }

    // The IEMs, loaded on first use: a site's phone book is downloaded each time a library object
    // first needs it (the cached copy is used, with a note, when the site cannot be reached or sends
    // something invalid). Throws iemeq::Error the user can act on (unreachable and never cached,
    // invalid phone book, ...).
    const PhoneBook& phoneBook();

    // The files of `pick` (from findPhone on phoneBook()). Throws iemeq::Error naming the library,
    // the IEM and the file: missing on the site (404), too large, incomplete, unreachable (and not
    // cached), not a measurement.
    IemFiles fetch(const PhonePick& pick);

    // Shorthand: findPhone(phoneBook(), name, variant, def().name) then fetch.
    IemFiles fetch(const std::string& name, const std::string& variant = "");

    // Things the user should know about the phone book (offline use, entries left out).
    const std::vector<std::string>& notes() const { return notes_; }

    // Where downloaded files go (empty for folders).
    std::string cacheFolder() const;

private:
    PhoneBook scanPlainFolder();
    IemFiles fetchFromSite(const Phone& phone, const PhoneVariant& variant);
    IemFiles fetchFromFolder(const Phone& phone, const PhoneVariant& variant);

    LibraryDef def_;
    SourceKind kind_ = SourceKind::Site;
    std::string folder_;  // for folders: the folder; SiteFolder: its data/ folder
    SiteAddress address_;
    HttpLimits limits_;
    std::unique_ptr<SiteCache> cache_;
    std::optional<PhoneBook> book_;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> plainFiles_;  // group -> (channel, relative path)
    std::vector<std::string> notes_;
};

} // namespace iemeq::library
