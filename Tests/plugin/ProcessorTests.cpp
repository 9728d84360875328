// The processor in-process: a sine through processBlock comes out with the designed gain, and
// saved state reopens to identical output.
#include "TestData.h"
#include "dsp/design/PeqDesign.h"
#include "dsp/io/CurveReader.h"
#include "plugin/core/DesignJob.h"
#include "plugin/PluginProcessor.h"

#include "PluginTestMaterial.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

void juceRuntime() {}  // JUCE's runtime is set up by PluginMain.cpp

// Steady-state gain (dB) of a sine at `hz` through the processor, in blocks of `block`.
double sineGainDb(IemeqProcessor& p, double fs, double hz, int block)
{
    const int n = static_cast<int>(fs * 0.6);
    juce::AudioBuffer<float> buf(2, n);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < 2; ++c)
            buf.setSample(c, i, static_cast<float>(0.25 * std::sin(2 * std::numbers::pi * hz * i / fs)));
    juce::MidiBuffer midi;
    for (int i = 0; i < n; i += block) {
        const int len = std::min(block, n - i);
        juce::AudioBuffer<float> view(buf.getArrayOfWritePointers(), 2, i, len);
        p.processBlock(view, midi);
    }
    double ss = 0;
    const int start = n / 2;
    for (int i = start; i < n; ++i)
        ss += double(buf.getSample(0, i)) * buf.getSample(0, i);
    return 20 * std::log10(std::sqrt(ss / (n - start)) / (0.25 / std::sqrt(2.0)));
}

} // namespace

TEST_CASE("A sine through processBlock has the gain the design predicts", "[plugin]")
{
    juceRuntime();
    for (double fs : { 44100.0, 96000.0 }) {
        IemeqProcessor p;
        p.setInputs(test::ew200ToHarman());
        p.prepareToPlay(fs, 512);
        const auto d = p.latestDesign();
        REQUIRE(d != nullptr);
        REQUIRE(d->correction != nullptr);
        REQUIRE(d->correction->perChannel.size() == 1);
        const auto& filters = d->correction->perChannel.front().filters;
        REQUIRE(filters.size() == 10);
        CHECK(d->correction->rmsAfterDb < d->correction->rmsBeforeDb * 0.5);
        for (double hz : { 40.0, 300.0, 1000.0, 3000.0, 6000.0 }) {
            const double expected = eqResponseDb(filters, hz, fs) + d->preampDb;
            CHECK(sineGainDb(p, fs, hz, 256) == Approx(expected).margin(0.1));
        }
    }
}

TEST_CASE("Correction off plays at the loudness-matched level", "[plugin]")
{
    juceRuntime();
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    p.prepareToPlay(48000.0, 512);
    p.parameters().getParameter(ParamID::correction)->setValueNotifyingHost(0.0f);
    const auto d = p.latestDesign();
    CHECK(sineGainDb(p, 48000.0, 1000.0, 300) == Approx(d->loudnessMatchDb).margin(0.05));
}

TEST_CASE("State save and restore reproduces the output exactly", "[plugin][state]")
{
    juceRuntime();
    IemeqProcessor a;
    a.setInputs(test::ew200ToHarman());
    a.parameters().getParameter(ParamID::bass)->setValueNotifyingHost(
        a.parameters().getParameter(ParamID::bass)->convertTo0to1(3.0f));
    a.prepareToPlay(48000.0, 512);
    juce::MemoryBlock state;
    a.getStateInformation(state);

    IemeqProcessor b;
    b.setStateInformation(state.getData(), static_cast<int>(state.getSize()));
    b.prepareToPlay(48000.0, 512);
    CHECK(b.statusMessage().isEmpty());
    CHECK(b.parameters().getRawParameterValue(ParamID::bass)->load() == Approx(3.0f));
    for (double hz : { 60.0, 2500.0 })
        CHECK(sineGainDb(a, 48000.0, hz, 128) == sineGainDb(b, 48000.0, hz, 128));
}

TEST_CASE("Corrupt, truncated and future-version state keeps the current settings", "[plugin][state]")
{
    juceRuntime();
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    juce::MemoryBlock good;
    p.getStateInformation(good);
    const std::string text(static_cast<const char*>(good.getData()), good.getSize());
    const std::string bad[] = { text.substr(0, text.size() / 2), "\x01\x02garbage",
                                "{\"format\":\"iemeq-plugin-state\",\"version\":99,\"parameters\":{}}",
                                "{\"format\":\"iemeq-plugin-state\",\"version\":1,\"parameters\":{\"bass\":\"x\"},\"measurement\":[]}" };
    for (const auto& b : bad) {
        p.setStateInformation(b.data(), static_cast<int>(b.size()));
        CHECK(p.statusMessage().contains("kept the current settings"));
        CHECK(p.inputs()->spec.measurement.size() == 2);
    }
}
