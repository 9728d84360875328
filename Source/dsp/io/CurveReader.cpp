#include "CurveReader.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace iemeq {

namespace {

constexpr std::size_t kMaxLineChars = 65536;  // a real table line is < 200 chars

std::string where(const std::string& source, std::size_t line)
{
    return source + ":" + std::to_string(line) + ": ";
}

// A token quoted in an error message: short, printable, never a newline (errors are one line).
std::string quote(std::string_view tok)
{
    std::string s;
    for (unsigned char ch : tok.substr(0, 24))
        s.push_back(ch < 0x20 || ch == 0x7f ? '?' : static_cast<char>(ch));
    if (tok.size() > 24)
        s += "...";
    return "'" + s + "'";
}

std::string formatNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

bool isBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\v'; }

std::string_view trimBlanks(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

// A field without surrounding blanks and CSV quotes ("20.0" -> 20.0).
std::string_view trim(std::string_view s)
{
    s = trimBlanks(s);
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
        s = trimBlanks(s.substr(1, s.size() - 2));
    return s;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

bool isDigit(char ch) { return ch >= '0' && ch <= '9'; }

// True when the first field is meant as a number (so a failure to parse it is an error rather
// than a header/footer line): a digit after an optional sign or point, or NaN/Inf spelled out.
bool looksNumeric(std::string_view tok)
{
    std::string_view t = tok;
    if (!t.empty() && (t[0] == '+' || t[0] == '-'))
        t.remove_prefix(1);
    if (!t.empty() && t[0] == '.')
        t.remove_prefix(1);
    if (!t.empty() && isDigit(t[0]))
        return true;
    const std::string l = lower(t);
    return l == "nan" || l == "inf" || l == "infinity";
}

enum class NumberStatus { Ok, NotANumber, NaN, Infinite };

// Parses a whole field as a decimal number, locale-independently. A single comma with no point
// is a decimal comma (only called with fields whose separator is not the comma).
NumberStatus parseNumber(std::string_view field, double& out)
{
    std::string t(trim(field));
    if (t.empty())
        return NumberStatus::NotANumber;
    if (t.find('.') == std::string::npos && std::count(t.begin(), t.end(), ',') == 1)
        std::replace(t.begin(), t.end(), ',', '.');
    std::size_t start = t[0] == '+' ? 1 : 0;
    const char* first = t.data() + start;
    const char* last = t.data() + t.size();
    const auto [ptr, ec] = std::from_chars(first, last, out, std::chars_format::general);
    if (ec == std::errc::result_out_of_range && ptr == last) {
        // from_chars leaves `out` untouched on overflow/underflow; tell them apart by the exponent.
        const bool tiny = t.find("e-") != std::string::npos || t.find("E-") != std::string::npos;
        out = tiny ? 0.0 : (t[0] == '-' ? -HUGE_VAL : HUGE_VAL);
    } else if (ec != std::errc() || ptr != last) {
        return NumberStatus::NotANumber;
    }
    if (std::isnan(out))
        return NumberStatus::NaN;
    if (std::isinf(out))
        return NumberStatus::Infinite;
    return NumberStatus::Ok;
}

// Commas are decimal marks when each sits between two digits, the line has no point, and
// whitespace separates the fields ("20,5 3,2"); otherwise they separate fields ("20.5, 3.2").
bool commasAreDecimal(std::string_view line)
{
    if (line.find('.') != std::string_view::npos)
        return false;
    bool hasSpace = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (isBlank(line[i]))
            hasSpace = true;
        if (line[i] == ',' && (i == 0 || i + 1 == line.size() || !isDigit(line[i - 1]) || !isDigit(line[i + 1])))
            return false;
    }
    return hasSpace;
}

// Splits one line into fields. Tab/space runs are one separator; `;`, `|` and `,` keep empty
// fields (CSV semantics, so a column picked by header name stays in place).
std::vector<std::string_view> splitFields(std::string_view line, bool& commaIsSeparator)
{
    char delim = 0;
    if (line.find(';') != std::string_view::npos)
        delim = ';';
    else if (line.find('|') != std::string_view::npos)
        delim = '|';
    else if (line.find('\t') == std::string_view::npos && line.find(',') != std::string_view::npos
             && !commasAreDecimal(line))
        delim = ',';
    else if (line.find('\t') != std::string_view::npos && line.find(',') != std::string_view::npos
             && !commasAreDecimal(line) && line.find('.') != std::string_view::npos)
        delim = ',';  // "20.0,\t5.1": comma plus alignment tabs
    commaIsSeparator = delim == ',';

    std::vector<std::string_view> out;
    if (delim == 0 || delim == ',') {
        // Whitespace runs separate; with a comma delimiter a comma also ends a field.
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && isBlank(line[i]))
                ++i;
            if (i >= line.size())
                break;
            std::size_t j = i;
            while (j < line.size() && !isBlank(line[j]) && !(delim == ',' && line[j] == ','))
                ++j;
            out.push_back(trim(line.substr(i, j - i)));
            i = j;
            while (i < line.size() && isBlank(line[i]))
                ++i;
            if (delim == ',' && i < line.size() && line[i] == ',') {
                ++i;
                // ",," or a trailing comma is an empty field
                std::size_t k = i;
                while (k < line.size() && isBlank(line[k]))
                    ++k;
                if (k >= line.size() || line[k] == ',')
                    out.emplace_back();
                i = k;
            }
        }
        return out;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t p = line.find(delim, start);
        out.push_back(trim(line.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start)));
        if (p == std::string_view::npos)
            break;
        start = p + 1;
    }
    return out;
}

