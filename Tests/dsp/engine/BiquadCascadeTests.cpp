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
