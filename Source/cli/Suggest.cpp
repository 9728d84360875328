#include "Suggest.h"

#include <algorithm>
#include <cctype>

namespace iemeq::cli {

static std::string lower(std::string s)
{
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::size_t editDistance(const std::string& aIn, const std::string& bIn)
{
    const std::string a = lower(aIn), b = lower(bIn);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({ row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) });
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearestName(const std::string& word, const std::vector<std::string>& candidates)
{
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::string best;
    std::size_t bestDistance = limit + 1;
    for (const auto& c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    if (!best.empty() || word.size() < 2)
        return best;
    // "harm" -> "harman2019" only when it is the one name starting that way.
    std::string prefixed;
    for (const auto& c : candidates)
        if (lower(c).rfind(lower(word), 0) == 0) {
            if (!prefixed.empty())
                return "";
            prefixed = c;
        }
    return prefixed;
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates, const std::string& quote)
{
    const std::string n = nearestName(word, candidates);
    return n.empty() ? "" : " (did you mean " + quote + n + quote + "?)";
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace iemeq::cli