bool isValidUtf8(const std::string& s, bool& anyHighByte)
{
    anyHighByte = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        anyHighByte = true;
        std::size_t n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
        if (n == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4)
            return false;
        for (std::size_t k = 1; k <= n; ++k)
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        i += n + 1;
    }
    return true;
}

std::string latin1ToUtf8(const std::string& s)
{
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (unsigned char c : s) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::size_t lineOfOffset(const std::string& text, std::size_t offset)
{
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
            ++line;
    return line;
}

// Refuses what is not a text table before looking at lines: binary data and UTF-16.
void rejectNonText(const std::string& text, const std::string& source)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    if (text.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
        throw Error(source + ": UTF-16 text is not supported; save the file as UTF-8 or plain text");
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = byte(i);
        if (c == 0)
            throw Error(where(source, lineOfOffset(text, i)) + "binary data (NUL byte), not a text table");
        const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f;
        const bool dosEof = c == 0x1A && i + 1 == text.size();  // old DOS editors end files with Ctrl-Z
        if (control && !dosEof) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            throw Error(where(source, lineOfOffset(text, i)) + "binary data (control byte " + hex
                        + "), not a text table");
        }
    }
}

struct Columns {
    std::size_t freq = 0, level = 1, phase = 2;
    bool phaseFromHeader = false;
    std::string levelName;
};

bool startsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

Columns pickColumns(const std::vector<std::string>& header, std::size_t dataFields, const CurveReadOptions& opt,
                    const std::string& source, std::size_t headerLine)
{
    Columns c;
    const bool usable = !header.empty() && header.size() == dataFields;
    if (!opt.levelColumn.empty()) {
        if (header.empty())
            throw Error(source + ": no header line, so there is no column named '" + opt.levelColumn + "'");
        if (!usable)
            throw Error(where(source, headerLine) + "header has " + std::to_string(header.size())
                        + " columns but the data has " + std::to_string(dataFields));
    }
    if (!usable)
        return c;
    const auto find = [&](auto pred) -> std::size_t {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (pred(header[i]))
                return i;
        return header.size();
    };
    const std::size_t f = find([](const std::string& h) { return startsWith(h, "freq") || h == "hz" || h == "f"; });
    c.freq = f < header.size() ? f : 0;
    std::size_t lvl = header.size();
    if (!opt.levelColumn.empty()) {
        const std::string want = lower(opt.levelColumn);
        lvl = find([&](const std::string& h) { return h == want; });
        if (lvl == header.size()) {
            std::string names;
            for (const auto& h : header)
                names += (names.empty() ? "" : ", ") + h;
            throw Error(where(source, headerLine) + "no column named '" + opt.levelColumn + "' (columns: " + names + ")");
        }
    } else {
        for (const char* key : { "raw", "spl", "db", "magnitude", "mag", "level", "amplitude", "response", "gain", "value", "target" }) {
            lvl = find([&](const std::string& h) { return startsWith(h, key); });
            if (lvl < header.size() && lvl != c.freq)
                break;
            lvl = header.size();
        }
        if (lvl == header.size())
            lvl = c.freq == 0 ? 1 : 0;
    }
    c.level = lvl;
    c.levelName = header[lvl];
    const std::size_t ph = find([](const std::string& h) { return startsWith(h, "phase"); });
    c.phase = ph < header.size() ? ph : std::size_t(-1);
    c.phaseFromHeader = true;
    return c;
}

