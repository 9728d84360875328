#pragma once
// ABX: A and B are known, X is A or B, drawn at random for every trial. The listener switches
// freely among A, B and X (every switch recorded with its time) and says whether X is A or B.
// After N trials (16 by default): the score, the one-sided binomial p-value (the chance of doing
// at least this well by guessing) and a verdict in plain words. Each trial starts on A.
#include "BlindSession.h"

namespace iemeq::listening {

class AbxSession : public BlindSession {
public:
    static constexpr int kDefaultTrials = 16;

    // Seeded from std::random_device (what a real session uses).
    AbxSession(ComparedSide a, ComparedSide b, int trials = kDefaultTrials, SessionClock clock = steadyClock());
    // A given seed: replaying a recorded session, tests.
    AbxSession(ComparedSide a, ComparedSide b, int trials, std::uint64_t seed, SessionClock clock = steadyClock());

    void listen(char which);  // 'A', 'B' or 'X'; throws iemeq::Error for anything else
    void answer(Side xIs);    // ends the trial and draws the next X
    Side audibleSide() const override;
    // For the audio engine and tests only: never shown while the session runs.
    Side xIs() const { return hidden(); }
};

// Blind preference: the two sides are presented as "1" and "2", which is which drawn at random
// for every trial; the listener switches freely and says which one they prefer. After N trials:
// how often each side was preferred and the two-sided binomial p-value. Each trial starts on 1.
class BlindPreferenceSession : public BlindSession {
public:
    BlindPreferenceSession(ComparedSide a, ComparedSide b, int trials = AbxSession::kDefaultTrials,
                           SessionClock clock = steadyClock());
    BlindPreferenceSession(ComparedSide a, ComparedSide b, int trials, std::uint64_t seed,
                           SessionClock clock = steadyClock());

    void listen(char which);       // '1' or '2'
    void prefer(char presented);   // '1' or '2': ends the trial
    Side audibleSide() const override;
    Side sideOf(char presented) const;  // for the audio engine and tests only
};

} // namespace iemeq::listening
