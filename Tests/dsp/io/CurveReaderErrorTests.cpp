// Malformed input: each kind must throw iemeq::Error whose one-line text names the file, the
// line (when there is one) and the reason; nothing may crash or be accepted silently.
#include "dsp/core/Error.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace iemeq;

namespace {

// `n` good lines "f<TAB>level".
std::string goodLines(int n = 12)
{
    std::string s;
    for (int k = 0; k < n; ++k)
        s += std::to_string(100 * (k + 1)) + "\t" + std::to_string(60 + k) + ".5\n";
    return s;
}

// `n` lines that all measure 1 kHz.
std::string sameFrequency(int n)
{
    std::string s;
    for (int k = 0; k < n; ++k)
        s += "1000\t" + std::to_string(k) + "\n";
    return s;
}

std::string errorOf(const std::string& text, const CurveReadOptions& opt = {})
{
    try {
        parseCurveTextDetailed(text, "bad.txt", opt);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

struct Case {
    const char* kind;
    std::string text;
    std::string expected;  // the whole message
    CurveReadOptions opt = {};
};

} // namespace

TEST_CASE("reader errors: at least 30 kinds of malformed input, each with file, line and reason", "[io][reader][errors]")
{
    CurveReadOptions wantTarget;
    wantTarget.levelColumn = "target";
    std::string longLine(70000, '1');
    std::string binary = "\x89PNG\r\n\x1A\n";
    binary += std::string("\0\0\0\rIHDR", 8);

    const std::vector<Case> cases = {
        { "empty file", "", "bad.txt: file is empty" },
        { "only blank lines", "\n  \r\n\t\n", "bad.txt: file is empty (only blank lines)" },
        { "only comments", "* REW export\n* nothing measured\n", "bad.txt: only 0 usable frequency/level points (need at least 10)" },
        { "header but no data", "frequency,raw\n", "bad.txt: only 0 usable frequency/level points (need at least 10)" },
        { "nine points", goodLines(9), "bad.txt: only 9 usable frequency/level points (need at least 10)" },
        { "NUL byte (binary)", goodLines(3) + std::string("20\t1\0\n", 6), "bad.txt:4: binary data (NUL byte), not a text table" },
        { "PNG image", binary, "bad.txt:2: binary data (control byte 0x1A), not a text table" },
        { "control byte", "* x\n20\x01\t5\n", "bad.txt:2: binary data (control byte 0x01), not a text table" },
        { "UTF-16 LE", std::string("\xFF\xFE" "2\0" "0\0", 6), "bad.txt: UTF-16 text is not supported; save the file as UTF-8 or plain text" },
        { "UTF-16 BE", std::string("\xFE\xFF\0" "2\0" "0", 6), "bad.txt: UTF-16 text is not supported; save the file as UTF-8 or plain text" },
        { "NaN frequency", goodLines(2) + "nan\t5\n", "bad.txt:3: frequency 'nan' is NaN, not a number" },
        { "NaN level", goodLines(2) + "300\tNaN\n", "bad.txt:3: level 'NaN' is NaN, not a number" },
        { "infinite frequency", "inf\t5\n", "bad.txt:1: frequency 'inf' is infinite or out of range" },
        { "infinite level", "20\t-Infinity\n", "bad.txt:1: level '-Infinity' is infinite or out of range" },
        { "overflowing number", "20\t1e400\n", "bad.txt:1: level '1e400' is infinite or out of range" },
        { "zero frequency", "* h\n0\t5\n", "bad.txt:2: frequency 0 Hz is not positive" },
        { "negative frequency", goodLines(1) + "-20\t5\n", "bad.txt:2: frequency -20 Hz is not positive" },
        { "frequency above 1 MHz", goodLines(1) + "2e6\t5\n", "bad.txt:2: frequency 2e+06 Hz is above 1 MHz" },
        { "level above +300 dB", goodLines(1) + "20\t301\n", "bad.txt:2: level 301 dB is outside +-300 dB" },
        { "level below -300 dB", goodLines(1) + "20\t-1000.5\n", "bad.txt:2: level -1000.5 dB is outside +-300 dB" },
        { "single column", goodLines(2) + "440\n", "bad.txt:3: only one column; expected a frequency and a level in dB" },
        { "level is text", goodLines(2) + "440\tloud\n", "bad.txt:3: level 'loud' is not a number" },
        { "frequency with a unit glued on", "1kHz\t75\n", "bad.txt:1: frequency '1kHz' is not a number" },
        { "two decimal points", "20.5.1\t75\n", "bad.txt:1: frequency '20.5.1' is not a number" },
        { "hexadecimal number", "0x20\t75\n", "bad.txt:1: frequency '0x20' is not a number" },
        { "empty level field in CSV", "frequency,raw\n20,\n", "bad.txt:2: no level in column 2 ('raw')" },
        { "level column missing on a short CSV row", "frequency,smoothed,raw\n20,1,2\n30,1\n", "bad.txt:3: no level in column 3 ('raw')" },
        { "empty frequency field", "frequency;raw\n;5\n", "bad.txt:2: no frequency in column 1" },
        { "requested column not in header", "frequency,raw\n20,1\n", "bad.txt:1: no column named 'target' (columns: frequency, raw)", wantTarget },
        { "requested column without header", goodLines(12), "bad.txt: no header line, so there is no column named 'target'", wantTarget },
        { "requested column, header and data disagree", "frequency,raw,target\n20,1\n", "bad.txt:1: header has 3 columns but the data has 2", wantTarget },
        { "all frequencies equal", sameFrequency(12),
          "bad.txt: only 1 distinct frequencies after merging 11 repeated ones (need at least 10)" },
        { "line too long", longLine + "\n", "bad.txt:1: line is 70000 characters long; not a text table of frequency and level" },
        { "error after many good lines keeps its line number", "* REW\r\n* x\r\n" + goodLines(40) + "1000\t-\r\n", "bad.txt:43: level '-' is not a number" },
        { "decimal comma CSV with text level", "f;db\n20,5;abc\n", "bad.txt:2: level 'abc' is not a number" },
    };
    REQUIRE(cases.size() >= 30);
    for (const auto& c : cases) {
        INFO("kind: " << c.kind);
        const std::string msg = errorOf(c.text, c.opt);
        CHECK(msg == c.expected);
        CHECK(msg.find('\n') == std::string::npos);  // one line, shown as-is by the CLI
    }
}

TEST_CASE("reader errors: more than 500000 points", "[io][reader][errors]")
{
    std::string text;
    text.reserve(500001 * 12);
    for (int k = 0; k <= 500000; ++k)
        text += std::to_string(k + 1) + "\t1\n";
    REQUIRE(errorOf(text) == "bad.txt:500001: more than 500000 points");
}

TEST_CASE("reader errors: files over 64 MiB, missing files and folders", "[io][reader][errors]")
{
    // In memory: one byte over the limit.
    std::string huge(kMaxCurveFileBytes + 1, '\n');
    REQUIRE(errorOf(huge) == "bad.txt: file is too large (64 MiB; limit 64 MiB)");

    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "iemeq-reader-errors";
    fs::create_directories(dir);
    const fs::path big = dir / "big.txt";
    {
        std::ofstream out(big, std::ios::binary);
        out << "20\t1\n";
    }
    fs::resize_file(big, 65u << 20);  // sparse: costs no disk
    const auto fileError = [](const std::string& path) -> std::string {
        try {
            readCurveFile(path);
        } catch (const Error& e) {
            return e.what();
        }
        return "(no error)";
    };
    REQUIRE(fileError(big.string()) == big.string() + ": file is too large (65 MiB; limit 64 MiB)");
    REQUIRE(fileError((dir / "missing.txt").string()) == (dir / "missing.txt").string() + ": cannot open file");
    REQUIRE(fileError(dir.string()) == dir.string() + ": is a folder, not a file");
    fs::remove_all(dir);
}
