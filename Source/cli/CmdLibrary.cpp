// iemeq library add|list|remove|search|fetch: the graph sites and folders iemeq can take
// measurements from by name (see Source/library/). Designing from one is then
// `iemeq design --iem "NAME:Brand Model"`.
#include "Args.h"
#include "Commands.h"
#include "Suggest.h"

#include "dsp/core/Error.h"
#include "library/IemSpec.h"
#include "library/LibraryConfig.h"
#include "library/MeasurementLibrary.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

namespace iemeq::cli {

namespace fs = std::filesystem;
using namespace iemeq::library;

namespace {

const char* kUsage =
    "iemeq library add NAME URL|FOLDER [--no-check]\n"
    "       iemeq library list\n"
    "       iemeq library remove NAME\n"
    "       iemeq library search TEXT [--library NAME] [--limit N]\n"
    "       iemeq library fetch NAME:IEM";

const std::vector<FlagSpec> kFlags = {
    { "no-check", "", "add: do not load the phone book now (the site may be offline)", false },
    { "library", "NAME", "search: only this library", false },
    { "limit", "N", "search: show at most N IEMs per library (default 50)", false },
};

const char* kindName(SourceKind k)
{
    switch (k) {
    case SourceKind::Site: return "graph site";
    case SourceKind::SiteFolder: return "folder laid out like a graph site";
    case SourceKind::PlainFolder: return "folder of measurement files";
    }
    return "";
}

void printNotes(const std::string& library, const std::vector<std::string>& notes)
{
    for (const auto& n : notes)
        std::fprintf(stderr, "note: %s: %s\n", library.c_str(), n.c_str());
}

int add(const Args& args, const std::vector<std::string>& pos)
{
    if (pos.size() != 3)
        throw Error("library add needs a name and a site address or folder: iemeq library add NAME URL|FOLDER");
    LibraryDef def{ pos[1], pos[2] };
    checkLibraryName(def.name);
    if (!isHttpUrl(def.location)) {
        std::error_code ec;
        if (!fs::is_directory(def.location, ec))
            throw Error(def.location + ": neither an http(s) address nor an existing folder");
        def.location = fs::absolute(def.location, ec).lexically_normal().string();
    } else if (def.location.find_first_of(" \t\r\n") != std::string::npos) {
        throw Error("'" + def.location + "': an address has no spaces (quote it whole, or write %20)");
    }
    auto libraries = loadLibraries();
    for (const auto& l : libraries)
        if (l.name == def.name)
            throw Error("a library named '" + def.name + "' exists (" + l.location + "); remove it first: iemeq library remove " + def.name);
    MeasurementLibrary lib(def, cacheFolder());
    std::string summary;
    if (!args.has("no-check")) {
        const PhoneBook& book = lib.phoneBook();
        printNotes(def.name, lib.notes());
        summary = ": " + std::to_string(book.phones.size()) + " IEMs";
        if (lib.kind() != SourceKind::PlainFolder)
            summary += " from " + std::to_string(book.brands) + " brands";
    }
    libraries.push_back(def);
    saveLibraries(libraries);
    std::printf("added %s (%s %s)%s\n", def.name.c_str(), kindName(lib.kind()), def.location.c_str(), summary.c_str());
    std::printf("next: iemeq library search TEXT, then iemeq design --iem \"%s:Brand Model\"\n", def.name.c_str());
    return 0;
}

int list()
{
    const auto libraries = loadLibraries();
    if (libraries.empty()) {
        std::printf("no libraries (add one: iemeq library add NAME URL|FOLDER); config: %s\n", libraryConfigPath().c_str());
        return 0;
    }
    for (const auto& def : libraries)
        std::printf("%-16s %s\n", def.name.c_str(), def.location.c_str());
    std::printf("(config: %s; downloads cached in %s)\n", libraryConfigPath().c_str(), cacheFolder().c_str());
    return 0;
}

int remove(const std::vector<std::string>& pos)
{
    if (pos.size() != 2)
        throw Error("library remove needs the library's name: iemeq library remove NAME");
    auto libraries = loadLibraries();
    const auto it = std::find_if(libraries.begin(), libraries.end(), [&](const LibraryDef& d) { return d.name == pos[1]; });
    if (it == libraries.end())
        throw Error("no library named '" + pos[1] + "' (see iemeq library list)");
    const std::string location = it->location;
    libraries.erase(it);
    saveLibraries(libraries);
    std::printf("removed %s (%s); its downloads stay in the cache (%s)\n", pos[1].c_str(), location.c_str(), cacheFolder().c_str());
    return 0;
}

int search(const Args& args, const std::vector<std::string>& pos)
{
    if (pos.size() < 2)
        throw Error("library search needs some text: iemeq library search TEXT");
    std::string query;
    for (std::size_t i = 1; i < pos.size(); ++i)
        query += (i > 1 ? " " : "") + pos[i];
    const int limit = args.integer("limit", 50, 1, 100000);
    auto defs = loadLibraries();
    if (defs.empty())
        throw Error("no libraries to search (add one: iemeq library add NAME URL|FOLDER)");
    if (const auto only = args.get("library")) {
        std::erase_if(defs, [&](const LibraryDef& d) { return d.name != *only; });
        if (defs.empty())
            throw Error("no library named '" + *only + "' (see iemeq library list)");
    }
    std::vector<MeasurementLibrary> libs;
    for (const auto& d : defs)
        libs.emplace_back(d, cacheFolder());
    const LibrarySearchResult r = searchLibraries(libs, query);
    for (const auto& n : r.notes)
        std::fprintf(stderr, "note: %s\n", n.c_str());
    for (const auto& p : r.problems)
        std::fprintf(stderr, "iemeq library search: %s\n", p.c_str());
    std::string last;
    int shown = 0, hidden = 0;
    for (const auto& h : r.hits) {
        if (h.library != last)
            shown = 0;
        last = h.library;
        if (shown++ >= limit) {
            ++hidden;
            continue;
        }
        std::printf("%s:%s\n", h.library.c_str(), h.phone.fullName().c_str());
        if (h.phone.variants.size() > 1) {
            std::string names;
            for (std::size_t v = 0; v < h.phone.variants.size(); ++v)
                names += (v ? ", " : "") + h.phone.variants[v].name + (v == 0 ? " (default)" : "");
            std::printf("    variants: %s\n", names.c_str());
        }
    }
    if (hidden > 0)
        std::printf("... and %d more (narrow the search, or --limit N)\n", hidden);
    if (r.hits.empty())
        std::printf("nothing found for \"%s\"\n", query.c_str());
    return r.hits.empty() && !r.problems.empty() ? 1 : 0;
}

int fetch(const std::vector<std::string>& pos)
{
    if (pos.size() != 2)
        throw Error("library fetch needs one entry: iemeq library fetch \"NAME:Brand Model\"");
    const IemFiles f = fetchIem(pos[1], loadLibraries(), cacheFolder());
    for (const auto& n : f.notes)
        std::fprintf(stderr, "note: %s\n", n.c_str());
    std::printf("%s (%s, %s)\n", f.name.c_str(), f.origin.library.c_str(), f.origin.site.c_str());
    for (std::size_t i = 0; i < f.paths.size(); ++i)
        std::printf("  %s: %s\n    from %s, sha256 %s\n", f.channels[i].empty() ? "file" : f.channels[i].c_str(), f.paths[i].c_str(),
                    f.origin.files[i].c_str(), f.origin.sha256[i].c_str());
    return 0;
}

} // namespace

int runLibrary(int argc, char** argv)
{
    const Args args(kFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp(kUsage,
                                     "Measurement libraries: squig.link / CrinGraph graph sites (their address), folders laid\n"
                                     "out like one (FOLDER/data/phone_book.json) and folders of measurement files. Once added,\n"
                                     "an IEM is named LIB:Brand Model wherever a measurement is accepted: --iem, --fr,\n"
                                     "--target-iem, report --vs. A site's files are downloaded to the cache (with their\n"
                                     "address, time and SHA-256) and used from there when the site cannot be reached.",
                                     kFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    const auto& pos = args.positional();
    const std::string sub = pos.empty() ? "" : pos.front();
    // A flag of another subcommand is an error, not silently ignored.
    args.onlyWith("no-check", sub == "add", "library add");
    args.onlyWith("library", sub == "search", "library search");
    args.onlyWith("limit", sub == "search", "library search");
    if (sub == "add")
        return add(args, pos);
    if (sub == "list")
        return list();
    if (sub == "remove")
        return remove(pos);
    if (sub == "search")
        return search(args, pos);
    if (sub == "fetch")
        return fetch(pos);
    const std::vector<std::string> names = { "add", "list", "remove", "search", "fetch" };
    std::fprintf(stderr, "iemeq library: unknown subcommand '%s'%s; see iemeq library --help\n", sub.c_str(),
                 didYouMean(sub, names).c_str());
    return 2;
}

} // namespace iemeq::cli
