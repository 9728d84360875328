// ABX and blind preference: exact binomial p-values against hand computations, the X draw
// unbiased and unpredictable, what is recorded per trial, and the JSON / CSV results.
#include "dsp/listening/AbxSession.h"
#include "dsp/listening/Binomial.h"

#include "dsp/core/Error.h"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace iemeq;
using namespace iemeq::listening;

namespace {

const ComparedSide kCorrected { "corrected (Harman 2019)", "Simgot EW200, parametric EQ to Harman in-ear 2019, 48 kHz" };
const ComparedSide kOriginal { "original", "Simgot EW200 as measured, loudness-matched" };

// A clock the test moves by hand.
struct FakeClock {
    std::shared_ptr<double> now = std::make_shared<double>(100.0);
    SessionClock clock() const
    {
        auto p = now;
        return [p] { return *p; };
    }
    void advance(double s) const { *now += s; }
};

std::string sequence(AbxSession& s, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += sideLetter(s.xIs());
        s.answer(Side::A);
    }
    return out;
}

} // namespace

TEST_CASE("One-sided binomial p-values match hand computations", "[listening][abx]")
{
    // sum_{i>=k} C(16, i) / 2^16: 12 -> 2517/65536, 16 -> 1/65536, 8 -> 39203/65536.
    CHECK(binomialTailAtLeast(12, 16) == 2517.0 / 65536.0);
    CHECK(binomialTailAtLeast(12, 16) == Approx(0.0384).margin(0.00005));
    CHECK(binomialTailAtLeast(16, 16) == Approx(1.526e-5).epsilon(1e-3));
    CHECK(binomialTailAtLeast(8, 16) == Approx(0.5982).margin(0.00005));
    CHECK(binomialTailAtLeast(0, 16) == 1.0);
    CHECK(binomialTailAtLeast(17, 16) == 0.0);
    CHECK(binomialTailAtLeast(9, 10) == 11.0 / 1024.0);
    // Beyond the exact-integer range: 60 of 100 (reference 0.028443966820490...).
    CHECK(binomialTailAtLeast(60, 100) == Approx(0.02844396682049039).epsilon(1e-10));
    // Two-sided: 13 of 16 one way or the other.
    CHECK(binomialTwoSided(13, 16) == Approx(2.0 * 697.0 / 65536.0));
    CHECK(binomialTwoSided(3, 16) == binomialTwoSided(13, 16));
    CHECK(binomialTwoSided(8, 16) == 1.0);
    CHECK(formatP(0.0384) == "p = 0.038");
    CHECK(formatP(0.004) == "p = 0.004");
    CHECK(formatP(0.4018) == "p = 0.40");
    CHECK(formatP(1.5e-5) == "p < 0.001");
}

TEST_CASE("ABX verdicts in plain words", "[listening][abx]")
{
    auto resultWith = [](int correct, int n) {
        ListeningResults r;
        r.kind = TestKind::Abx;
        r.plannedTrials = n;
        for (int i = 0; i < n; ++i) {
            TrialRecord t;
            t.number = i + 1;
            t.correct = i < correct;
            r.trials.push_back(t);
        }
        scoreResults(r);
        return r;
    };
    CHECK(resultWith(12, 16).verdict == "a difference was heard, p = 0.038");
    CHECK(resultWith(14, 16).verdict == "a difference was heard, p = 0.002");
    CHECK(resultWith(9, 16).verdict == "no reliable difference (p = 0.40)");
    CHECK(resultWith(11, 16).verdict == "no reliable difference (p = 0.11)");
    CHECK(resultWith(16, 16).pValue == Approx(1.526e-5).epsilon(1e-3));
}

