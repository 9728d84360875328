#pragma once
// Measurement libraries wherever the command line accepts a measurement: --iem LIB:IEM, and
// LIB:IEM in place of a file for --fr, --target-iem and report --vs (LIB a library configured
// with `iemeq library add`). An entry becomes its local L and R files (downloaded to the cache,
// or the cached copy when the site cannot be reached), which the usual curve reader then loads.
// What the user should know (offline use, one channel only) goes to stderr as "note:" lines.
// Each entry is fetched once per run, however many times its files are asked for.
#include "Args.h"

#include "library/MeasurementLibrary.h"

#include <string>
#include <vector>

namespace iemeq::cli {

// { "iem", "LIB:IEM", ... } for the flag tables of design, info and report.
FlagSpec iemFlag();

// The measurement's files: --fr values (files, or library entries) and --iem. Throws
// iemeq::Error when both are given, or when an entry cannot be had.
std::vector<std::string> libraryMeasurementFiles(const Args& args);

// `values` with every LIB:IEM entry replaced by its files (an existing file is never taken for
// an entry).
std::vector<std::string> expandLibraryEntries(const std::vector<std::string>& values);

// The library entry fetched in this run whose files are exactly `files`, or nullptr: for naming
// the IEM as its library does and crediting where it came from.
const library::IemFiles* libraryEntryFor(const std::vector<std::string>& files);

} // namespace iemeq::cli
