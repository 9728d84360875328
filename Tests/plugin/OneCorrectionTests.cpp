// Issue 12, plugin side: one correction. The same CorrectionSpec (FA7, whose L and R differ, to
// Harman in-ear 2019), linked and separate, parametric, FIR minimum and linear phase and a
// device profile, at 44.1, 48 and 96 kHz:
//  - the processor (loadSpec, as the editor loads a preset) realises bit-identical filters and
//    kernels to designCorrection(spec, fs), the function `iemeq design|render` call;
//  - processBlock plays bit-identical samples to renderCorrection (what `iemeq render` runs) and
//    to the built `iemeq render` itself (linear phase aligned by its reported latency);
//  - the preset the editor would save from that design passes `iemeq preset show --check`,
//    reloads to the same correction, and a separate-mode preset brings both channels back into a
//    fresh processor.
#include "TestData.h"
#include "PluginCli.h"
#include "host/Signals.h"

#include "dsp/design/DeviceProfile.h"
#include "dsp/io/CurveReader.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/Preset.h"
#include "plugin/PluginProcessor.h"
#include "plugin/core/CorrectionRender.h"
#include "plugin/core/DesignJob.h"

#include <catch2/catch.hpp>
#include <random>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

enum class Variant { Parametric, FirMinimum, FirLinear, Device };

const char* variantName(Variant v)
{
    switch (v) {
    case Variant::Parametric: return "parametric";
    case Variant::FirMinimum: return "fir-min";
    case Variant::FirLinear: return "fir-lin";
    case Variant::Device: return "device qudelix-5k";
    }
    return "?";
}

CorrectionSpec fa7Spec(Variant v, bool separate)
{
    CorrectionSpec spec;
    spec.measurement = { readCurveFile(test::dataPath("measurements/antdroid/FA7 L.txt")),
                         readCurveFile(test::dataPath("measurements/antdroid/FA7 R.txt")) };
    spec.iemName = "FA7";
    spec.measurementSource = "antdroid";
    spec.target = readCurveFile(test::repoPath("Targets/Harman in-ear 2019 v2.csv"));
    spec.targetName = "Harman in-ear 2019 v2";
    spec.channels = separate ? ChannelMode::Separate : ChannelMode::Average;
    spec.mode = v == Variant::FirMinimum ? CorrectionMode::FirMinimumPhase
              : v == Variant::FirLinear  ? CorrectionMode::FirLinearPhase
                                         : CorrectionMode::Parametric;
    if (v == Variant::Device) {
        spec.peq.device = loadDeviceProfile(test::repoPath("Presets/devices/qudelix-5k.json"));
        // Settings a user would type into the CLI (`--amount 90 --bass 1.3 --treble-gain -2.5`): the
        // plugin's parameters must give back exactly these values.
        spec.amount = 0.9;
        spec.adjustments.bassGainDb = 1.3;
        spec.adjustments.trebleGainDb = -2.5;
    }
    return spec;
}

// Everything that plays, bit for bit: filters, kernels, preamp, latency (and the drawn EQ).
void checkSameCorrection(const Correction& got, const Correction& want)
{
    CHECK(got.fs == want.fs);
    CHECK(got.mode == want.mode);
    CHECK(got.channels == want.channels);
    CHECK(got.preampDb == want.preampDb);
    CHECK(got.latencySamples == want.latencySamples);
    REQUIRE(got.perChannel.size() == want.perChannel.size());
    for (std::size_t c = 0; c < want.perChannel.size(); ++c) {
        INFO("channel " << c);
        CHECK(got.perChannel[c].filters == want.perChannel[c].filters);
        CHECK(got.perChannel[c].firTaps == want.perChannel[c].firTaps);
        CHECK(got.perChannel[c].eq.db == want.perChannel[c].eq.db);
    }
}

// The spec as a preset stores it: two specs are the same when they serialise the same.
std::string specText(const CorrectionSpec& spec, const Correction& c) { return presetToJson(makePreset(spec, c, "spec")); }

// Stereo test signal: a log sweep left, noise right (so both channels' corrections are heard).
AudioData testSignal(double fs)
{
    AudioData a;
    a.sampleRate = fs;
    a.channels.push_back(test::logSweep(fs, 0.25, 20.0, 0.45 * fs, 0.25, 0.05));
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-0.1f, 0.1f);
    a.channels.emplace_back(a.channels[0].size());
    for (auto& v : a.channels[1])
        v = u(rng);
    return a;
}

// processBlock in 512-sample blocks over the signal plus `latency` samples of silence; the
// output from `latency` on (what lines up with the input).
std::vector<std::vector<float>> playThroughProcessor(IemeqProcessor& p, const AudioData& in, int latency)
{
    const int n = static_cast<int>(in.numFrames()) + latency;
    juce::AudioBuffer<float> buf(2, n);
    buf.clear();
    for (int c = 0; c < 2; ++c)
        buf.copyFrom(c, 0, in.channels[static_cast<std::size_t>(c)].data(), static_cast<int>(in.numFrames()));
    juce::MidiBuffer midi;
    for (int i = 0; i < n; i += 512) {
        juce::AudioBuffer<float> view(buf.getArrayOfWritePointers(), 2, i, std::min(512, n - i));
        p.processBlock(view, midi);
    }
    std::vector<std::vector<float>> out(2);
    for (int c = 0; c < 2; ++c)
        out[static_cast<std::size_t>(c)].assign(buf.getReadPointer(c) + latency, buf.getReadPointer(c) + n);
    return out;
}

