#pragma once
// Reads a frequency response or target curve from the text formats IEM users have
// (REW export, CrinGraph/squig.link .txt, AutoEq CSV, generic CSV/TSV).
#include "../curve/FrequencyCurve.h"

#include <string>

namespace iemeq {

// Parses `text`; `sourceName` only labels error messages ("file.txt:12: reason").
FrequencyCurve parseCurveText(const std::string& text, const std::string& sourceName);

// Reads and parses a file; throws iemeq::Error naming the file, line and reason.
FrequencyCurve readCurveFile(const std::string& path);

} // namespace iemeq
