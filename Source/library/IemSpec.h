#pragma once
// "LIBRARY:IEM" as users type it wherever a measurement is accepted (iemeq design --iem
// "antdroid:Moondrop Blessing 2"), and searching every configured library at once.
//
// IEM is the brand and model as the site shows them (see findPhone in Search.h). A variant is
// picked by appending "@VARIANT" ("antdroid:Campfire Audio Andromeda@2.7 Ohm"), or by naming the
// variant as the site lists it ("antdroid:Campfire Audio Andromeda - 2.7 Ohm").
#include "MeasurementLibrary.h"

#include <optional>
#include <string>
#include <vector>

namespace iemeq::library {

struct IemSpec {
    std::string library;  // empty: look in every library
    std::string name;
};

// Splits at the first ':' when the text before it names one of `libraries`; otherwise the whole
// text is the IEM's name (names may contain ':', e.g. "Truthear x Crinacle Zero:Red").
IemSpec splitIemSpec(const std::string& text, const std::vector<LibraryDef>& libraries);

// True when `text` starts with "NAME:" for a configured library NAME.
bool looksLikeIemSpec(const std::string& text, const std::vector<LibraryDef>& libraries);

// Resolves and fetches one IEM: in the named library, or (no prefix) in the one library that has
// exactly that name. Throws iemeq::Error with what to do (no libraries configured, unknown
// library, no such IEM with suggestions, ambiguous, and every fetch error).
IemFiles fetchIem(const std::string& text, const std::vector<LibraryDef>& libraries, const std::string& cacheRoot,
                  const HttpLimits& limits = {});

struct LibraryHit {
    std::string library;
    Phone phone;
};

struct LibrarySearchResult {
    std::vector<LibraryHit> hits;       // best first within each library, libraries in order
    std::vector<std::string> problems;  // one line per library that could not be searched
    std::vector<std::string> notes;     // offline use, entries left out
};

// Searches `query` (searchPhones) in each library; a library that fails is reported, not fatal.
LibrarySearchResult searchLibraries(std::vector<MeasurementLibrary>& libraries, const std::string& query);

} // namespace iemeq::library
