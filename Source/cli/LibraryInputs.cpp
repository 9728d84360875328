#include "LibraryInputs.h"

#include "dsp/core/Error.h"
#include "library/IemSpec.h"
#include "library/LibraryConfig.h"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace iemeq::cli {

namespace {

// Loaded once, and only when an argument is not an existing file (plain-file use never reads it).
const std::vector<library::LibraryDef>& configuredLibraries()
{
    static const std::vector<library::LibraryDef> libs = library::loadLibraries();
    return libs;
}

bool isExistingPath(const std::string& value)
{
    std::error_code ec;
    return std::filesystem::exists(value, ec);
}

library::IemFiles fetchWithNotes(const std::string& spec)
{
    library::IemFiles f = library::fetchIem(spec, configuredLibraries(), library::cacheFolder());
    for (const auto& n : f.notes)
        std::fprintf(stderr, "note: %s: %s\n", spec.c_str(), n.c_str());
    return f;
}

} // namespace

FlagSpec iemFlag()
{
    return { "iem", "LIB:IEM",
             "an IEM from a measurement library instead of --fr, e.g. \"antdroid:Moondrop Blessing 2\"\n"
             "                          (`iemeq library search`; a variant: \"LIB:IEM@VARIANT\")",
             false };
}

std::vector<std::string> expandLibraryEntries(const std::vector<std::string>& values, std::vector<library::MeasurementOrigin>* origins)
{
    std::vector<std::string> out;
    for (const auto& v : values) {
        if (v.find(':') == std::string::npos || isExistingPath(v) || !library::looksLikeIemSpec(v, configuredLibraries())) {
            out.push_back(v);
            continue;
        }
        const library::IemFiles f = fetchWithNotes(v);
        out.insert(out.end(), f.paths.begin(), f.paths.end());
        if (origins)
            origins->push_back(f.origin);
    }
    return out;
}

MeasurementInput measurementInput(const Args& args)
{
    MeasurementInput in;
    const auto fr = args.all("fr");
    const auto iem = args.get("iem");
    if (iem && !fr.empty())
        throw Error("give the measurement either as files (--fr) or as a library entry (--iem), not both");
    if (iem) {
        const library::IemFiles f = fetchWithNotes(*iem);
        in.files = f.paths;
        in.origins.push_back(f.origin);
        in.iemName = f.name;
        return in;
    }
    in.files = expandLibraryEntries(fr, &in.origins);
    if (in.origins.size() == 1 && fr.size() == 1)
        in.iemName = in.origins.front().iem;
    return in;
}

} // namespace iemeq::cli
