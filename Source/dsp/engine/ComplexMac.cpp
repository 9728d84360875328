#include "ComplexMac.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define IEMEQ_X86 1
#endif

namespace iemeq {
namespace {

using MacFn = void (*)(float*, float*, const float* const*, const float* const*, const float* const*,
                       const float* const*, int, int) noexcept;
using MulAddFn = void (*)(float*, float*, const float*, const float*, const float*, const float*, const float*,
                          const float*, int) noexcept;

// Portable version: plain loops the compiler vectorises for the baseline ISA (SSE2 on x86-64).
void macPortable(float* yr, float* yi, const float* const* xr, const float* const* xi, const float* const* hr,
                 const float* const* hi, int count, int n) noexcept
{
    int p = 0;
    for (; p + 4 <= count; p += 4) {
        const float *a0 = xr[p], *b0 = xi[p], *c0 = hr[p], *d0 = hi[p];
        const float *a1 = xr[p + 1], *b1 = xi[p + 1], *c1 = hr[p + 1], *d1 = hi[p + 1];
        const float *a2 = xr[p + 2], *b2 = xi[p + 2], *c2 = hr[p + 2], *d2 = hi[p + 2];
        const float *a3 = xr[p + 3], *b3 = xi[p + 3], *c3 = hr[p + 3], *d3 = hi[p + 3];
        for (int k = 0; k < n; ++k) {
            yr[k] += (a0[k] * c0[k] - b0[k] * d0[k]) + (a1[k] * c1[k] - b1[k] * d1[k])
                   + (a2[k] * c2[k] - b2[k] * d2[k]) + (a3[k] * c3[k] - b3[k] * d3[k]);
            yi[k] += (a0[k] * d0[k] + b0[k] * c0[k]) + (a1[k] * d1[k] + b1[k] * c1[k])
                   + (a2[k] * d2[k] + b2[k] * c2[k]) + (a3[k] * d3[k] + b3[k] * c3[k]);
        }
    }
    for (; p < count; ++p) {
        const float *a = xr[p], *b = xi[p], *c = hr[p], *d = hi[p];
        for (int k = 0; k < n; ++k) {
            yr[k] += a[k] * c[k] - b[k] * d[k];
            yi[k] += a[k] * d[k] + b[k] * c[k];
        }
    }
}

void mulAddPortable(float* yr, float* yi, const float* ar, const float* ai, const float* a, const float* b,
                    const float* c, const float* d, int n) noexcept
{
    for (int k = 0; k < n; ++k) {
        yr[k] = ar[k] + (a[k] * c[k] - b[k] * d[k]);
        yi[k] = ai[k] + (a[k] * d[k] + b[k] * c[k]);
    }
}

#if IEMEQ_X86
#define IEMEQ_AVX2 __attribute__((target("avx2,fma")))

IEMEQ_AVX2 inline void mac8(__m256& r, __m256& i, const float* a, const float* b, const float* c, const float* d, int k) noexcept
{
    const __m256 xa = _mm256_load_ps(a + k), xb = _mm256_load_ps(b + k);
    const __m256 hc = _mm256_load_ps(c + k), hd = _mm256_load_ps(d + k);
    r = _mm256_fmadd_ps(xa, hc, r);
    r = _mm256_fnmadd_ps(xb, hd, r);
    i = _mm256_fmadd_ps(xa, hd, i);
    i = _mm256_fmadd_ps(xb, hc, i);
}

IEMEQ_AVX2 void macAvx2(float* yr, float* yi, const float* const* xr, const float* const* xi, const float* const* hr,
                        const float* const* hi, int count, int n) noexcept
{
    int p = 0;
    for (; p + 4 <= count; p += 4) {
        for (int k = 0; k < n; k += 8) {
            __m256 r = _mm256_load_ps(yr + k), i = _mm256_load_ps(yi + k);
            mac8(r, i, xr[p], xi[p], hr[p], hi[p], k);
            mac8(r, i, xr[p + 1], xi[p + 1], hr[p + 1], hi[p + 1], k);
            mac8(r, i, xr[p + 2], xi[p + 2], hr[p + 2], hi[p + 2], k);
            mac8(r, i, xr[p + 3], xi[p + 3], hr[p + 3], hi[p + 3], k);
            _mm256_store_ps(yr + k, r);
            _mm256_store_ps(yi + k, i);
        }
    }
    for (; p < count; ++p)
        for (int k = 0; k < n; k += 8) {
            __m256 r = _mm256_load_ps(yr + k), i = _mm256_load_ps(yi + k);
            mac8(r, i, xr[p], xi[p], hr[p], hi[p], k);
            _mm256_store_ps(yr + k, r);
            _mm256_store_ps(yi + k, i);
        }
}

IEMEQ_AVX2 void mulAddAvx2(float* yr, float* yi, const float* ar, const float* ai, const float* a, const float* b,
                           const float* c, const float* d, int n) noexcept
{
    for (int k = 0; k < n; k += 8) {
        __m256 r = _mm256_load_ps(ar + k), i = _mm256_load_ps(ai + k);
        mac8(r, i, a, b, c, d, k);
        _mm256_store_ps(yr + k, r);
        _mm256_store_ps(yi + k, i);
    }
}

#define IEMEQ_AVX512 __attribute__((target("avx512f")))

IEMEQ_AVX512 inline void mac16(__m512& r, __m512& i, const float* a, const float* b, const float* c, const float* d, int k) noexcept
{
    const __m512 xa = _mm512_load_ps(a + k), xb = _mm512_load_ps(b + k);
    const __m512 hc = _mm512_load_ps(c + k), hd = _mm512_load_ps(d + k);
    r = _mm512_fmadd_ps(xa, hc, r);
    r = _mm512_fnmadd_ps(xb, hd, r);
    i = _mm512_fmadd_ps(xa, hd, i);
    i = _mm512_fmadd_ps(xb, hc, i);
}

IEMEQ_AVX512 void macAvx512(float* yr, float* yi, const float* const* xr, const float* const* xi, const float* const* hr,
                            const float* const* hi, int count, int n) noexcept
{
    int p = 0;
    for (; p + 4 <= count; p += 4) {
        for (int k = 0; k < n; k += 16) {
            __m512 r = _mm512_load_ps(yr + k), i = _mm512_load_ps(yi + k);
            mac16(r, i, xr[p], xi[p], hr[p], hi[p], k);
            mac16(r, i, xr[p + 1], xi[p + 1], hr[p + 1], hi[p + 1], k);
            mac16(r, i, xr[p + 2], xi[p + 2], hr[p + 2], hi[p + 2], k);
            mac16(r, i, xr[p + 3], xi[p + 3], hr[p + 3], hi[p + 3], k);
            _mm512_store_ps(yr + k, r);
            _mm512_store_ps(yi + k, i);
        }
    }
    for (; p < count; ++p)
        for (int k = 0; k < n; k += 16) {
            __m512 r = _mm512_load_ps(yr + k), i = _mm512_load_ps(yi + k);
            mac16(r, i, xr[p], xi[p], hr[p], hi[p], k);
            _mm512_store_ps(yr + k, r);
            _mm512_store_ps(yi + k, i);
        }
}
#endif

struct Dispatch {
    MacFn mac = macPortable;
    MulAddFn mulAdd = mulAddPortable;
    const char* name = "portable";
    Dispatch()
    {
#if IEMEQ_X86
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
            mac = macAvx2;
            mulAdd = mulAddAvx2;
            name = "avx2+fma";
        }
        if (__builtin_cpu_supports("avx512f")) {
            mac = macAvx512;
            name = "avx512+avx2";
        }
#endif
    }
};

const Dispatch& dispatch() noexcept
{
    static const Dispatch d;  // resolved once; first use is in prepare(), off the audio thread
    return d;
}

} // namespace

void complexMac(float* yr, float* yi, const float* const* xr, const float* const* xi, const float* const* hr,
                const float* const* hi, int count, int n) noexcept
{
    dispatch().mac(yr, yi, xr, xi, hr, hi, count, n);
}

void complexMulAdd(float* yr, float* yi, const float* ar, const float* ai, const float* xr, const float* xi,
                   const float* hr, const float* hi, int n) noexcept
{
    dispatch().mulAdd(yr, yi, ar, ai, xr, xi, hr, hi, n);
}

const char* complexMacIsa() noexcept { return dispatch().name; }

} // namespace iemeq
