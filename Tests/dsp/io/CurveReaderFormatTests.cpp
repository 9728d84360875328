// Every format quirk the reader must accept, each checked by reading back exact numbers.
#include "dsp/core/Error.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace iemeq;

namespace {

struct Pt {
    double f, db, phase;
};

// 24 points, third-octave from 20 Hz, levels with fractional parts so a lost decimal shows.
std::vector<Pt> reference()
{
    std::vector<Pt> pts;
    for (int k = 0; k < 24; ++k)
        pts.push_back({ 20.0 * std::exp2(k / 3.0), 70.0 + 5.25 * std::sin(0.7 * k) - 0.125 * k, -10.5 * k });
    return pts;
}

std::string fmt(double v, bool decimalComma)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string s = buf;
    if (decimalComma)
        for (char& ch : s)
            if (ch == '.')
                ch = ',';
    return s;
}

struct Style {
    std::string sep = "\t";
    std::string eol = "\n";
    bool decimalComma = false;
    bool phase = false;
    std::string before;  // header / comment lines (each already ends with eol)
    std::string after;   // footer lines
};

std::string render(const Style& s, const std::vector<Pt>& pts = reference())
{
    std::string out = s.before;
    for (const auto& p : pts) {
        out += fmt(p.f, s.decimalComma) + s.sep + fmt(p.db, s.decimalComma);
        if (s.phase)
            out += s.sep + fmt(p.phase, s.decimalComma);
        out += s.eol;
    }
    return out + s.after;
}

// The parsed curve equals the reference to the 6 printed decimals.
void requireReference(const CurveReadResult& r, bool withPhase = false)
{
    const auto ref = reference();
    REQUIRE(r.curve.size() == ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) {
        REQUIRE(r.curve.freq[i] == Approx(ref[i].f).margin(1e-6));
        REQUIRE(r.curve.db[i] == Approx(ref[i].db).margin(1e-6));
    }
    if (withPhase) {
        REQUIRE(r.phaseDeg.size() == ref.size());
        REQUIRE(r.phaseDeg[5] == Approx(ref[5].phase).margin(1e-6));
    }
}

} // namespace

TEST_CASE("reader: REW text export with * header and phase column", "[io][reader]")
{
    Style s;
    s.eol = "\r\n";
    s.phase = true;
    s.before = "* Measurement data measured by REW V5.30.1\r\n* Smoothing: 1/12 octave\r\n*\r\n"
               "* Freq(Hz)\tSPL(dB)\tPhase(degrees)\r\n";
    const auto r = parseCurveTextDetailed(render(s), "rew.txt");
    requireReference(r, true);
    REQUIRE(r.lineEnding == "CRLF");
    REQUIRE(r.encoding == "ASCII");
    REQUIRE(r.curve.name == "rew");
}

TEST_CASE("reader: squig.link txt with blank first line, space separators and footer lines", "[io][reader]")
{
    Style s;
    s.sep = "  ";
    s.before = "\n\n";
    s.after = "overall dB 85.2\nSmoothing: 1/24\n";
    requireReference(parseCurveTextDetailed(render(s), "squig.txt"));
    s.before = "frequency\traw\n";  // squig header line, tab separated
    s.sep = "\t";
    const auto r = parseCurveTextDetailed(render(s), "squig2.txt");
    requireReference(r);
    REQUIRE(r.levelColumnName == "raw");
}

TEST_CASE("reader: uncommented REW header line names the columns", "[io][reader]")
{
    Style s;
    s.phase = true;
    s.before = "Freq(Hz)\tSPL(dB)\tPhase(degrees)\n";
    const auto r = parseCurveTextDetailed(render(s), "x.txt");
    requireReference(r, true);
    REQUIRE(r.levelColumnName == "spl(db)");
}

