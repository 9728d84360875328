// The designer's fast response and its exact derivatives against the reference biquad code and
// against finite differences.
#include "dsp/design/PeqJacobian.h"
#include "dsp/curve/LogGrid.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;

TEST_CASE("Fast grid response equals the cookbook biquad's magnitude", "[design][jacobian]")
{
    const auto freq = makeLogGrid(20.0, 20000.0, 24.0);
    for (double fs : { 44100.0, 48000.0, 192000.0 }) {
        const ResponseGrid g = makeResponseGrid(freq, fs);
        for (const PeqFilter f : { PeqFilter { FilterType::Peaking, 1000.0, 6.0, 2.0 }, PeqFilter { FilterType::LowShelf, 105.0, 7.4, 0.7 },
                                   PeqFilter { FilterType::HighShelf, 10000.0, -4.0, 0.7 }, PeqFilter { FilterType::Peaking, 25.0, -10.0, 0.3 } }) {
            std::vector<double> db(freq.size());
            biquadDbOnGrid(f, g, db.data());
            double worst = 0.0;
            for (std::size_t i = 0; i < freq.size(); ++i)
                worst = std::max(worst, std::abs(db[i] - magnitudeDb(rbjCoefficients(f, fs), freq[i], fs)));
            INFO(apoName(f.type) << " " << f.fc << " Hz at " << fs);
            CHECK(worst < 1e-6);
        }
    }
}

TEST_CASE("Analytic derivatives match central differences", "[design][jacobian]")
{
    const auto freq = makeLogGrid(20.0, 20000.0, 12.0);
    const ResponseGrid g = makeResponseGrid(freq, 48000.0);
    const std::size_t n = freq.size();
    for (const PeqFilter f : { PeqFilter { FilterType::Peaking, 2500.0, 4.0, 1.5 }, PeqFilter { FilterType::LowShelf, 150.0, -5.0, 0.8 },
                               PeqFilter { FilterType::HighShelf, 6000.0, 3.0, 0.6 } }) {
        std::vector<double> db(n), dFc(n), dQ(n), dG(n), up(n), dn(n);
        biquadDbOnGrid(f, g, db.data(), dFc.data(), dQ.data(), dG.data());
        const double h = 1e-5;
        double worst = 0.0;
        for (int kind = 0; kind < 3; ++kind) {
            PeqFilter a = f, b = f;
            if (kind == 0) { a.fc *= std::exp(h); b.fc *= std::exp(-h); }
            if (kind == 1) { a.q *= std::exp(h); b.q *= std::exp(-h); }
            if (kind == 2) { a.gainDb += h; b.gainDb -= h; }
            biquadDbOnGrid(a, g, up.data());
            biquadDbOnGrid(b, g, dn.data());
            const std::vector<double>& an = kind == 0 ? dFc : kind == 1 ? dQ : dG;
            for (std::size_t i = 0; i < n; ++i)
                worst = std::max(worst, std::abs((up[i] - dn[i]) / (2.0 * h) - an[i]));
        }
        INFO(apoName(f.type));
        CHECK(worst < 1e-4);
    }
}
