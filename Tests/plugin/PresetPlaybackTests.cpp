// A shipped preset loaded into the plugin (as the editor loads one: its whole spec) plays the
// same samples, bit for bit, as `iemeq render --preset` of the same file, on the host-test
// fixture input documented in Presets/README.md.
#include "TestData.h"
#include "PluginCli.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/Preset.h"
#include "plugin/PluginProcessor.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>

using namespace iemeq;
using namespace iemeq::plugin;

TEST_CASE("A shipped preset in the plugin plays the same samples as iemeq render", "[plugin][preset]")
{
    const std::string path = test::repoPath("Presets/harman-in-ear-2019/Simgot EW200.json");
    const Preset preset = loadPresetFile(path);
    REQUIRE(preset.spec.designable());

    // Fixture: 48 kHz, 4800 frames, left a unit impulse, right a 1 kHz sine of amplitude 0.25.
    const int n = 4800;
    AudioData audio;
    audio.sampleRate = 48000.0;
    audio.channels.assign(2, std::vector<float>(n, 0.0f));
    audio.channels[0][0] = 1.0f;
    for (int i = 0; i < n; ++i)
        audio.channels[1][static_cast<std::size_t>(i)] = static_cast<float>(0.25 * std::sin(2 * std::numbers::pi * 1000.0 * i / 48000.0));
    test::ScratchFolder dir;
    writeWav(dir.file("in.wav"), audio, WavSampleFormat::Float32);

    // The plugin, as the editor loads a preset: the whole spec, its parameters included.
    IemeqProcessor p;
    p.loadSpec(preset.spec);
    p.prepareToPlay(48000.0, 512);
    const auto d = p.latestDesign();
    REQUIRE(d != nullptr);
    REQUIRE(d->correction != nullptr);
    REQUIRE(d->correction->perChannel.size() == 1);
    const Correction byCli = designCorrection(preset.spec, 48000.0);
    CHECK(d->correction->perChannel[0].filters == byCli.perChannel[0].filters);
    CHECK(d->preampDb == byCli.preampDb);

    juce::AudioBuffer<float> buf(2, n);
    for (int c = 0; c < 2; ++c)
        buf.copyFrom(c, 0, audio.channels[static_cast<std::size_t>(c)].data(), n);
    juce::MidiBuffer midi;
    for (int i = 0; i < n; i += 512) {
        juce::AudioBuffer<float> view(buf.getArrayOfWritePointers(), 2, i, std::min(512, n - i));
        p.processBlock(view, midi);
    }

    const auto run = test::runIemeq("render --preset " + test::shellQuoted(path) + " " + test::shellQuoted(dir.file("in.wav"))
                                    + " " + test::shellQuoted(dir.file("out.wav")));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    const AudioData rendered = readWav(dir.file("out.wav"));
    REQUIRE(rendered.channels.size() == 2);
    REQUIRE(rendered.numFrames() == static_cast<std::size_t>(n));
    double worst = 0.0;
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < n; ++i)
            worst = std::max(worst, std::abs(double(buf.getSample(c, i)) - rendered.channels[static_cast<std::size_t>(c)][static_cast<std::size_t>(i)]));
    INFO("largest sample difference plugin vs iemeq render: " << worst);
    CHECK(worst == 0.0);
}
