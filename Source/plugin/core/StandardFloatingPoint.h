#pragma once
// Designs must not depend on the calling thread's floating-point mode: hosts may call
// prepareToPlay or restore state with flush-to-zero / denormals-are-zero set (as audio threads
// do), which changes the optimiser's arithmetic and so the filters. Designs run in IEEE mode.
#if defined(__SSE2__) || defined(_M_X64)
#include <immintrin.h>
#endif

namespace iemeq::plugin {

class ScopedStandardFloatingPoint {
public:
    ScopedStandardFloatingPoint() noexcept
    {
#if defined(__SSE2__) || defined(_M_X64)
        saved_ = _mm_getcsr();
        _mm_setcsr(saved_ & ~(0x8040u | 0x6000u));  // FTZ, DAZ off; round to nearest
#endif
    }
    ~ScopedStandardFloatingPoint()
    {
#if defined(__SSE2__) || defined(_M_X64)
        _mm_setcsr(saved_);
#endif
    }
    ScopedStandardFloatingPoint(const ScopedStandardFloatingPoint&) = delete;
    ScopedStandardFloatingPoint& operator=(const ScopedStandardFloatingPoint&) = delete;

private:
    unsigned saved_ = 0;
};

} // namespace iemeq::plugin
