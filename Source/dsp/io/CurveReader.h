#pragma once
// Reads a frequency response or target curve from the text formats IEM users have:
// REW text export (`*` comment header, Freq/SPL/Phase), CrinGraph/squig.link .txt (tab or space
// separated, optional header and footer lines), AutoEq CSV (columns picked by header name) and
// generic CSV/TSV (`,` `;` tab `|` or spaces, decimal commas), in UTF-8, UTF-8 with BOM or
// Latin-1, with LF, CRLF or CR line endings. Unsorted input is sorted; repeated frequencies are
// merged (dB mean). Anything unusable throws iemeq::Error "file:line: reason" (one line of text).
#include "../curve/FrequencyCurve.h"

#include <cstddef>
#include <string>
#include <vector>

namespace iemeq {

// Limits a curve file must respect (the bounds; kept here so tests and docs quote them).
inline constexpr std::size_t kMaxCurveFileBytes = 64u << 20;  // 64 MiB
inline constexpr std::size_t kMinCurvePoints = 10;
inline constexpr std::size_t kMaxCurvePoints = 500000;
inline constexpr double kMaxCurveFrequencyHz = 1.0e6;
inline constexpr double kMaxCurveLevelDb = 300.0;

struct CurveReadOptions {
    // Header name of the level column to read (case-insensitive), e.g. "target" to read AutoEq's
    // target column from a results CSV. Empty: the first of raw, spl, db, magnitude, level...,
    // or the second column when the file has no header.
    std::string levelColumn;
};

// Everything the reader learnt about a file, for `iemeq info` and for tests.
struct CurveReadResult {
    FrequencyCurve curve;
    std::vector<double> phaseDeg;  // same size as curve, or empty when the file has no phase
    std::string encoding;          // "UTF-8", "UTF-8 with BOM", "Latin-1" or "ASCII"
    std::string lineEnding;        // "LF", "CRLF", "CR", "mixed" or "none"
    std::string levelColumnName;   // header name of the level column, empty without a header
    std::size_t dataLines = 0;     // lines that held a frequency/level pair
    std::size_t mergedDuplicates = 0;  // points folded into an equal frequency
    bool wasSorted = true;             // false when the file's frequencies were out of order
};

// Parses `text`; `sourceName` only labels error messages ("file.txt:12: reason").
CurveReadResult parseCurveTextDetailed(const std::string& text, const std::string& sourceName,
                                       const CurveReadOptions& options = {});
FrequencyCurve parseCurveText(const std::string& text, const std::string& sourceName);

// Reads and parses a file; throws iemeq::Error naming the file, line and reason.
CurveReadResult readCurveFileDetailed(const std::string& path, const CurveReadOptions& options = {});
FrequencyCurve readCurveFile(const std::string& path);

} // namespace iemeq