const char* describe(NumberStatus s)
{
    switch (s) {
    case NumberStatus::NaN: return "is NaN, not a number";
    case NumberStatus::Infinite: return "is infinite or out of range";
    default: return "is not a number";
    }
}

} // namespace

CurveReadResult parseCurveTextDetailed(const std::string& rawText, const std::string& source, const CurveReadOptions& opt)
{
    if (rawText.size() > kMaxCurveFileBytes)
        throw Error(source + ": file is too large (" + std::to_string(rawText.size() >> 20) + " MiB; limit "
                    + std::to_string(kMaxCurveFileBytes >> 20) + " MiB)");
    if (rawText.empty())
        throw Error(source + ": file is empty");
    rejectNonText(rawText, source);

    CurveReadResult res;
    std::string text;
    bool high = false;
    if (rawText.size() >= 3 && rawText.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text = rawText.substr(3);
        res.encoding = "UTF-8 with BOM";
    } else if (isValidUtf8(rawText, high)) {
        text = rawText;
        res.encoding = high ? "UTF-8" : "ASCII";
    } else {
        // Not UTF-8: Windows tools write Latin-1 ("Fréquence", "°"). Convert so header names and
        // quoted snippets in errors are valid UTF-8.
        text = latin1ToUtf8(rawText);
        res.encoding = "Latin-1";
    }
    if (text.find_first_not_of(" \t\r\n\f\v\x1A") == std::string::npos)
        throw Error(source + ": file is empty (only blank lines)");

    std::size_t nLf = 0, nCrLf = 0, nCr = 0;
    std::vector<std::string> header;
    std::size_t headerLine = 0;
    bool haveColumns = false;
    Columns cols;
    bool phaseOk = true;
    std::vector<double> freq, level, phase;

    std::size_t lineNo = 0, pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find_first_of("\r\n", pos);
        std::size_t next;
        if (end == std::string::npos) {
            end = text.size();
            next = end;
        } else if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
            ++nCrLf;
            next = end + 2;
        } else {
            ++(text[end] == '\r' ? nCr : nLf);
            next = end + 1;
        }
        ++lineNo;
        std::string_view line(text.data() + pos, end - pos);
        pos = next;
        if (line.size() > kMaxLineChars)
            throw Error(where(source, lineNo) + "line is " + std::to_string(line.size())
                        + " characters long; not a text table of frequency and level");
        if (!line.empty() && line.back() == '\x1A')
            line.remove_suffix(1);
        line = trimBlanks(line);
        if (line.empty() || line[0] == '*' || line[0] == '#' || line[0] == '%' || line.substr(0, 2) == "//")
            continue;

        bool commaSep = false;
        const auto fields = splitFields(line, commaSep);
        if (fields.empty())
            continue;
        // A data line starts with a number; an empty first CSV field before a number is a data
        // line missing its frequency (reported below), not a header.
        const bool dataLine = looksNumeric(fields[0]) || (fields[0].empty() && fields.size() > 1 && looksNumeric(fields[1]));
        if (!dataLine) {
            // Header before the data, or a footer/note line ("overall dB", "Smoothing: ...").
            if (freq.empty() && fields.size() >= 2) {
                header.clear();
                for (auto f : fields)
                    header.push_back(lower(trim(f)));
                headerLine = lineNo;
            }
            continue;
        }
        if (!haveColumns) {
            cols = pickColumns(header, fields.size(), opt, source, headerLine);
            res.levelColumnName = cols.levelName;
            haveColumns = true;
        }
        const auto field = [&](std::size_t i) -> std::string_view { return i < fields.size() ? fields[i] : std::string_view(); };
        const auto number = [&](std::size_t i, double& v) {
            std::string_view f = field(i);
            if (commaSep && f.find(',') != std::string_view::npos)
                return NumberStatus::NotANumber;
            return parseNumber(f, v);
        };
        double f = 0.0, db = 0.0;
        NumberStatus st = number(cols.freq, f);
        if (field(cols.freq).empty())
            throw Error(where(source, lineNo) + "no frequency in column " + std::to_string(cols.freq + 1));
        if (st != NumberStatus::Ok)
            throw Error(where(source, lineNo) + "frequency " + quote(field(cols.freq)) + " " + describe(st));
        if (cols.level >= fields.size() || field(cols.level).empty()) {
            if (fields.size() == 1)
                throw Error(where(source, lineNo) + "only one column; expected a frequency and a level in dB");
            throw Error(where(source, lineNo) + "no level in column " + std::to_string(cols.level + 1)
                        + (cols.levelName.empty() ? std::string() : " ('" + cols.levelName + "')"));
        }
        st = number(cols.level, db);
        if (st != NumberStatus::Ok)
            throw Error(where(source, lineNo) + "level " + quote(field(cols.level)) + " " + describe(st));
        if (f <= 0.0)
            throw Error(where(source, lineNo) + "frequency " + formatNumber(f) + " Hz is not positive");
        if (f > kMaxCurveFrequencyHz)
            throw Error(where(source, lineNo) + "frequency " + formatNumber(f) + " Hz is above 1 MHz");
        if (std::fabs(db) > kMaxCurveLevelDb)
            throw Error(where(source, lineNo) + "level " + formatNumber(db) + " dB is outside +-300 dB");
        if (freq.size() >= kMaxCurvePoints)
            throw Error(where(source, lineNo) + "more than " + std::to_string(kMaxCurvePoints) + " points");
        double ph = 0.0;
        if (phaseOk && (cols.phase >= fields.size() || number(cols.phase, ph) != NumberStatus::Ok))
            phaseOk = false;  // phase is optional: a missing or odd phase column is dropped, not an error
        freq.push_back(f);
        level.push_back(db);
        if (phaseOk)
            phase.push_back(ph);
    }
    res.lineEnding = (nLf + nCr + nCrLf) == 0 ? "none"
                     : (nLf && !nCr && !nCrLf) ? "LF"
                     : (nCrLf && !nLf && !nCr) ? "CRLF"
                     : (nCr && !nLf && !nCrLf) ? "CR"
                                               : "mixed";
    res.dataLines = freq.size();
    if (freq.size() < kMinCurvePoints)
        throw Error(source + ": only " + std::to_string(freq.size())
                    + " usable frequency/level points (need at least 10)");

    // Sort (keeping file order among equal frequencies), then merge equal frequencies by dB mean.
    std::vector<std::size_t> order(freq.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    res.wasSorted = std::is_sorted(freq.begin(), freq.end());
    if (!res.wasSorted)
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return freq[a] < freq[b]; });
    FrequencyCurve& c = res.curve;
    c.freq.reserve(freq.size());
    c.db.reserve(freq.size());
    std::size_t runCount = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        // Equal within 1e-9 relative: text rounding of one frequency, not two distinct points.
        if (!c.freq.empty() && freq[i] - c.freq.back() <= 1e-9 * freq[i]) {
            ++runCount;
            c.db.back() += (level[i] - c.db.back()) / static_cast<double>(runCount);
            if (phaseOk)
                res.phaseDeg.back() += (phase[i] - res.phaseDeg.back()) / static_cast<double>(runCount);
            ++res.mergedDuplicates;
            continue;
        }
        runCount = 1;
        c.freq.push_back(freq[i]);
        c.db.push_back(level[i]);
        if (phaseOk)
            res.phaseDeg.push_back(phase[i]);
    }
    if (c.size() < kMinCurvePoints)
        throw Error(source + ": only " + std::to_string(c.size()) + " distinct frequencies after merging "
                    + std::to_string(res.mergedDuplicates) + " repeated ones (need at least 10)");
    c.name = std::filesystem::path(source).stem().string();
    return res;
}

FrequencyCurve parseCurveText(const std::string& text, const std::string& sourceName)
{
    return parseCurveTextDetailed(text, sourceName).curve;
}

CurveReadResult readCurveFileDetailed(const std::string& path, const CurveReadOptions& options)
{
    return parseCurveTextDetailed(readFileBytes(path, kMaxCurveFileBytes), path, options);
}

FrequencyCurve readCurveFile(const std::string& path)
{
    return readCurveFileDetailed(path).curve;
}

} // namespace iemeq
