#include "ListeningResults.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"
#include "../io/FileKind.h"
#include "Binomial.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace iemeq::listening {

using ojson = nlohmann::ordered_json;

const char* testKindName(TestKind k)
{
    return k == TestKind::Abx ? "abx" : "preference";
}

void scoreResults(ListeningResults& r)
{
    const int n = r.answered();
    int score = 0;
    for (const auto& t : r.trials)
        score += r.kind == TestKind::Abx ? (t.correct ? 1 : 0) : (t.answer == Side::A ? 1 : 0);
    r.score = score;
    if (r.kind == TestKind::Abx) {
        r.pValue = binomialTailAtLeast(score, n);
        r.verdict = n > 0 && r.pValue < kSignificance ? "a difference was heard, " + formatP(r.pValue)
                                                      : "no reliable difference (" + formatP(r.pValue) + ")";
    } else {
        r.pValue = binomialTwoSided(score, n);
        const bool aWins = 2 * score > n;
        const ComparedSide& winner = aWins ? r.a : r.b;
        r.verdict = n > 0 && r.pValue < kSignificance
                        ? std::string("a preference for ") + (aWins ? "A" : "B") + " (" + winner.label + "), " + formatP(r.pValue)
                        : "no reliable preference (" + formatP(r.pValue) + ")";
    }
}

static std::string sideText(Side s) { return std::string(1, sideLetter(s)); }

std::string resultsToJson(const ListeningResults& r)
{
    ojson trials = ojson::array();
    for (const auto& t : r.trials) {
        ojson sw = ojson::array();
        for (const auto& s : t.switches)
            sw.push_back({ { "to", std::string(1, s.to) }, { "atSeconds", s.atSeconds } });
        trials.push_back({ { "trial", t.number },
                           { "hidden", sideText(t.hidden) },
                           { "pressed", std::string(1, t.pressed) },
                           { "answer", sideText(t.answer) },
                           { "correct", t.correct },
                           { "startSeconds", t.startSeconds },
                           { "answerSeconds", t.answerSeconds },
                           { "switches", std::move(sw) } });
    }
    const ojson j = {
        { "format", "iemeq listening test" },
        { "version", 1 },
        { "kind", testKindName(r.kind) },
        { "date", r.date },
        { "a", { { "label", r.a.label }, { "description", r.a.description } } },
        { "b", { { "label", r.b.label }, { "description", r.b.description } } },
        { "plannedTrials", r.plannedTrials },
        { "answered", r.answered() },
        { "score", r.score },
        { "pValue", r.pValue },
        { "verdict", r.verdict },
        { "seed", std::to_string(r.seed) },  // a string: JavaScript numbers lose 64-bit integers
        { "trials", std::move(trials) },
    };
    return j.dump(2) + "\n";
}

namespace {

struct Reader {
    std::string source;
    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error(source + ": not a listening-test result (" + what + ")");
    }
    const ojson& field(const ojson& o, const char* key, const std::string& where) const
    {
        if (!o.is_object() || !o.contains(key))
            fail("missing \"" + where + key + "\"");
        return o.at(key);
    }
    std::string text(const ojson& o, const char* key, const std::string& where = "") const
    {
        const ojson& v = field(o, key, where);
        if (!v.is_string())
            fail("\"" + where + key + "\" must be text");
        return v.get<std::string>();
    }
    double number(const ojson& o, const char* key, const std::string& where = "") const
    {
        const ojson& v = field(o, key, where);
        if (!v.is_number() || !std::isfinite(v.get<double>()))
            fail("\"" + where + key + "\" must be a number");
        return v.get<double>();
    }
    int integer(const ojson& o, const char* key, int lo, int hi, const std::string& where = "") const
    {
        const ojson& v = field(o, key, where);
        if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
            fail("\"" + where + key + "\" must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return static_cast<int>(v.get<long long>());
    }
    char letter(const ojson& o, const char* key, const std::string& allowed, const std::string& where) const
    {
        const std::string s = text(o, key, where);
        if (s.size() != 1 || allowed.find(s[0]) == std::string::npos)
            fail("\"" + where + key + "\" must be one of " + allowed);
        return s[0];
    }
};

} // namespace

