#include "BlindSession.h"

#include "../core/Error.h"

#include <chrono>
#include <ctime>

namespace iemeq::listening {

SessionClock steadyClock()
{
    return [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); };
}

std::uint64_t freshSeed()
{
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ static_cast<std::uint64_t>(rd());
}

std::string utcNowIso8601()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

BlindSession::BlindSession(TestKind kind, ComparedSide a, ComparedSide b, int trials, std::uint64_t seed,
                           SessionClock clock, char firstSelection, std::string allowedSelections)
    : planned_(trials), seed_(seed), rng_(seed), clock_(std::move(clock)), t0_(clock_()), firstSelection_(firstSelection),
      allowed_(std::move(allowedSelections)), selected_(firstSelection)
{
    if (trials < 1 || trials > 1000)
        throw Error("listening test: the number of trials must be from 1 to 1000, not " + std::to_string(trials));
    header_.kind = kind;
    header_.a = std::move(a);
    header_.b = std::move(b);
    header_.plannedTrials = trials;
    header_.seed = seed;
    header_.date = utcNowIso8601();
    startTrial();
}

void BlindSession::startTrial()
{
    hidden_ = (rng_() >> 63) == 0 ? Side::A : Side::B;
    selected_ = firstSelection_;
    switches_.clear();
    trialStart_ = now();
}

void BlindSession::select(char which)
{
    if (allowed_.find(which) == std::string::npos)
        throw Error(std::string("listening test: '") + which + "' is not one of " + allowed_);
    if (finished())
        throw Error("listening test: the session is over");
    if (which == selected_)
        return;
    selected_ = which;
    switches_.push_back({ which, now() - trialStart_ });
}

void BlindSession::finishTrial(char pressed, Side answer, bool correct)
{
    if (finished())
        throw Error("listening test: the session is over");
    TrialRecord t;
    t.number = trialNumber();
    t.hidden = hidden_;
    t.pressed = pressed;
    t.answer = answer;
    t.correct = correct;
    t.switches = switches_;
    t.startSeconds = trialStart_;
    t.answerSeconds = now();
    done_.push_back(std::move(t));
    if (!finished())
        startTrial();
}

ListeningResults BlindSession::results() const
{
    ListeningResults r = header_;
    r.trials = done_;
    scoreResults(r);
    return r;
}

} // namespace iemeq::listening
