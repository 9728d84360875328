#include "MinimumPhase.h"

#include "../core/Error.h"
#include "../rt/FftwPlannerLock.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace iemeq {

namespace {

struct FftwFree {
    void operator()(void* p) const { fftw_free(p); }
};

template <typename T>
std::unique_ptr<T[], FftwFree> fftwArray(std::size_t n)
{
    auto* p = static_cast<T*>(fftw_malloc(sizeof(T) * n));
    if (p == nullptr)
        throw Error("FIR design: out of memory for a " + std::to_string(n) + "-point transform");
    return std::unique_ptr<T[], FftwFree>(p);
}

void checkSize(std::size_t m)
{
    if (m < 4 || (m & (m - 1)) != 0)
        throw Error("FIR design: transform size " + std::to_string(m) + " is not a power of two >= 4");
}

} // namespace

std::vector<double> inverseRealFft(const std::vector<std::complex<double>>& bins)
{
    const std::size_t m = 2 * (bins.size() - 1);
    checkSize(m);
    auto in = fftwArray<fftw_complex>(bins.size());
    auto out = fftwArray<double>(m);
    fftw_plan plan;
    {
        std::lock_guard lock(rt::fftwPlannerMutex());
        plan = fftw_plan_dft_c2r_1d(static_cast<int>(m), in.get(), out.get(), FFTW_ESTIMATE);
    }
    for (std::size_t k = 0; k < bins.size(); ++k) {
        in[k][0] = bins[k].real();
        in[k][1] = bins[k].imag();
    }
    fftw_execute(plan);
    {
        std::lock_guard lock(rt::fftwPlannerMutex());
        fftw_destroy_plan(plan);
    }
    std::vector<double> r(m);
    const double scale = 1.0 / static_cast<double>(m);
    for (std::size_t i = 0; i < m; ++i)
        r[i] = out[i] * scale;
    return r;
}

std::vector<std::complex<double>> forwardRealFft(const std::vector<double>& samples)
{
    const std::size_t m = samples.size();
    checkSize(m);
    auto in = fftwArray<double>(m);
    auto out = fftwArray<fftw_complex>(m / 2 + 1);
    fftw_plan plan;
    {
        std::lock_guard lock(rt::fftwPlannerMutex());
        plan = fftw_plan_dft_r2c_1d(static_cast<int>(m), in.get(), out.get(), FFTW_ESTIMATE);
    }
    std::copy(samples.begin(), samples.end(), in.get());
    fftw_execute(plan);
    {
        std::lock_guard lock(rt::fftwPlannerMutex());
        fftw_destroy_plan(plan);
    }
    std::vector<std::complex<double>> r(m / 2 + 1);
    for (std::size_t k = 0; k < r.size(); ++k)
        r[k] = { out[k][0], out[k][1] };
    return r;
}

std::vector<std::complex<double>> minimumPhaseSpectrum(const std::vector<double>& magnitude)
{
    const std::size_t half = magnitude.size() - 1, m = 2 * half;
    checkSize(m);
    std::vector<std::complex<double>> logMag(magnitude.size());
    for (std::size_t k = 0; k < magnitude.size(); ++k)
        logMag[k] = std::log(std::max(magnitude[k], 1e-10));
    // Real cepstrum of the (even) log magnitude, folded: keep c[0] and c[M/2], double the
    // positive quefrencies, drop the negative ones. Its transform is log H_min.
    std::vector<double> c = inverseRealFft(logMag);
    for (std::size_t n = 1; n < half; ++n)
        c[n] *= 2.0;
    for (std::size_t n = half + 1; n < m; ++n)
        c[n] = 0.0;
    std::vector<std::complex<double>> h = forwardRealFft(c);
    for (auto& v : h)
        v = std::exp(v);
    return h;
}

} // namespace iemeq