ListeningResults resultsFromJson(const std::string& textIn, const std::string& source)
{
    const Reader rd { source };
    // Not JSON at all: named for what it is; a syntax error: where it is (not nlohmann's text).
    const auto first = textIn.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos || textIn[first] != '{') {
        const std::string kind = describeFileContent(textIn);
        rd.fail(kind.empty() ? "invalid JSON" : "is " + kind);
    }
    ojson j;
    try {
        j = ojson::parse(textIn);
    } catch (const ojson::parse_error& e) {
        rd.fail("invalid JSON (syntax error at " + textPosition(textIn, e.byte) + ")");
    } catch (const ojson::exception&) {
        rd.fail("invalid JSON");
    }
    if (!j.is_object() || !j.contains("format") || j["format"] != "iemeq listening test")
        rd.fail("no \"format\": \"iemeq listening test\"");
    ListeningResults r;
    const std::string kind = rd.text(j, "kind");
    if (kind != "abx" && kind != "preference")
        rd.fail("\"kind\" must be abx or preference");
    r.kind = kind == "abx" ? TestKind::Abx : TestKind::Preference;
    r.date = rd.text(j, "date");
    r.a = { rd.text(rd.field(j, "a", ""), "label", "a."), rd.text(rd.field(j, "a", ""), "description", "a.") };
    r.b = { rd.text(rd.field(j, "b", ""), "label", "b."), rd.text(rd.field(j, "b", ""), "description", "b.") };
    r.plannedTrials = rd.integer(j, "plannedTrials", 1, 10000);
    r.score = rd.integer(j, "score", 0, 10000);
    r.pValue = rd.number(j, "pValue");
    r.verdict = rd.text(j, "verdict");
    const std::string seed = rd.text(j, "seed");
    if (seed.empty() || seed.size() > 20 || seed.find_first_not_of("0123456789") != std::string::npos)
        rd.fail("\"seed\" must be a decimal number in text");
    try {
        r.seed = std::stoull(seed);
    } catch (const std::exception&) {
        rd.fail("\"seed\" is out of range");
    }
    const ojson& trials = rd.field(j, "trials", "");
    if (!trials.is_array() || trials.size() > static_cast<std::size_t>(r.plannedTrials))
        rd.fail("\"trials\" must be a list of at most plannedTrials entries");
    const bool abx = r.kind == TestKind::Abx;
    for (std::size_t i = 0; i < trials.size(); ++i) {
        const std::string at = "trials[" + std::to_string(i) + "].";
        const ojson& t = trials[i];
        TrialRecord tr;
        tr.number = rd.integer(t, "trial", 1, 10000, at);
        tr.hidden = rd.letter(t, "hidden", "AB", at) == 'A' ? Side::A : Side::B;
        tr.pressed = rd.letter(t, "pressed", abx ? "AB" : "12", at);
        tr.answer = rd.letter(t, "answer", "AB", at) == 'A' ? Side::A : Side::B;
        const ojson& c = rd.field(t, "correct", at);
        if (!c.is_boolean())
            rd.fail("\"" + at + "correct\" must be true or false");
        tr.correct = c.get<bool>();
        tr.startSeconds = rd.number(t, "startSeconds", at);
        tr.answerSeconds = rd.number(t, "answerSeconds", at);
        const ojson& sw = rd.field(t, "switches", at);
        if (!sw.is_array())
            rd.fail("\"" + at + "switches\" must be a list");
        for (std::size_t k = 0; k < sw.size(); ++k) {
            const std::string swAt = at + "switches[" + std::to_string(k) + "].";
            tr.switches.push_back({ rd.letter(sw[k], "to", abx ? "ABX" : "12", swAt), rd.number(sw[k], "atSeconds", swAt) });
        }
        if (tr.number != static_cast<int>(i) + 1)
            rd.fail("\"" + at + "trial\" must number the trials 1, 2, 3 ...");
        const Side pressedSide = abx ? (tr.pressed == 'A' ? Side::A : Side::B)
                                     : (tr.pressed == '1' ? tr.hidden : (tr.hidden == Side::A ? Side::B : Side::A));
        if (tr.answer != pressedSide || tr.correct != (abx && tr.answer == tr.hidden))
            rd.fail("\"" + at + "answer\" or \"correct\" does not follow from \"hidden\" and \"pressed\"");
        r.trials.push_back(std::move(tr));
    }
    // The summary must be what the trials say (a hand-edited score is refused, not reported).
    ListeningResults check = r;
    scoreResults(check);
    if (check.score != r.score || std::abs(check.pValue - r.pValue) > 1e-12 * std::max(1.0, check.pValue)
        || check.verdict != r.verdict)
        rd.fail("score, p-value or verdict do not match the trials: " + std::to_string(check.score) + " of "
                + std::to_string(check.answered()) + ", " + formatP(check.pValue));
    return r;
}

static std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string resultsToCsv(const ListeningResults& r)
{
    std::ostringstream o;
    o << "trial,kind,a,b,hidden,pressed,answer,correct,switches,switch_sequence,start_s,answer_s,duration_s\n";
    for (const auto& t : r.trials) {
        std::string seq;
        char buf[48];
        for (const auto& s : t.switches) {
            std::snprintf(buf, sizeof buf, "%s%c@%.3f", seq.empty() ? "" : " ", s.to, s.atSeconds);
            seq += buf;
        }
        o << t.number << ',' << testKindName(r.kind) << ',' << csvField(r.a.label) << ',' << csvField(r.b.label) << ','
          << sideLetter(t.hidden) << ',' << t.pressed << ',' << sideLetter(t.answer) << ','
          << (r.kind == TestKind::Abx ? (t.correct ? "1" : "0") : "") << ',' << t.switches.size() << ',' << seq << ',';
        std::snprintf(buf, sizeof buf, "%.3f,%.3f,%.3f", t.startSeconds, t.answerSeconds, t.answerSeconds - t.startSeconds);
        o << buf << '\n';
    }
    return o.str();
}

void saveResults(const ListeningResults& r, const std::string& jsonPath, const std::string& csvPath)
{
    writeFileAtomically(jsonPath, resultsToJson(r));
    writeFileAtomically(csvPath, resultsToCsv(r));
}

} // namespace iemeq::listening
