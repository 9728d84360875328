#include "AbxSession.h"

#include "../core/Error.h"

namespace iemeq::listening {

AbxSession::AbxSession(ComparedSide a, ComparedSide b, int trials, SessionClock clock)
    : AbxSession(std::move(a), std::move(b), trials, freshSeed(), std::move(clock))
{
}

AbxSession::AbxSession(ComparedSide a, ComparedSide b, int trials, std::uint64_t seed, SessionClock clock)
    : BlindSession(TestKind::Abx, std::move(a), std::move(b), trials, seed, std::move(clock), 'A', "ABX")
{
}

void AbxSession::listen(char which)
{
    select(which);
}

void AbxSession::answer(Side xIs)
{
    finishTrial(sideLetter(xIs), xIs, xIs == hidden());
}

Side AbxSession::audibleSide() const
{
    switch (listening()) {
    case 'A': return Side::A;
    case 'B': return Side::B;
    default: return hidden();
    }
}

BlindPreferenceSession::BlindPreferenceSession(ComparedSide a, ComparedSide b, int trials, SessionClock clock)
    : BlindPreferenceSession(std::move(a), std::move(b), trials, freshSeed(), std::move(clock))
{
}

BlindPreferenceSession::BlindPreferenceSession(ComparedSide a, ComparedSide b, int trials, std::uint64_t seed,
                                               SessionClock clock)
    : BlindSession(TestKind::Preference, std::move(a), std::move(b), trials, seed, std::move(clock), '1', "12")
{
}

Side BlindPreferenceSession::sideOf(char presented) const
{
    if (presented != '1' && presented != '2')
        throw Error(std::string("preference test: '") + presented + "' is not 1 or 2");
    return presented == '1' ? hidden() : (hidden() == Side::A ? Side::B : Side::A);
}

void BlindPreferenceSession::listen(char which)
{
    select(which);
}

void BlindPreferenceSession::prefer(char presented)
{
    const Side s = sideOf(presented);
    finishTrial(presented, s, false);
}

Side BlindPreferenceSession::audibleSide() const
{
    return sideOf(listening());
}

} // namespace iemeq::listening
