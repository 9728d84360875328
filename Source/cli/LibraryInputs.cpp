#include "LibraryInputs.h"

#include "dsp/core/Error.h"
#include "library/IemSpec.h"
#include "library/LibraryConfig.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <utility>

namespace iemeq::cli {

namespace {

// Loaded once, and only when an argument is not an existing file (plain-file use never reads it).
const std::vector<library::LibraryDef>& configuredLibraries()
{
    static const std::vector<library::LibraryDef> libs = library::loadLibraries();
    return libs;
}

// Every entry fetched in this run, by the text the user gave.
std::vector<std::pair<std::string, std::unique_ptr<library::IemFiles>>>& fetched()
{
    static std::vector<std::pair<std::string, std::unique_ptr<library::IemFiles>>> entries;
    return entries;
}

const library::IemFiles& fetchOnce(const std::string& spec)
{
    for (const auto& [text, files] : fetched())
        if (text == spec)
            return *files;
    auto f = std::make_unique<library::IemFiles>(library::fetchIem(spec, configuredLibraries(), library::cacheFolder()));
    for (const auto& n : f->notes)
        std::fprintf(stderr, "note: %s: %s\n", spec.c_str(), n.c_str());
    fetched().emplace_back(spec, std::move(f));
    return *fetched().back().second;
}

bool isLibraryEntry(const std::string& value)
{
    std::error_code ec;
    if (value.find(':') == std::string::npos || std::filesystem::exists(value, ec))
        return false;
    return library::looksLikeIemSpec(value, configuredLibraries());
}

} // namespace

FlagSpec iemFlag()
{
    return { "iem", "LIB:IEM",
             "an IEM from a measurement library instead of --fr, e.g. \"antdroid:Moondrop Blessing 2\"\n"
             "                          (see `iemeq library`; a variant: \"LIB:IEM@VARIANT\")",
             false };
}

std::vector<std::string> expandLibraryEntries(const std::vector<std::string>& values)
{
    std::vector<std::string> out;
    for (const auto& v : values) {
        if (!isLibraryEntry(v)) {
            out.push_back(v);
            continue;
        }
        const library::IemFiles& f = fetchOnce(v);
        out.insert(out.end(), f.paths.begin(), f.paths.end());
    }
    return out;
}

std::vector<std::string> libraryMeasurementFiles(const Args& args)
{
    const auto fr = args.all("fr");
    const auto iem = args.get("iem");
    if (iem && !fr.empty())
        throw Error("give the measurement either as files (--fr) or as a library entry (--iem), not both");
    if (iem)
        return fetchOnce(*iem).paths;
    return expandLibraryEntries(fr);
}

const library::IemFiles* libraryEntryFor(const std::vector<std::string>& files)
{
    for (const auto& [text, f] : fetched())
        if (f->paths == files)
            return f.get();
    return nullptr;
}

} // namespace iemeq::cli
