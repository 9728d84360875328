// Automation of every parameter during playback: a low sine goes through while each parameter is
// stepped across its range; whatever the steps do to the tone, nothing may click. A click is
// broadband, so it shows up above a steep 3 kHz high-pass that removes the 220 Hz sine itself
// by more than 150 dB; the residual must stay below -60 dBFS.
#include "TestData.h"
#include "host/Signals.h"
#include "dsp/io/CurveReader.h"
#include "plugin/PluginProcessor.h"

#include "PluginTestMaterial.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

// Renders a 220 Hz sine at -6 dBFS while `id` steps through `values` (normalised), one step
// every 0.25 s; returns the high-pass residual peak in dBFS.
double clickResidualDb(const char* id, const std::vector<float>& values, double fs)
{
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    p.prepareToPlay(fs, 256);
    auto* param = p.parameters().getParameter(id);
    const int step = static_cast<int>(fs * 0.25);
    const int n = step * static_cast<int>(values.size() + 1);
    auto x = test::sine(fs, 220.0, 0.5, n);
    juce::MidiBuffer midi;
    std::size_t next = 0;
    for (int i = 0; i < n; i += 256) {
        if (i >= step * static_cast<int>(next + 1) && next < values.size()) {
            param->setValueNotifyingHost(values[next++]);
            p.waitForDesign(5000);  // the new design lands at the next block, as it would ~20 ms later live
        }
        const int len = std::min(256, n - i);
        float* ch[2] = { x.data() + i, nullptr };
        std::vector<float> right(x.begin() + i, x.begin() + i + len);
        ch[1] = right.data();
        juce::AudioBuffer<float> view(ch, 2, len);
        p.processBlock(view, midi);
    }
    const double peak = test::highPassPeak(x, 3000.0, fs, static_cast<std::size_t>(fs * 0.1));
    return 20.0 * std::log10(std::max(peak, 1e-12));
}

} // namespace

TEST_CASE("Automating any parameter during playback produces no click above -60 dBFS", "[plugin][automation][heavy]")
{
    const std::vector<float> sweep { 1.0f, 0.0f, 0.5f, 0.8f, 0.2f, 1.0f, 0.0f };
    const std::vector<float> toggles { 0.0f, 1.0f, 0.0f, 1.0f };
    const std::vector<float> modes { 0.5f, 1.0f, 0.0f, 1.0f, 0.5f, 0.0f };  // PEQ, FIR min, FIR linear
    const std::pair<const char*, const std::vector<float>*> cases[] = {
        { ParamID::correction, &toggles }, { ParamID::mode, &modes },   { ParamID::amount, &sweep },
        { ParamID::bass, &sweep },         { ParamID::tilt, &sweep },   { ParamID::treble, &sweep },
        { ParamID::earGain, &sweep },      { ParamID::autoPreamp, &toggles }, { ParamID::outputGain, &sweep },
        { ParamID::channelMode, &toggles },
    };
    for (const auto& [id, values] : cases) {
        const double db = clickResidualDb(id, *values, 48000.0);
        INFO(id << ": high-pass residual " << db << " dBFS");
        CHECK(db < -60.0);
    }
}