TEST_CASE("reader: AutoEq CSV columns are picked by header name", "[io][reader]")
{
    const auto ref = reference();
    std::string text = "frequency,smoothed,error,raw,target\n";
    for (const auto& p : ref)
        text += fmt(p.f, false) + ",1.5," + fmt(-p.db, false) + "," + fmt(p.db, false) + "," + fmt(p.db + 3.0, false) + "\n";
    const auto r = parseCurveTextDetailed(text, "autoeq.csv");
    requireReference(r);
    REQUIRE(r.levelColumnName == "raw");

    CurveReadOptions opt;
    opt.levelColumn = "TARGET";  // case-insensitive
    const auto t = parseCurveTextDetailed(text, "autoeq.csv", opt);
    REQUIRE(t.curve.db[7] == Approx(ref[7].db + 3.0).margin(1e-6));
    REQUIRE(t.levelColumnName == "target");
}

TEST_CASE("reader: AutoEq results CSV golden file reads raw and target", "[io][reader]")
{
    const std::string path = std::string(IEMEQ_TEST_DATA_DIR)
                             + "/autoeq_results/Regan Cipher/in-ear/Simgot Audio EW200/Simgot Audio EW200.csv";
    const auto raw = readCurveFileDetailed(path);
    REQUIRE(raw.curve.size() == 695);
    REQUIRE(raw.curve.db.front() == Approx(5.40).margin(1e-12));  // first data line: 20.00,5.40,...
    CurveReadOptions opt;
    opt.levelColumn = "target";
    const auto target = readCurveFileDetailed(path, opt);
    REQUIRE(target.curve.db.front() == Approx(7.89).margin(1e-12));
}

TEST_CASE("reader: every separator", "[io][reader]")
{
    for (const std::string sep : { ",", ";", "\t", "|", " ", "   ", ", ", " ; ", "\t\t", " | " }) {
        Style s;
        s.sep = sep;
        s.phase = true;
        INFO("separator '" << sep << "'");
        requireReference(parseCurveTextDetailed(render(s), "sep.txt"), true);
    }
}

TEST_CASE("reader: decimal commas with , tab space and | separators", "[io][reader]")
{
    for (const std::string sep : { ";", "\t", " ", "|", " ; " }) {
        Style s;
        s.sep = sep;
        s.decimalComma = true;
        s.phase = true;
        s.before = "Frequenz;Pegel;Phase\n";
        INFO("separator '" << sep << "'");
        requireReference(parseCurveTextDetailed(render(s), "komma.txt"), true);
    }
}

TEST_CASE("reader: LF, CRLF, CR, mixed endings and no final newline", "[io][reader]")
{
    const std::pair<const char*, const char*> cases[] = { { "\n", "LF" }, { "\r\n", "CRLF" }, { "\r", "CR" } };
    for (const auto& [eol, name] : cases) {
        Style s;
        s.eol = eol;
        s.before = std::string("* comment") + eol + eol;
        const auto r = parseCurveTextDetailed(render(s), "eol.txt");
        requireReference(r);
        REQUIRE(r.lineEnding == name);
    }
    Style s;
    std::string text = render(s);
    text.pop_back();  // no newline at the end
    text.replace(text.find('\n'), 1, "\r\n");
    const auto r = parseCurveTextDetailed(text, "mixed.txt");
    requireReference(r);
    REQUIRE(r.lineEnding == "mixed");
}

