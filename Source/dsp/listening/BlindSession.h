#pragma once
// What ABX and blind-preference sessions share: the two sides, the trials answered so far, the
// listener's switches with their times, a clock and the random draws.
//
// Randomness: a 64-bit seed from std::random_device (the operating system's entropy source, so
// two sessions never share a sequence and nobody can predict it) drives a Mersenne Twister; one
// bit (the generator's top bit) per trial picks the hidden assignment, so both are equally
// likely. The seed is written into the results so a session can be audited afterwards.
#include "ListeningResults.h"

#include <functional>
#include <random>

namespace iemeq::listening {

// Seconds on a monotonic clock (tests pass their own).
using SessionClock = std::function<double()>;
SessionClock steadyClock();

std::uint64_t freshSeed();   // from std::random_device
std::string utcNowIso8601(); // "2024-05-01T14:03:22Z"

class BlindSession {
public:
    int plannedTrials() const { return planned_; }
    int trialNumber() const { return static_cast<int>(done_.size()) + 1; }  // the current (1-based)
    bool finished() const { return static_cast<int>(done_.size()) >= planned_; }
    std::uint64_t seed() const { return seed_; }
    char listening() const { return selected_; }  // what the listener has selected now
    // The side the audio thread must play now.
    virtual Side audibleSide() const = 0;
    // Trials so far, scored (the whole session once finished()).
    ListeningResults results() const;

protected:
    BlindSession(TestKind kind, ComparedSide a, ComparedSide b, int trials, std::uint64_t seed, SessionClock clock,
                 char firstSelection, std::string allowedSelections);
    virtual ~BlindSession() = default;
    BlindSession(const BlindSession&) = default;
    BlindSession& operator=(const BlindSession&) = default;

    void select(char which);                 // records a switch when it changes the selection
    void finishTrial(char pressed, Side answer, bool correct);
    Side hidden() const { return hidden_; }  // this trial's hidden assignment

private:
    ListeningResults header_;
    int planned_;
    std::uint64_t seed_;
    std::mt19937_64 rng_;
    SessionClock clock_;
    double t0_;
    char firstSelection_;
    std::string allowed_;
    std::vector<TrialRecord> done_;
    // The trial in progress.
    Side hidden_ = Side::A;
    char selected_;
    double trialStart_ = 0.0;
    std::vector<SwitchEvent> switches_;

    void startTrial();
    double now() const { return clock_() - t0_; }
};

} // namespace iemeq::listening
