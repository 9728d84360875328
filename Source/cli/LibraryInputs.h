#pragma once
// Measurement libraries wherever the command line accepts a measurement: --iem LIB:IEM, and
// LIB:IEM in place of a file for --fr, --target-iem and report --vs (LIB a library configured
// with `iemeq library add`). An entry becomes its local L and R files (downloaded to the cache,
// or the cached copy when the site cannot be reached), which the usual curve reader then loads.
// What the user should know (offline use, one channel only) goes to stderr as "note:" lines.
#include "Args.h"

#include "dsp/library/MeasurementOrigin.h"

#include <string>
#include <vector>

namespace iemeq::cli {

// { "iem", "LIB:IEM", ... } for the flag tables of design, info and report.
FlagSpec iemFlag();

struct MeasurementInput {
    std::vector<std::string> files;          // local files, L then R
    std::vector<library::MeasurementOrigin> origins;  // one per library entry used
    std::string iemName;                     // the library's name for the IEM ("" for plain files)
};

// The measurement of --fr (files, or library entries) and --iem. Throws iemeq::Error when both
// or neither are given, or when an entry cannot be had.
MeasurementInput measurementInput(const Args& args);

// `values` with every LIB:IEM entry replaced by its files (existing files are never taken for
// entries). `origins`, when given, receives each entry's origin.
std::vector<std::string> expandLibraryEntries(const std::vector<std::string>& values,
                                              std::vector<library::MeasurementOrigin>* origins = nullptr);

} // namespace iemeq::cli
