#include "ApoFormat.h"

#include "../core/Error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace iemeq {

std::string formatApo(const PeqDesign& d, double fittedForHz)
{
    std::string out;
    char buf[160];
    if (fittedForHz > 0.0) {
        std::snprintf(buf, sizeof buf, "# iemeq: fitted for %.0f Hz\n", fittedForHz);
        out += buf;
    }
    std::snprintf(buf, sizeof buf, "Preamp: %.1f dB\n", d.preampDb);
    out += buf;
    int i = 1;
    for (const auto& f : d.filters) {
        // AutoEq's syntax (integer Fc); a fixed band such as 31.25 Hz keeps its decimals.
        const bool whole = f.fc == std::round(f.fc);
        std::snprintf(buf, sizeof buf, whole ? "Filter %d: ON %s Fc %.0f Hz Gain %.1f dB Q %.2f\n"
                                             : "Filter %d: ON %s Fc %.2f Hz Gain %.1f dB Q %.2f\n",
                      i++, apoName(f.type), f.fc, f.gainDb == 0.0 ? 0.0 : f.gainDb, f.q);
        out += buf;
    }
    return out;
}

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

double number(const std::string& tok, const std::string& where)
{
    std::string t = tok;
    std::replace(t.begin(), t.end(), ',', '.');
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v))
        throw Error(where + ": '" + tok + "' is not a number");
    return v;
}

} // namespace

PeqDesign parseApo(const std::string& text, const std::string& sourceName)
{
    PeqDesign d;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string where = sourceName + ":" + std::to_string(lineNo);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        std::istringstream ls(line);
        std::vector<std::string> tok;
        for (std::string t; ls >> t;)
            tok.push_back(t);
        if (tok.empty() || tok[0][0] == '#')
            continue;
        const std::string head = lower(tok[0]);
        if (head.rfind("preamp", 0) == 0) {
            if (tok.size() < 2)
                throw Error(where + ": preamp without a value");
            d.preampDb = number(tok[1], where);
            continue;
        }
        if (head != "filter" && head.rfind("filter", 0) != 0)
            continue;
        // "Filter 1: ON PK Fc ..." or "Filter: ON PK Fc ..."
        std::size_t k = 1;
        if (head == "filter" && tok.size() > 1 && tok[1].back() == ':')
            k = 2;
        if (tok.size() <= k + 1)
            throw Error(where + ": incomplete filter line");
        const std::string state = lower(tok[k]);
        if (state == "off")
            continue;
        if (state != "on")
            throw Error(where + ": expected ON or OFF, got '" + tok[k] + "'");
        PeqFilter f;
        try {
            f.type = filterTypeFromName(tok[k + 1]);
        } catch (const Error& e) {
            throw Error(where + ": " + e.what());
        }
        bool haveFc = false;
        for (std::size_t i = k + 2; i + 1 < tok.size(); ++i) {
            const std::string key = lower(tok[i]);
            if (key == "fc") { f.fc = number(tok[i + 1], where); haveFc = true; ++i; }
            else if (key == "gain") { f.gainDb = number(tok[i + 1], where); ++i; }
            else if (key == "q") { f.q = number(tok[i + 1], where); ++i; }
        }
        if (!haveFc)
            throw Error(where + ": filter has no Fc");
        if (!(f.fc > 0.0 && f.fc < 1e6) || !(f.q > 0.0 && f.q < 1000.0) || std::abs(f.gainDb) > 60.0)
            throw Error(where + ": filter value out of range (Fc, Gain or Q)");
        d.filters.push_back(f);
    }
    return d;
}

} // namespace iemeq
