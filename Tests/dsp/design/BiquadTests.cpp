// The RBJ sections must do exactly what the cookbook (and Equalizer APO / AutoEq) says.
#include "dsp/design/Biquad.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace iemeq;

TEST_CASE("RBJ peaking and shelf gain at fc equals the requested gain", "[biquad]")
{
    for (double fs : { 44100.0, 48000.0, 96000.0, 192000.0 }) {
        for (double gain : { -12.0, -3.5, 2.0, 9.0 }) {
            const PeqFilter pk { FilterType::Peaking, 1000.0, gain, 1.41 };
            CHECK(magnitudeDb(rbjCoefficients(pk, fs), 1000.0, fs) == Approx(gain).margin(0.01));
            // Shelves reach the full gain far from the corner and half of it (in dB) at fc.
            const PeqFilter ls { FilterType::LowShelf, 105.0, gain, 0.7 };
            CHECK(magnitudeDb(rbjCoefficients(ls, fs), 105.0, fs) == Approx(gain / 2).margin(0.01));
            CHECK(magnitudeDb(rbjCoefficients(ls, fs), 5.0, fs) == Approx(gain).margin(0.05));
            const PeqFilter hs { FilterType::HighShelf, 4000.0, gain, 0.7 };
            CHECK(magnitudeDb(rbjCoefficients(hs, fs), 4000.0, fs) == Approx(gain / 2).margin(0.01));
            CHECK(magnitudeDb(rbjCoefficients(hs, fs), 15.0, fs) == Approx(0.0).margin(0.01));
        }
    }
}

TEST_CASE("Digital biquads follow the analog prototype well below Nyquist", "[biquad]")
{
    const PeqFilter pk { FilterType::Peaking, 2000.0, 6.0, 2.0 };
    for (double hz : { 100.0, 1000.0, 2000.0, 4000.0 })
        CHECK(magnitudeDb(rbjCoefficients(pk, 192000.0), hz, 192000.0) == Approx(analogMagnitudeDb(pk, hz)).margin(0.02));
}

TEST_CASE("Filter type names round-trip in APO spelling", "[biquad]")
{
    for (auto t : { FilterType::Peaking, FilterType::LowShelf, FilterType::HighShelf })
        CHECK(filterTypeFromName(apoName(t)) == t);
    CHECK(filterTypeFromName("peq") == FilterType::Peaking);
    CHECK(filterTypeFromName("HSQ") == FilterType::HighShelf);
    CHECK_THROWS_WITH(filterTypeFromName("BP"), Catch::Contains("unknown filter type 'BP'"));
}