TEST_CASE("X is drawn without bias: chi-square over 10,000 draws", "[listening][abx]")
{
    int a = 0, total = 0;
    // Ten sessions of 1000 trials, each with its own fresh seed.
    for (int k = 0; k < 10; ++k) {
        AbxSession session(kCorrected, kOriginal, 1000);
        for (int i = 0; i < 1000; ++i) {
            a += session.xIs() == Side::A ? 1 : 0;
            ++total;
            session.answer(Side::B);
        }
        CHECK(session.finished());
    }
    const double expected = total / 2.0;
    const double chi2 = (a - expected) * (a - expected) / expected + ((total - a) - expected) * ((total - a) - expected) / expected;
    INFO("X = A in " << a << " of " << total << " draws, chi-square " << chi2);
    CHECK(chi2 < 10.83);  // 1 degree of freedom, 99.9 %
    // The same over one seed's stream (a run of 10,000 from one generator).
    AbxSession one(kCorrected, kOriginal, 1000, 12345);
    int aOne = 0;
    for (int i = 0; i < 1000; ++i) {
        aOne += one.xIs() == Side::A ? 1 : 0;
        one.answer(Side::A);
    }
    CHECK(std::abs(aOne - 500) < 3.29 * std::sqrt(250.0));  // within 99.9 % of a fair coin
}

TEST_CASE("X is unpredictable: fresh seeds, different sequences back to back, a given seed replays", "[listening][abx]")
{
    std::set<std::uint64_t> seeds;
    std::set<std::string> sequences;
    for (int i = 0; i < 8; ++i) {
        AbxSession s(kCorrected, kOriginal, 64);
        seeds.insert(s.seed());
        sequences.insert(sequence(s, 64));
    }
    CHECK(seeds.size() == 8);      // never the same seed (a constant would give 1)
    CHECK(sequences.size() == 8);  // 64 draws: a repeat by chance has probability ~2^-64
    AbxSession r1(kCorrected, kOriginal, 32, 987654321), r2(kCorrected, kOriginal, 32, 987654321);
    CHECK(sequence(r1, 32) == sequence(r2, 32));
}

TEST_CASE("An ABX session records every switch with its time, the answer and the score", "[listening][abx]")
{
    FakeClock clk;
    AbxSession s(kCorrected, kOriginal, 3, 42, clk.clock());
    CHECK(s.plannedTrials() == 3);
    CHECK(s.listening() == 'A');
    CHECK(s.audibleSide() == Side::A);
    clk.advance(1.5);
    s.listen('X');
    CHECK(s.audibleSide() == s.xIs());
    clk.advance(2.0);
    s.listen('B');
    CHECK(s.audibleSide() == Side::B);
    s.listen('B');  // pressing the same key again is not a switch
    clk.advance(0.5);
    s.listen('X');
    clk.advance(1.0);
    const Side x1 = s.xIs();
    s.answer(x1);  // right
    CHECK(s.trialNumber() == 2);
    CHECK(s.listening() == 'A');  // every trial starts on A
    clk.advance(2.0);
    const Side x2 = s.xIs();
    s.answer(x2 == Side::A ? Side::B : Side::A);  // wrong
    clk.advance(1.0);
    s.answer(s.xIs());
    CHECK(s.finished());
    CHECK_THROWS_AS(s.answer(Side::A), Error);
    CHECK_THROWS_AS(s.listen('A'), Error);

    const ListeningResults r = s.results();
    CHECK(r.kind == TestKind::Abx);
    CHECK(r.a == kCorrected);
    CHECK(r.b == kOriginal);
    CHECK(r.seed == 42);
    CHECK(r.date.size() == 20);  // 2024-05-01T14:03:22Z
    REQUIRE(r.trials.size() == 3);
    const TrialRecord& t1 = r.trials[0];
    REQUIRE(t1.switches.size() == 3);
    CHECK(t1.switches[0] == SwitchEvent { 'X', 1.5 });
    CHECK(t1.switches[1] == SwitchEvent { 'B', 3.5 });
    CHECK(t1.switches[2] == SwitchEvent { 'X', 4.0 });
    CHECK(t1.startSeconds == 0.0);
    CHECK(t1.answerSeconds == 5.0);
    CHECK(t1.correct);
    CHECK(t1.hidden == x1);
    CHECK_FALSE(r.trials[1].correct);
    CHECK(r.trials[1].startSeconds == 5.0);
    CHECK(r.trials[1].answerSeconds == 7.0);
    CHECK(r.score == 2);
    CHECK(r.pValue == 0.5);  // P(X >= 2 | 3) = 4/8
    CHECK(r.verdict == "no reliable difference (p = 0.50)");
    CHECK_THROWS_WITH(AbxSession(kCorrected, kOriginal, 0), Catch::Contains("number of trials"));
    AbxSession bad(kCorrected, kOriginal, 2);
    CHECK_THROWS_WITH(bad.listen('Q'), Catch::Contains("'Q' is not one of ABX"));
}

