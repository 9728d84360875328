#include "FirDesigner.h"

#include "../core/Error.h"
#include "MinimumPhase.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <string>

namespace iemeq {

namespace {

// Fractions of the kernel given to the window's taper (the rest is left untouched).
constexpr double kMinPhaseFadeOut = 0.25;  // last quarter fades out (half raised cosine)
constexpr double kLinearTaper = 0.5;       // tapered-cosine (Tukey) window, 25% per side

std::size_t designGridSize(int taps)
{
    // Fine enough that (a) 20 Hz features are sampled densely and (b) the cepstrum and the
    // zero-phase response do not wrap around onto the kept taps.
    std::size_t m = 1u << 16;
    while (m < 16u * static_cast<std::size_t>(taps))
        m *= 2;
    return m;
}

double raisedCosineFall(double x)  // 1 at x = 0 down to 0 at x = 1
{
    return 0.5 * (1.0 + std::cos(std::numbers::pi * std::clamp(x, 0.0, 1.0)));
}

constexpr int kRefinementRounds = 4;

// Windowed kernel of `n` taps whose magnitude approximates `mag` (bins 0..M/2 of an M grid).
std::vector<double> realiseKernel(const std::vector<double>& mag, int n, FirPhase phase, std::size_t m)
{
    const std::size_t half = m / 2;
    std::vector<double> taps(static_cast<std::size_t>(n));
    if (phase == FirPhase::Minimum) {
        const auto h = inverseRealFft(minimumPhaseSpectrum(mag));
        const int fade = std::max(1, static_cast<int>(kMinPhaseFadeOut * n));
        for (int i = 0; i < n; ++i) {
            const double w = i < n - fade ? 1.0 : raisedCosineFall(static_cast<double>(i - (n - fade) + 1) / fade);
            taps[static_cast<std::size_t>(i)] = h[static_cast<std::size_t>(i)] * w;
        }
        return taps;
    }
    // Zero-phase magnitude delayed by (N-1)/2 (a half-sample delay for even N), so the kernel is
    // symmetric about its centre.
    const double delay = 0.5 * (n - 1);
    std::vector<std::complex<double>> bins(half + 1);
    for (std::size_t k = 0; k <= half; ++k)
        bins[k] = std::polar(mag[k], -2.0 * std::numbers::pi * static_cast<double>(k) * delay / static_cast<double>(m));
    const auto h = inverseRealFft(bins);
    const double taper = 0.5 * kLinearTaper * n;  // samples per side
    for (int i = 0; i < n; ++i) {
        const double fromEdge = std::min(i, n - 1 - i) + 1.0;
        const double w = fromEdge >= taper ? 1.0 : raisedCosineFall(1.0 - fromEdge / taper);
        taps[static_cast<std::size_t>(i)] = h[static_cast<std::size_t>(i)] * w;
    }
    return taps;
}

} // namespace

int defaultFirLength(double fs)
{
    const long n = std::lround(8192.0 * fs / 48000.0 / 2.0) * 2 + 1;
    return static_cast<int>(std::clamp(n, 17L, (1L << 20) - 1));
}

FirKernel designFir(const FrequencyCurve& correction, const FirSettings& settings)
{
    if (correction.empty() || correction.freq.size() != correction.db.size())
        throw Error("FIR design: the correction curve '" + correction.name + "' is empty or malformed");
    if (!(settings.fs >= 8000.0 && settings.fs <= 768000.0))
        throw Error("FIR design: sample rate " + std::to_string(settings.fs) + " Hz is outside 8 kHz..768 kHz");
    int n = settings.taps == 0 ? defaultFirLength(settings.fs) : settings.taps;
    if (n < 16 || n > (1 << 20))
        throw Error("FIR design: " + std::to_string(n) + " taps requested, 16..1048576 supported");
    if (settings.phase == FirPhase::Linear && n % 2 == 0)
        ++n;  // odd, so the delay (N-1)/2 is a whole number of samples

    const std::size_t m = designGridSize(n), half = m / 2;
    std::vector<double> mag(half + 1);
    for (std::size_t k = 0; k <= half; ++k) {
        const double f = std::max(static_cast<double>(k) * settings.fs / static_cast<double>(m), correction.freq.front());
        mag[k] = std::pow(10.0, levelAt(correction, f) / 20.0);
    }

    FirKernel out;
    out.fs = settings.fs;
    out.phase = settings.phase;
    out.latencySamples = settings.phase == FirPhase::Minimum ? 0 : (n - 1) / 2;  // exact: n is odd
    // Truncation and windowing smear the response by about fs/N in frequency, which shows near
    // 20 Hz where corrections change within a few Hz. A few rounds of iterative pre-compensation
    // (realise, measure on the design grid, divide the request by the realised/requested ratio)
    // recover most of it without lengthening the kernel.
    std::vector<double> request = mag;
    for (int round = 0;; ++round) {
        out.taps = realiseKernel(request, n, settings.phase, m);
        if (round == kRefinementRounds)
            break;
        std::vector<double> padded(m, 0.0);
        std::copy(out.taps.begin(), out.taps.end(), padded.begin());
        const auto realised = forwardRealFft(padded);
        for (std::size_t k = 0; k <= half; ++k) {
            const double ratio = mag[k] / std::max(std::abs(realised[k]), 1e-10);
            request[k] *= std::clamp(ratio, 0.5, 2.0);  // at most 6 dB per round: stays stable
        }
    }
    // No rescaling afterwards: the refinement already matches the request (DC included), and
    // scaling the kernel to hit DC exactly would shift the whole response by the window's
    // small DC error (0.24 dB measured), i.e. add a level offset everywhere else.
    return out;
}

namespace {

template <typename Sample>
double magnitudeDbOf(const std::vector<Sample>& taps, double f, double fs)
{
    const std::complex<double> step = std::polar(1.0, -2.0 * std::numbers::pi * f / fs);
    std::complex<double> z = 1.0, acc = 0.0;
    for (std::size_t i = 0; i < taps.size(); ++i) {
        acc += static_cast<double>(taps[i]) * z;
        z *= step;
        if ((i & 1023) == 1023)  // renormalise the rotation now and then against drift
            z /= std::abs(z);
    }
    return 20.0 * std::log10(std::max(std::abs(acc), 1e-300));
}

} // namespace

double firMagnitudeDb(const std::vector<double>& taps, double f, double fs) { return magnitudeDbOf(taps, f, fs); }
double firMagnitudeDb(const std::vector<float>& taps, double f, double fs) { return magnitudeDbOf(taps, f, fs); }

} // namespace iemeq
