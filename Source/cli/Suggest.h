#pragma once
// "Did you mean ...?": the valid name nearest to a mistyped one (command, flag, target, device).
#include <string>
#include <vector>

namespace iemeq::cli {

// Levenshtein distance, case-insensitive (a changed, added or removed character costs 1).
std::size_t editDistance(const std::string& a, const std::string& b);

// The candidate nearest to `word` if it is near enough to be a likely typo (a third of the
// word's length, at least 1 and at most 3 edits; or `word` is a prefix of exactly one
// candidate); else "".
std::string nearestName(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" with the nearest candidate quoted by `quote` on each side, or "".
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates, const std::string& quote = "'");

// "a, b, c" (for "valid names are: ...").
std::string joinNames(const std::vector<std::string>& names);

} // namespace iemeq::cli
