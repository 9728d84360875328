#pragma once
// Flush-to-zero / denormals-are-zero for the scope of an audio callback: recursive filters and
// decaying FFT tails otherwise fall into denormal numbers that cost ~100x per operation.
#if defined(__SSE2__) || defined(_M_X64)
#include <immintrin.h>
#define IEMEQ_HAS_MXCSR 1
#endif

namespace iemeq::rt {

class ScopedNoDenormals {
public:
    ScopedNoDenormals() noexcept
    {
#if IEMEQ_HAS_MXCSR
        saved_ = _mm_getcsr();
        _mm_setcsr(saved_ | 0x8040u);  // FTZ (bit 15) | DAZ (bit 6)
#elif defined(__aarch64__)
        asm volatile("mrs %0, fpcr" : "=r"(saved_));
        asm volatile("msr fpcr, %0" : : "r"(saved_ | (1ull << 24)));  // FZ
#endif
    }
    ~ScopedNoDenormals()
    {
#if IEMEQ_HAS_MXCSR
        _mm_setcsr(saved_);
#elif defined(__aarch64__)
        asm volatile("msr fpcr, %0" : : "r"(saved_));
#endif
    }
    ScopedNoDenormals(const ScopedNoDenormals&) = delete;
    ScopedNoDenormals& operator=(const ScopedNoDenormals&) = delete;

private:
#if IEMEQ_HAS_MXCSR
    unsigned saved_ = 0;
#else
    unsigned long long saved_ = 0;
#endif
};

} // namespace iemeq::rt