TEST_CASE("reader: UTF-8, UTF-8 with BOM and Latin-1 headers", "[io][reader]")
{
    Style s;
    s.sep = ";";
    s.decimalComma = true;
    s.before = "Fr\xC3\xA9quence (Hz);Niveau (dB)\n";  // UTF-8 é
    auto r = parseCurveTextDetailed(render(s), "utf8.csv");
    requireReference(r);
    REQUIRE(r.encoding == "UTF-8");

    r = parseCurveTextDetailed("\xEF\xBB\xBF" + render(s), "bom.csv");
    requireReference(r);
    REQUIRE(r.encoding == "UTF-8 with BOM");

    s.before = "Fr\xE9quence (Hz);Niveau (dB) \xB0\n";  // Latin-1 é and °
    r = parseCurveTextDetailed(render(s), "latin1.csv");
    requireReference(r);
    REQUIRE(r.encoding == "Latin-1");

    // BOM directly followed by an AutoEq header: the header must still be recognised.
    s = Style{};
    s.sep = ",";
    s.before = "\xEF\xBB\xBF" "frequency,raw\n";
    r = parseCurveTextDetailed(render(s), "bomcsv.csv");
    requireReference(r);
    REQUIRE(r.levelColumnName == "raw");
}

TEST_CASE("reader: unsorted input is sorted and repeated frequencies are merged by dB mean", "[io][reader]")
{
    auto pts = reference();
    std::vector<Pt> shuffled;
    for (std::size_t i = 0; i < pts.size(); i += 2)
        shuffled.push_back(pts[i]);
    for (std::size_t i = 1; i < pts.size(); i += 2)
        shuffled.push_back(pts[pts.size() - i]);  // the odd ones, backwards
    Style s;
    const auto r = parseCurveTextDetailed(render(s, shuffled), "unsorted.txt");
    requireReference(r);
    REQUIRE_FALSE(r.wasSorted);

    std::vector<Pt> dup = pts;
    dup.push_back({ pts[3].f, pts[3].db + 2.0, 0.0 });
    dup.push_back({ pts[3].f, pts[3].db + 4.0, 0.0 });
    const auto d = parseCurveTextDetailed(render(s, dup), "dup.txt");
    REQUIRE(d.curve.size() == pts.size());
    REQUIRE(d.mergedDuplicates == 2);
    REQUIRE(d.curve.db[3] == Approx(pts[3].db + 2.0).margin(1e-6));  // mean of +0, +2, +4
    REQUIRE(d.curve.db[4] == Approx(pts[4].db).margin(1e-6));
}

TEST_CASE("reader: quoted fields, exponents, plus signs, DOS end-of-file byte", "[io][reader]")
{
    std::string text = "\"frequency\",\"raw\"\r\n";
    for (int k = 0; k < 12; ++k)
        text += "\"" + std::to_string(k + 1) + "e2\",\"+" + std::to_string(k) + ".5\"\r\n";
    text += "\x1A";
    const auto r = parseCurveTextDetailed(text, "quoted.csv");
    REQUIRE(r.curve.size() == 12);
    REQUIRE(r.curve.freq[11] == 1200.0);
    REQUIRE(r.curve.db[11] == 11.5);
}

TEST_CASE("reader: header whose words do not line up with the data columns falls back to columns 1 and 2",
          "[io][reader]")
{
    Style s;
    s.sep = "  ";
    s.phase = true;
    s.before = "Frequency (Hz)  SPL (dB)  Phase (deg)\n";  // 6 words, 3 data columns
    const auto r = parseCurveTextDetailed(render(s), "words.txt");
    requireReference(r, true);
    REQUIRE(r.levelColumnName.empty());
}

TEST_CASE("reader: 20 points and 500000 points are accepted", "[io][reader]")
{
    std::string small;
    for (int k = 0; k < 20; ++k)
        small += std::to_string(20 + 100 * k) + " " + std::to_string(k) + "\n";
    REQUIRE(parseCurveText(small, "small.txt").size() == 20);

    std::string big;
    big.reserve(500000 * 24);
    char line[64];
    for (int k = 0; k < 500000; ++k) {
        std::snprintf(line, sizeof line, "%.4f\t%.3f\n", 10.0 + 0.04 * k, 80.0 + std::sin(k * 1e-3));
        big += line;
    }
    const auto c = parseCurveText(big, "big.txt");
    REQUIRE(c.size() == 500000);
    REQUIRE(c.freq.back() == Approx(10.0 + 0.04 * 499999).margin(1e-6));
}
