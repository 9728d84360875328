#include "CurveReader.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace iemeq {

namespace {

bool parseNumber(const std::string& tok, double& out)
{
    if (tok.empty())
        return false;
    std::string t = tok;
    std::replace(t.begin(), t.end(), ',', '.');
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size();
}

std::vector<std::string> splitFields(const std::string& line)
{
    // Separators: tab, semicolon, pipe, space; comma only when it is not a decimal comma
    // (a line with a tab/semicolon/space separator keeps its commas as decimal commas).
    const bool hasOther = line.find_first_of("\t;| ") != std::string::npos;
    std::vector<std::string> out;
    std::string cur;
    for (char ch : line) {
        const bool sep = ch == '\t' || ch == ';' || ch == '|' || ch == ' ' || (ch == ',' && !hasOther);
        if (sep) {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(ch);
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

} // namespace

FrequencyCurve parseCurveText(const std::string& text, const std::string& sourceName)
{
    std::vector<std::pair<double, double>> pts;
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        ++lineNo;
        pos = end + 1;
        if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n')
            ++pos;
        if (line.empty() || line[0] == '*' || line[0] == '#')
            continue;
        const auto fields = splitFields(line);
        double f = 0, db = 0;
        if (fields.size() < 2 || !parseNumber(fields[0], f) || !parseNumber(fields[1], db))
            continue;  // header or footer line
        if (!std::isfinite(f) || !std::isfinite(db))
            throw Error(sourceName + ":" + std::to_string(lineNo) + ": value is not a finite number");
        if (f <= 0.0)
            continue;
        pts.emplace_back(f, db);
    }
    if (pts.size() < 10)
        throw Error(sourceName + ": only " + std::to_string(pts.size())
                    + " usable frequency/level points (need at least 10)");
    std::stable_sort(pts.begin(), pts.end(), [](auto& a, auto& b) { return a.first < b.first; });
    FrequencyCurve c;
    for (const auto& [f, db] : pts) {
        if (!c.freq.empty() && f == c.freq.back())
            continue;
        c.freq.push_back(f);
        c.db.push_back(db);
    }
    c.name = std::filesystem::path(sourceName).stem().string();
    return c;
}

FrequencyCurve readCurveFile(const std::string& path)
{
    return parseCurveText(readFileBytes(path), path);
}

} // namespace iemeq
