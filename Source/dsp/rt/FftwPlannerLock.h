#pragma once
// FFTW's planner is not thread-safe: every fftw(f)_plan_* / destroy_plan call in iemeq takes this
// lock (plans are only ever made off the audio thread; executing a plan needs no lock).
#include <mutex>

namespace iemeq::rt {

inline std::mutex& fftwPlannerMutex()
{
    static std::mutex m;
    return m;
}

} // namespace iemeq::rt
