// A sine through the cascade comes out with the gain the design predicts.
#include "dsp/design/PeqDesign.h"
#include "dsp/engine/BiquadCascade.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

using namespace iemeq;

static double sineGainDb(BiquadCascade& cascade, double hz, double fs, int blockSize)
{
    const int n = static_cast<int>(fs);  // one second: the filter settles, then we measure
    std::vector<float> l(n), r(n);
    for (int i = 0; i < n; ++i)
        l[i] = r[i] = static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * hz * i / fs));
    for (int i = 0; i < n; i += blockSize) {
        float* ch[2] = { l.data() + i, r.data() + i };
        cascade.process(ch, 2, std::min(blockSize, n - i));
    }
    double ss = 0;
    for (int i = n / 2; i < n; ++i)
        ss += double(l[i]) * l[i];
    const double rms = std::sqrt(ss / (n - n / 2));
    return 20 * std::log10(rms / (0.5 / std::sqrt(2.0)));
}

TEST_CASE("Biquad cascade: sine gain equals the analytic response", "[engine]")
{
    const std::vector<PeqFilter> filters { { FilterType::LowShelf, 105, 6, 0.7 },
                                           { FilterType::Peaking, 3000, -4, 2 },
                                           { FilterType::HighShelf, 10000, 3, 0.7 } };
    for (double fs : { 44100.0, 96000.0 }) {
        std::vector<BiquadCoeffs> c;
        for (auto& f : filters)
            c.push_back(rbjCoefficients(f, fs));
        for (double hz : { 50.0, 1000.0, 3000.0, 12000.0 }) {
            BiquadCascade cascade;
            cascade.setSections(c.data(), static_cast<int>(c.size()), -1, true);
            CHECK(sineGainDb(cascade, hz, fs, 97) == Approx(eqResponseDb(filters, hz, fs)).margin(0.02));
        }
    }
}

TEST_CASE("Biquad cascade: stereo processed together equals each channel alone, bit for bit", "[engine]")
{
    std::vector<BiquadCoeffs> a, b;
    for (int s = 0; s < 12; ++s) {
        a.push_back(rbjCoefficients({ FilterType::Peaking, 50.0 * std::pow(1.5, s), s % 2 ? 4.0 : -3.0, 1.2 }, 48000));
        b.push_back(rbjCoefficients({ FilterType::Peaking, 70.0 * std::pow(1.4, s), s % 2 ? -2.0 : 5.0, 0.9 }, 48000));
    }
    BiquadCascade stereo, left, right;
    stereo.setSections(a.data(), 12, 0, true);
    stereo.setSections(b.data(), 12, 1, true);
    left.setSections(a.data(), 12, -1, true);
    right.setSections(b.data(), 12, -1, true);
    std::vector<float> l(9000), r(9000);
    for (std::size_t i = 0; i < l.size(); ++i) {
        l[i] = static_cast<float>(std::sin(0.01 * i) * 0.3);
        r[i] = static_cast<float>(std::cos(0.037 * i) * 0.2);
    }
    auto l1 = l, r1 = r;
    for (std::size_t i = 0; i < l.size(); i += 300) {
        if (i == 3000) {  // a ramped change in the middle, on both paths
            stereo.setSections(b.data(), 12, 0);
            left.setSections(b.data(), 12, -1);
        }
        float* st[2] = { l.data() + i, r.data() + i };
        stereo.process(st, 2, 300);
        float* pl[1] = { l1.data() + i };
        float* pr[1] = { r1.data() + i };
        left.process(pl, 1, 300);
        right.process(pr, 1, 300);
    }
    CHECK(l == l1);
    CHECK(r == r1);
}

TEST_CASE("Biquad cascade: a coefficient change is ramped without a click", "[engine]")
{
    const double fs = 48000, hz = 1000;
    const auto flat = rbjCoefficients({ FilterType::Peaking, 1000, 0.0, 1.0 }, fs);
    const auto boost = rbjCoefficients({ FilterType::Peaking, 1000, 12.0, 1.0 }, fs);
    auto maxStep = [&](bool ramped) {  // steepest output step, final level in dB
        BiquadCascade c;
        c.setRampLength(ramped ? 1440 : 0);  // 30 ms
        c.setSections(&flat, 1, -1, true);
        std::vector<float> x(24000);
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] = static_cast<float>(0.1 * std::sin(2 * 3.141592653589793 * hz * static_cast<double>(i) / fs + 0.3));
        for (std::size_t i = 0; i < x.size(); i += 64) {
            if (i == 4992)
                c.setSections(&boost, 1);
            float* ch[1] = { x.data() + i };
            c.process(ch, 1, 64);
        }
        double worst = 0, peakAfter = 0;
        for (std::size_t i = 4993; i < 12000; ++i)
            worst = std::max(worst, std::abs(double(x[i]) - x[i - 1]));
        for (std::size_t i = 20000; i < x.size(); ++i)
            peakAfter = std::max(peakAfter, std::abs(double(x[i])));
        return std::pair { worst, 20 * std::log10(peakAfter / 0.1) };
    };
    // The steepest step of the boosted sine (+12 dB) is 0.1 * 10^(12/20) * 2 pi f / fs.
    const double steady = 0.1 * std::pow(10.0, 12.0 / 20.0) * 2 * 3.141592653589793 * hz / fs;
    const auto [step, levelDb] = maxStep(true);
    CHECK(step < 1.02 * steady);                       // never steeper than the new steady state
    CHECK(levelDb == Approx(12.0).margin(0.05));       // and it did arrive at +12 dB
}

TEST_CASE("Biquad cascade: a decaying tail ends in exact zeros (no denormals)", "[engine]")
{
    const auto lowShelf = rbjCoefficients({ FilterType::LowShelf, 30, 10.0, 0.7 }, 48000);
    BiquadCascade c;
    c.setSections(&lowShelf, 1, -1, true);
    std::vector<float> x(96000, 0.0f);
    x[0] = 1.0f;
    for (std::size_t i = 0; i < x.size(); i += 512) {
        float* ch[1] = { x.data() + i };
        c.process(ch, 1, static_cast<int>(std::min<std::size_t>(512, x.size() - i)));
    }
    for (std::size_t i = 90000; i < x.size(); ++i)
        REQUIRE(x[i] == 0.0f);
}
