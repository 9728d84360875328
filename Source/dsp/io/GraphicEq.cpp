#include "GraphicEq.h"

#include "../core/Error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace iemeq {

std::vector<double> graphicEqFrequencies()
{
    std::vector<double> f;
    for (double x = 20000.0; x > 20.0; x /= 1.0563)
        f.push_back(std::round(x));
    f.push_back(20.0);
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
    return f;
}

std::string formatGraphicEq(const FrequencyCurve& curve)
{
    std::string out = "GraphicEQ: ";
    char buf[64];
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const double f = curve.freq[i];
        const double g = std::round(curve.db[i] * 10.0) / 10.0;
        if (f == std::round(f))
            std::snprintf(buf, sizeof buf, "%s%.0f %.1f", i ? "; " : "", f, g == 0.0 ? 0.0 : g);
        else
            std::snprintf(buf, sizeof buf, "%s%g %.1f", i ? "; " : "", f, g == 0.0 ? 0.0 : g);
        out += buf;
    }
    out += "\n";
    return out;
}

std::string formatGraphicEq(const PeqDesign& design, double fs)
{
    FrequencyCurve c = eqCurve(design.filters, graphicEqFrequencies(), fs);
    for (double& v : c.db)
        v += design.preampDb;
    return formatGraphicEq(c);
}

namespace {

double parseNumber(std::string tok, const std::string& where)
{
    std::replace(tok.begin(), tok.end(), ',', '.');
    char* end = nullptr;
    const double v = std::strtod(tok.c_str(), &end);
    if (tok.empty() || end != tok.c_str() + tok.size() || !std::isfinite(v))
        throw Error(where + ": '" + tok + "' is not a number");
    return v;
}

} // namespace

FrequencyCurve parseGraphicEq(const std::string& text, const std::string& sourceName)
{
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::size_t start = line.find_first_not_of(" \t\xEF\xBB\xBF");
        if (start == std::string::npos)
            continue;
        std::string head = line.substr(start, 10);
        for (char& ch : head)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (head != "graphiceq:")
            continue;
        const std::string where = sourceName + ":" + std::to_string(lineNo);
        FrequencyCurve c;
        c.name = "GraphicEQ";
        std::stringstream pairs(line.substr(start + 10));
        for (std::string pair; std::getline(pairs, pair, ';');) {
            std::istringstream ps(pair);
            std::string f, g, extra;
            if (!(ps >> f))
                continue;  // empty entry, e.g. a trailing ';'
            if (!(ps >> g) || (ps >> extra))
                throw Error(where + ": expected 'frequency gain' pairs separated by ';', got '" + pair + "'");
            const double hz = parseNumber(f, where), db = parseNumber(g, where);
            if (!(hz > 0.0) || std::abs(db) > 100.0)
                throw Error(where + ": frequency must be positive and gain within +-100 dB ('" + pair + "')");
            if (!c.freq.empty() && hz <= c.freq.back())
                throw Error(where + ": frequencies must increase ('" + pair + "')");
            c.freq.push_back(hz);
            c.db.push_back(db);
        }
        if (c.size() < 2)
            throw Error(where + ": a GraphicEQ line needs at least two points");
        return c;
    }
    throw Error(sourceName + ": no 'GraphicEQ:' line found");
}

} // namespace iemeq
