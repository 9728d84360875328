#pragma once
// What a blind listening session produced, in a form that can be saved (JSON and CSV), read back
// and put into a reviewer's report: what A and B were, every trial (hidden assignment, answer,
// switches with times), the score, the p-value, the verdict, the random seed and the date.
#include <cstdint>
#include <string>
#include <vector>

namespace iemeq::listening {

enum class TestKind { Abx, Preference };
const char* testKindName(TestKind k);  // "abx" / "preference"

enum class Side { A, B };
inline char sideLetter(Side s) { return s == Side::A ? 'A' : 'B'; }

// One of the two things compared, as the listener and the report name it.
struct ComparedSide {
    std::string label;        // short: "corrected (Harman 2019)", "original"
    std::string description;  // longer: IEM, target, correction mode, preset file ...
    bool operator==(const ComparedSide&) const = default;
};

struct SwitchEvent {
    char to = 'A';            // ABX: 'A', 'B', 'X'; preference: '1', '2'
    double atSeconds = 0.0;   // since the trial started
    bool operator==(const SwitchEvent&) const = default;
};

struct TrialRecord {
    int number = 1;            // 1-based
    Side hidden = Side::A;     // ABX: the side X was; preference: the side presented as "1"
    char pressed = 'A';        // ABX: 'A'/'B' (X is A / X is B); preference: '1'/'2'
    Side answer = Side::A;     // ABX: the side named; preference: the side preferred (decoded)
    bool correct = false;      // ABX: answer == hidden; preference: always false
    std::vector<SwitchEvent> switches;
    double startSeconds = 0.0;   // since the session started
    double answerSeconds = 0.0;  // since the session started
    bool operator==(const TrialRecord&) const = default;
};

struct ListeningResults {
    TestKind kind = TestKind::Abx;
    ComparedSide a, b;
    int plannedTrials = 16;
    std::vector<TrialRecord> trials;  // the answered ones, in order
    int score = 0;          // ABX: correct answers; preference: trials where A was preferred
    double pValue = 1.0;    // ABX: one-sided binomial; preference: two-sided binomial
    std::string verdict;    // plain words, e.g. "a difference was heard, p = 0.004"
    std::uint64_t seed = 0; // of the random draws (recorded so the session can be audited)
    std::string date;       // ISO 8601 UTC, when the session started
    bool operator==(const ListeningResults&) const = default;

    int answered() const { return static_cast<int>(trials.size()); }
    bool complete() const { return answered() == plannedTrials; }
};

// Score, p-value and verdict from the trials (what the sessions call at the end).
void scoreResults(ListeningResults& r);

// JSON (the file `iemeq report --listening` reads) and CSV (one row per trial, for a spreadsheet).
std::string resultsToJson(const ListeningResults& r);
// Throws iemeq::Error naming `source` and the field when the text is not a results file.
ListeningResults resultsFromJson(const std::string& text, const std::string& source);
std::string resultsToCsv(const ListeningResults& r);

// Writes both files atomically.
void saveResults(const ListeningResults& r, const std::string& jsonPath, const std::string& csvPath);

} // namespace iemeq::listening
