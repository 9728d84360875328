#pragma once
// The convolution engine's hot loop: complex multiply-accumulate over split (re/im) spectra,
//   y[k] += sum_p x_p[k] * h_p[k],  k < n,
// fused over groups of partitions so y is loaded and stored once per group. The implementation
// is picked once at start-up from the CPU (AVX2+FMA, AVX-512 or portable), so the default
// portable build still runs the wide loop on machines that have it.
namespace iemeq {

// n must be a multiple of 16 and every pointer 64-byte aligned.
void complexMac(float* yr, float* yi, const float* const* xr, const float* const* xi,
                const float* const* hr, const float* const* hi, int count, int n) noexcept;

// y = a + x * h (one partition), same layout rules.
void complexMulAdd(float* yr, float* yi, const float* ar, const float* ai, const float* xr, const float* xi,
                   const float* hr, const float* hi, int n) noexcept;

// Name of the implementation in use ("avx512", "avx2+fma" or "portable"), for the benchmark.
const char* complexMacIsa() noexcept;

} // namespace iemeq
