#pragma once
// Test signals and measurements shared by the plugin tests: exponential sine sweep, the transfer
// magnitude at a frequency (DTFT ratio of output and input, exact for a linear system when the
// output includes its tail), and a steep high-pass residual that exposes clicks.
#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace iemeq::test {

inline std::vector<float> logSweep(double fs, double seconds, double f0, double f1, double amplitude, double tailSeconds)
{
    const int n = static_cast<int>(fs * seconds);
    std::vector<float> x(static_cast<std::size_t>(n + static_cast<int>(fs * tailSeconds)), 0.0f);
    const double k = std::log(f1 / f0);
    for (int i = 0; i < n; ++i) {
        const double t = i / fs;
        const double fade = std::min({ 1.0, i / (0.01 * fs), (n - i) / (0.01 * fs) });  // no edge clicks
        x[static_cast<std::size_t>(i)] = static_cast<float>(amplitude * fade
                                                            * std::sin(2 * std::numbers::pi * f0 * seconds / k * (std::exp(t / seconds * k) - 1)));
    }
    return x;
}

inline std::complex<double> dtft(const std::vector<float>& x, double hz, double fs)
{
    // Rotating phasor, renormalised now and then: O(n) per frequency, double precision.
    const std::complex<double> step = std::polar(1.0, -2 * std::numbers::pi * hz / fs);
    std::complex<double> z = 1.0, acc = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        acc += static_cast<double>(x[i]) * z;
        z *= step;
        if ((i & 4095) == 4095)
            z /= std::abs(z);
    }
    return acc;
}

inline double transferDb(const std::vector<float>& in, const std::vector<float>& out, double hz, double fs)
{
    return 20 * std::log10(std::abs(dtft(out, hz, fs)) / std::abs(dtft(in, hz, fs)));
}

inline std::vector<float> sine(double fs, double hz, double amplitude, int n)
{
    std::vector<float> x(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        x[static_cast<std::size_t>(i)] = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * i / fs));
    return x;
}

// 8th-order Butterworth high-pass (four biquads) at `hz`, run forward; the largest |output|
// from sample `from` on. A sine far below `hz` leaves nothing; a click leaves a spike.
inline double highPassPeak(const std::vector<float>& x, double hz, double fs, std::size_t from)
{
    const double qs[] = { 0.50979558, 0.60134489, 0.89997622, 2.56291545 };
    std::vector<double> y(x.begin(), x.end());
    for (double q : qs) {
        const double w = 2 * std::numbers::pi * hz / fs, a = std::sin(w) / (2 * q), c = std::cos(w);
        const double a0 = 1 + a, b0 = (1 + c) / 2 / a0, b1 = -(1 + c) / a0, b2 = b0, a1 = -2 * c / a0, a2 = (1 - a) / a0;
        double s1 = 0, s2 = 0;
        for (double& v : y) {
            const double out = b0 * v + s1;
            s1 = b1 * v - a1 * out + s2;
            s2 = b2 * v - a2 * out;
            v = out;
        }
    }
    double peak = 0;
    for (std::size_t i = from; i < y.size(); ++i)
        peak = std::max(peak, std::abs(y[i]));
    return peak;
}

} // namespace iemeq::test
