// FIR kernels exported as stereo WAV impulse responses read back sample-exact (float) or within
// one 24-bit step (PCM), with full-scale kernels attenuated by the reported gain.
#include "dsp/core/Error.h"
#include "dsp/design/FirDesigner.h"
#include "dsp/io/ImpulseResponseWav.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

using namespace iemeq;

namespace {
std::string tempPath(const std::string& name)
{
    return (std::filesystem::temp_directory_path() / ("iemeq_ir_" + name)).string();
}
}

TEST_CASE("IR export: stereo float and 24-bit WAV round-trip", "[io][fir]")
{
    FrequencyCurve c { { 20, 100, 1000, 10000 }, { 3.0, 1.0, 0.0, -2.0 }, "test" };
    FirSettings s;
    s.taps = 1023;  // odd: linear phase keeps it (an even length gets one tap more)
    const auto left = designFir(c, s).taps;
    s.phase = FirPhase::Linear;
    const auto right = designFir(c, s).taps;

    const auto pf = tempPath("float.wav");
    CHECK(writeImpulseResponseWav(pf, { left, right }, 48000, WavSampleFormat::Float32) == 0.0);
    const auto af = readWav(pf);
    REQUIRE(af.channels.size() == 2);
    REQUIRE(af.numFrames() == 1023);
    CHECK(af.sampleRate == 48000);
    for (std::size_t i = 0; i < 1023; ++i) {
        REQUIRE(af.channels[0][i] == static_cast<float>(left[i]));
        REQUIRE(af.channels[1][i] == static_cast<float>(right[i]));
    }

    const auto p24 = tempPath("pcm24.wav");
    const double g = writeImpulseResponseWav(p24, { left, right }, 96000, WavSampleFormat::Pcm24);
    const auto a24 = readWav(p24);
    REQUIRE(a24.channels.size() == 2);
    CHECK(a24.sampleRate == 96000);
    const double lin = std::pow(10.0, g / 20.0);
    double worst = 0;
    for (std::size_t i = 0; i < 1023; ++i) {
        worst = std::max(worst, std::abs(a24.channels[0][i] - left[i] * lin));
        worst = std::max(worst, std::abs(a24.channels[1][i] - right[i] * lin));
    }
    CHECK(worst <= 1.0 / 8388608.0);  // half a 24-bit step plus the float hand-over
    std::filesystem::remove(pf);
    std::filesystem::remove(p24);
}

TEST_CASE("IR export: mono kernel goes to both channels, full-scale kernels are attenuated for 24-bit", "[io][fir]")
{
    const std::vector<double> h { 1.5, -0.25, 0.125 };
    const auto p = tempPath("loud.wav");
    const double g = writeImpulseResponseWav(p, { h }, 44100, WavSampleFormat::Pcm24);
    CHECK(g == Approx(20 * std::log10((1.0 - 2.0 / 8388608.0) / 1.5)).margin(1e-9));
    const auto a = readWav(p);
    REQUIRE(a.channels.size() == 2);
    for (std::size_t i = 0; i < h.size(); ++i) {
        CHECK(a.channels[0][i] == a.channels[1][i]);
        CHECK(a.channels[0][i] == Approx(h[i] * std::pow(10.0, g / 20.0)).margin(1.0 / 8388608.0));
    }
    std::filesystem::remove(p);
    CHECK_THROWS_AS(writeImpulseResponseWav(p, {}, 48000), Error);
    CHECK_THROWS_AS(writeImpulseResponseWav(p, { {} }, 48000), Error);
    CHECK_THROWS_AS(writeImpulseResponseWav(p, { { NAN } }, 48000), Error);
}