// Counts samples that differ at all; the largest difference goes to `worst`.
std::size_t differingSamples(const std::vector<std::vector<float>>& a, const std::vector<std::vector<float>>& b, float& worst)
{
    std::size_t differing = 0;
    worst = 0.0f;
    REQUIRE(a.size() == b.size());
    for (std::size_t c = 0; c < a.size(); ++c) {
        REQUIRE(a[c].size() == b[c].size());
        for (std::size_t i = 0; i < a[c].size(); ++i)
            if (a[c][i] != b[c][i]) {
                ++differing;
                worst = std::max(worst, std::abs(a[c][i] - b[c][i]));
            }
    }
    return differing;
}

void oneCorrection(Variant v, bool separate, double fs)
{
    INFO(variantName(v) << (separate ? ", separate" : ", linked") << ", " << fs << " Hz");
    const CorrectionSpec spec = fa7Spec(v, separate);
    const Correction want = designCorrection(spec, fs);  // what `iemeq design` / `iemeq render` design
    REQUIRE(want.perChannel.size() == (separate ? 2u : 1u));
    if (separate) {  // FA7's channels differ, so must their corrections
        const auto& l = want.perChannel[0];
        const auto& r = want.perChannel[1];
        CHECK((l.filters != r.filters || l.firTaps != r.firTaps));
    }

    // The processor, playing, loads the spec as the editor loads a preset.
    IemeqProcessor p;
    p.prepareToPlay(fs, 512);
    p.loadSpec(spec);
    REQUIRE(p.waitForDesign(60000));
    auto d = p.latestDesign();
    REQUIRE(d != nullptr);
    INFO("design message: " << d->message);
    REQUIRE(d->correction != nullptr);
    REQUIRE(d->spec != nullptr);
    CHECK(d->sampleRate == fs);
    CHECK(specText(*d->spec, want) == specText(spec, want));  // the parameters gave back the spec exactly
    checkSameCorrection(*d->correction, want);
    // What the engine was handed is that correction.
    const DesignResult realised = realise(want);
    CHECK(d->fir == realised.fir);
    CHECK(d->firTaps == realised.firTaps);
    CHECK(d->numSections == realised.numSections);
    CHECK(d->sections == realised.sections);

    // Playback starts (the host prepares again): the first block already plays this correction.
    p.prepareToPlay(fs, 512);
    d = p.latestDesign();
    REQUIRE(d->correction != nullptr);
    checkSameCorrection(*d->correction, want);
    const int latency = want.mode == CorrectionMode::FirLinearPhase ? want.latencySamples : 0;
    CHECK(p.getLatencySamples() == latency);
    const AudioData input = testSignal(fs);
    const auto played = playThroughProcessor(p, input, latency);

    AudioData rendered = input;
    renderCorrection(rendered, want, 512);
    float worst = 0.0f;
    const std::size_t differing = differingSamples(played, rendered.channels, worst);
    INFO("processBlock vs renderCorrection: " << differing << " samples differ, largest " << worst);
    CHECK(differing == 0);

    // The preset the editor saves from this design.
    test::ScratchFolder dir;
    const std::string presetPath = dir.file("saved.json");
    savePresetFile(presetPath, makePreset(*d->spec, *d->correction, "FA7 saved in the plugin"));
    const auto check = test::runIemeq("preset show --check " + test::shellQuoted(presetPath));
    INFO("iemeq preset show --check:\n" << check.out);
    CHECK(check.exitCode == 0);
    CHECK(check.out.find("re-design from the preset's spec: identical") != std::string::npos);

    // `iemeq render` of that preset plays what the plugin played.
    writeWav(dir.file("in.wav"), input, WavSampleFormat::Float32);
    const auto run = test::runIemeq("render --preset " + test::shellQuoted(presetPath) + " " + test::shellQuoted(dir.file("in.wav"))
                                    + " " + test::shellQuoted(dir.file("out.wav")));
    INFO("iemeq render:\n" << run.out);
    REQUIRE(run.exitCode == 0);
    const AudioData byCli = readWav(dir.file("out.wav"));
    const std::size_t cliDiffering = differingSamples(played, byCli.channels, worst);
    INFO("processBlock vs iemeq render: " << cliDiffering << " samples differ, largest " << worst);
    CHECK(cliDiffering == 0);

    // Reloading the preset designs the same correction; its stored result is that correction's.
    const Preset loaded = loadPresetFile(presetPath);
    CHECK(loaded.result == resultOf(want));
    CHECK(specText(loaded.spec, want) == specText(spec, want));
    checkSameCorrection(designCorrection(loaded.spec, fs), want);
    if (separate) {
        if (!spec.fir()) {
            REQUIRE(loaded.result.filters.size() == 2);
            CHECK(loaded.result.filters[0] == want.perChannel[0].filters);
            CHECK(loaded.result.filters[1] == want.perChannel[1].filters);
        }
        // Both channels come back in a fresh processor (a session opened later, another machine).
        IemeqProcessor fresh;
        fresh.loadSpec(loaded.spec);
        fresh.prepareToPlay(fs, 512);
        const auto again = fresh.latestDesign();
        REQUIRE(again != nullptr);
        REQUIRE(again->correction != nullptr);
        CHECK(fresh.currentSettings().separateChannels);
        checkSameCorrection(*again->correction, want);
        const auto replayed = playThroughProcessor(fresh, input, latency);
        CHECK(differingSamples(replayed, played, worst) == 0);
    }
}