TEST_CASE("Blind preference: hidden labels drawn per trial, tally and two-sided p", "[listening][abx]")
{
    FakeClock clk;
    BlindPreferenceSession s(kCorrected, kOriginal, 16, 7, clk.clock());
    std::set<Side> firstSides;
    for (int i = 0; i < 16; ++i) {
        firstSides.insert(s.sideOf('1'));
        CHECK(s.sideOf('2') != s.sideOf('1'));
        CHECK(s.audibleSide() == s.sideOf('1'));
        s.listen('2');
        CHECK(s.audibleSide() == s.sideOf('2'));
        clk.advance(3.0);
        // The listener prefers the corrected side in 13 trials, whichever label it has.
        const Side wanted = i < 13 ? Side::A : Side::B;
        s.prefer(s.sideOf('1') == wanted ? '1' : '2');
    }
    CHECK(firstSides.size() == 2);  // both assignments occurred
    const ListeningResults r = s.results();
    CHECK(r.kind == TestKind::Preference);
    CHECK(r.score == 13);
    CHECK(r.pValue == Approx(2.0 * 697.0 / 65536.0));
    CHECK(r.verdict == "a preference for A (corrected (Harman 2019)), p = 0.021");
    for (const auto& t : r.trials) {
        CHECK(t.answer == (t.number <= 13 ? Side::A : Side::B));
        CHECK_FALSE(t.correct);
        CHECK(t.switches.size() == 1);
    }
}

TEST_CASE("Results survive a JSON round trip exactly, the CSV has one row per trial", "[listening][abx]")
{
    FakeClock clk;
    AbxSession s(ComparedSide { "Harman 2019", "EW200 corrected to Harman, \"linked\", 48 kHz" },
                 ComparedSide { "Harman +3 dB bass", "same, with a 3 dB bass shelf, a, b" }, 16, 0xFFFFFFFFFFFFFFF1ull, clk.clock());
    for (int i = 0; i < 16; ++i) {
        clk.advance(0.123456789 * (i + 1));
        s.listen(i % 2 ? 'X' : 'B');
        clk.advance(1.0 / 3.0);
        s.answer(i % 3 ? s.xIs() : Side::A);
    }
    const ListeningResults r = s.results();
    const std::string json = resultsToJson(r);
    const ListeningResults back = resultsFromJson(json, "r.json");
    CHECK(back == r);
    CHECK(back.seed == 0xFFFFFFFFFFFFFFF1ull);
    CHECK(resultsToJson(back) == json);

    const std::string csv = resultsToCsv(r);
    std::istringstream lines(csv);
    std::string line;
    int rows = 0;
    std::getline(lines, line);
    CHECK(line.rfind("trial,kind,a,b,hidden,pressed,answer,correct,switches", 0) == 0);
    while (std::getline(lines, line)) {
        ++rows;
        CHECK(line.rfind(std::to_string(rows) + ",abx,Harman 2019,Harman +3 dB bass,", 0) == 0);
    }
    CHECK(rows == 16);

    // A result whose summary does not follow from its trials is refused, not reported.
    std::string edited = json;
    const auto at = edited.find("\"score\": ");
    edited.replace(at, std::string("\"score\": ").size() + std::to_string(r.score).size(), "\"score\": 16");
    CHECK_THROWS_WITH(resultsFromJson(edited, "r.json"), Catch::Contains("do not match the trials"));
    CHECK_THROWS_WITH(resultsFromJson("{}", "r.json"), Catch::StartsWith("r.json: not a listening-test result"));
    CHECK_THROWS_WITH(resultsFromJson("nonsense", "r.json"), Catch::Contains("invalid JSON"));
}
