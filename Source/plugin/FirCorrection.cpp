#include "FirCorrection.h"

#include "dsp/core/Error.h"
#include "dsp/curve/Smoothing.h"
#include "dsp/rt/FftwPlannerLock.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <fftw3.h>
#include <numbers>

namespace iemeq::plugin {

int firTapsFor(double fs)
{
    const int n = static_cast<int>(std::lround(8192.0 * fs / 48000.0));
    return std::clamp(n, 2048, 65536) | 1;
}

FrequencyCurve firCorrectionCurve(const FrequencyCurve& m, const FrequencyCurve& t, double amount, double maxBoostDb)
{
    FrequencyCurve e = subtract(t, m);
    double sum = 0.0;
    int n = 0;
    for (std::size_t i = 0; i < e.size(); ++i)
        if (e.freq[i] >= 300.0 && e.freq[i] <= 3000.0) {
            sum += e.db[i];
            ++n;
        }
    if (n > 0)
        e = offset(e, -sum / n);
    SmoothingSpec spec;
    spec.fraction = 6.0;
    spec.trebleAware = true;
    spec.trebleFraction = 2.0;
    e = smooth(e, spec);
    for (double& v : e.db)
        v = amount * std::clamp(v, -18.0, maxBoostDb);
    e.name = "FIR correction";
    return e;
}

namespace {

// RAII FFTW plans; planning takes the project-wide planner lock.
struct Plans {
    int size;
    double* real;
    fftw_complex* spec;
    fftw_plan fwd, inv;
    explicit Plans(int m) : size(m)
    {
        real = fftw_alloc_real(static_cast<std::size_t>(m));
        spec = fftw_alloc_complex(static_cast<std::size_t>(m / 2 + 1));
        std::lock_guard lock(rt::fftwPlannerMutex());
        fwd = fftw_plan_dft_r2c_1d(m, real, spec, FFTW_ESTIMATE);
        inv = fftw_plan_dft_c2r_1d(m, spec, real, FFTW_ESTIMATE);
    }
    ~Plans()
    {
        {
            std::lock_guard lock(rt::fftwPlannerMutex());
            fftw_destroy_plan(fwd);
            fftw_destroy_plan(inv);
        }
        fftw_free(real);
        fftw_free(spec);
    }
    Plans(const Plans&) = delete;
    Plans& operator=(const Plans&) = delete;
};

// Tukey taper of the last `len` samples (and the first `len` when `both`), so truncation does not ripple.
void taper(std::vector<float>& h, int len, bool both)
{
    const int n = static_cast<int>(h.size());
    for (int i = 0; i < len && i < n; ++i) {
        const float w = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * (i + 0.5) / len));
        h[static_cast<std::size_t>(n - 1 - i)] *= w;
        if (both)
            h[static_cast<std::size_t>(i)] *= w;
    }
}

} // namespace

std::vector<float> designFirKernel(const FrequencyCurve& c, int taps, bool linearPhase, double fs)
{
    if (c.empty() || taps < 16 || fs <= 0.0)
        throw Error("FIR design: empty correction curve or too few taps");
    int m = 1;
    while (m < 4 * taps)
        m *= 2;
    Plans p(m);
    const int bins = m / 2 + 1;
    std::vector<double> magDb(static_cast<std::size_t>(bins));
    for (int k = 0; k < bins; ++k)
        magDb[static_cast<std::size_t>(k)] = levelAt(c, std::max(1.0, k * fs / m));
    std::vector<float> h(static_cast<std::size_t>(taps));
    if (linearPhase) {
        const double delay = (taps - 1) / 2.0;
        for (int k = 0; k < bins; ++k) {
            const double a = std::pow(10.0, magDb[static_cast<std::size_t>(k)] / 20.0) / m;
            const double ph = -2.0 * std::numbers::pi * k * delay / m;
            p.spec[k][0] = a * std::cos(ph);
            p.spec[k][1] = a * std::sin(ph);
        }
        fftw_execute(p.inv);
        for (int i = 0; i < taps; ++i)
            h[static_cast<std::size_t>(i)] = static_cast<float>(p.real[i]);
        taper(h, taps / 8, true);
        return h;
    }
    // Minimum phase: fold the real cepstrum of ln|H| onto positive quefrencies.
    for (int k = 0; k < bins; ++k) {
        p.spec[k][0] = magDb[static_cast<std::size_t>(k)] * std::log(10.0) / 20.0 / m;
        p.spec[k][1] = 0.0;
    }
    fftw_execute(p.inv);
    for (int i = 1; i < m / 2; ++i) {
        p.real[i] *= 2.0;
        p.real[m - i] = 0.0;
    }
    fftw_execute(p.fwd);
    for (int k = 0; k < bins; ++k) {
        const auto z = std::exp(std::complex<double>(p.spec[k][0], p.spec[k][1])) / static_cast<double>(m);
        p.spec[k][0] = z.real();
        p.spec[k][1] = z.imag();
    }
    fftw_execute(p.inv);
    for (int i = 0; i < taps; ++i)
        h[static_cast<std::size_t>(i)] = static_cast<float>(p.real[i]);
    taper(h, taps / 4, false);
    return h;
}

double firResponseDb(const std::vector<float>& taps, double hz, double fs)
{
    std::complex<double> acc = 0.0;
    const std::complex<double> step = std::polar(1.0, -2.0 * std::numbers::pi * hz / fs);
    std::complex<double> z = 1.0;
    for (std::size_t i = 0; i < taps.size(); ++i) {
        acc += static_cast<double>(taps[i]) * z;
        z *= step;
        if ((i & 1023) == 1023)
            z /= std::abs(z);  // keep the rotation on the unit circle
    }
    return 20.0 * std::log10(std::max(std::abs(acc), 1e-12));
}

} // namespace iemeq::plugin