void allRatesAndChannels(Variant v)
{
    for (bool separate : { false, true })
        for (double fs : { 44100.0, 48000.0, 96000.0 })
            oneCorrection(v, separate, fs);
}

} // namespace

TEST_CASE("A loaded spec's exact values are designed until the user moves a parameter", "[plugin][one]")
{
    CorrectionSpec spec = fa7Spec(Variant::Parametric, false);
    spec.adjustments.bassGainDb = 1.3;   // the float parameter holds 1.3000001907
    spec.adjustments.earGainDb = 1.26;  // the 0.1 dB parameter shows 1.3
    spec.amount = 0.9;
    IemeqProcessor p;
    p.loadSpec(spec);
    p.prepareToPlay(48000.0, 512);
    REQUIRE(p.latestDesign()->spec != nullptr);
    CHECK(p.latestDesign()->spec->adjustments.bassGainDb == 1.3);
    CHECK(p.latestDesign()->spec->adjustments.earGainDb == 1.26);
    CHECK(p.latestDesign()->spec->amount == 0.9);
    // One step on each knob: the parameters' values are designed from then on.
    auto set = [&p](const char* id, float plain) {
        auto* param = p.parameters().getParameter(id);
        param->setValueNotifyingHost(param->convertTo0to1(plain));
    };
    set(ParamID::bass, 1.4f);
    set(ParamID::earGain, 1.2f);
    set(ParamID::amount, 89.0f);
    REQUIRE(p.waitForDesign(60000));
    const auto moved = p.latestDesign()->spec;
    REQUIRE(moved != nullptr);
    CHECK(moved->adjustments.bassGainDb == Approx(1.4).margin(1e-5));
    CHECK(moved->adjustments.earGainDb == Approx(1.2).margin(1e-5));
    CHECK(moved->amount == Approx(0.89).margin(1e-9));
}

TEST_CASE("One correction: parametric, plugin = designCorrection = iemeq render = reloaded preset", "[plugin][one][heavy]")
{
    allRatesAndChannels(Variant::Parametric);
}

TEST_CASE("One correction: FIR minimum phase, plugin = designCorrection = iemeq render = reloaded preset", "[plugin][one][heavy]")
{
    allRatesAndChannels(Variant::FirMinimum);
}

TEST_CASE("One correction: FIR linear phase, plugin = designCorrection = iemeq render = reloaded preset", "[plugin][one]")
{
    allRatesAndChannels(Variant::FirLinear);
}

TEST_CASE("One correction: a device profile with adjustments, plugin = designCorrection = iemeq render = reloaded preset",
          "[plugin][one][heavy]")
{
    allRatesAndChannels(Variant::Device);
}

TEST_CASE("One correction: the editor's treble policy designs what the CLI designs with --treble, and the session keeps it",
          "[plugin][correction][treble]")
{
    const double fs = 48000.0;
    for (const auto policy : { TreblePolicy::Fit, TreblePolicy::Off, TreblePolicy::Smooth }) {
        INFO(treblePolicyName(policy));
        IemeqProcessor p;
        p.prepareToPlay(fs, 512);
        p.loadSpec(fa7Spec(Variant::Parametric, false));
        REQUIRE(p.waitForDesign(60000));
        p.setTreblePolicy(policy);
        REQUIRE(p.waitForDesign(60000));
        CHECK(p.treblePolicy() == policy);
        auto d = p.latestDesign();
        REQUIRE(d->correction != nullptr);
        CorrectionSpec want = fa7Spec(Variant::Parametric, false);
        want.peq.treble = policy;
        checkSameCorrection(*d->correction, designCorrection(want, fs));

        // Saved with the session, restored into a fresh instance: the same policy and correction.
        juce::MemoryBlock saved;
        p.getStateInformation(saved);
        IemeqProcessor q;
        q.prepareToPlay(fs, 512);
        q.setStateInformation(saved.getData(), static_cast<int>(saved.getSize()));
        REQUIRE(q.waitForDesign(60000));
        CHECK(q.treblePolicy() == policy);
        REQUIRE(q.latestDesign()->correction != nullptr);
        checkSameCorrection(*q.latestDesign()->correction, *d->correction);
    }
}
