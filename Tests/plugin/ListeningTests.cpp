// Issue 16, phase 2: honest listening through the processor itself (processBlock).
//   Loudness: the corrected and the original side play equally loud in BS.1770 after 3 s of
//   programme (live match in a DAW; the whole-track analysis in the standalone player), and an
//   audible trim never moves faster than 0.5 dB/s.
//   Blind comparison: during a trial the output is the offline render of the side X is, sample
//   for sample outside the crossfades; every switch fades the same; both sides have the same
//   latency when one is a linear-phase FIR (impulse test).
#include "TestData.h"
#include "dsp/listening/ListeningPrograms.h"

#include "dsp/io/CurveReader.h"
#include "dsp/listening/AbxSession.h"
#include "dsp/listening/Bs1770.h"
#include "plugin/PluginProcessor.h"
#include "plugin/core/CorrectionRender.h"
#include "plugin/core/ProgrammeAnalysis.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <functional>

using namespace iemeq;
using namespace iemeq::plugin;
using listening::Side;

namespace {

constexpr double kFs = 48000.0;

struct Iem {
    const char* name;
    const char* stem;
};
// The five IEMs and three programmes the issue names (as Tests/dsp/listening/ProgramMatchTests.cpp).
const Iem kIems[] = { { "FA7", "measurements/antdroid/FA7" },
                      { "Simgot EW200", "measurements/regancipher/Simgot EW200" },
                      { "EPZ Q1", "measurements/regancipher/EPZ Q1" },
                      { "Moondrop Chu", "measurements/regancipher/Moondrop Chu" },
                      { "7Hz Zero2", "measurements/regancipher/7Hz Zero2" } };

CorrectionInputs toHarman(const Iem& iem)
{
    CorrectionInputs in;
    in.spec.measurement = { readCurveFile(test::dataPath(std::string(iem.stem) + " L.txt")),
                            readCurveFile(test::dataPath(std::string(iem.stem) + " R.txt")) };
    in.spec.target = readCurveFile(test::repoPath("Targets/Harman in-ear 2019 v2.csv"));
    in.spec.iemName = iem.name;
    in.spec.targetName = "Harman in-ear 2019";
    return in;
}

void setParam(IemeqProcessor& p, const char* id, float plain)
{
    auto* param = p.parameters().getParameter(id);
    param->setValueNotifyingHost(param->convertTo0to1(plain));
}

// `input` through processBlock in blocks of `block`; `before(i)` runs before the block starting at i.
AudioData play(IemeqProcessor& p, const AudioData& input, int block, const std::function<void(std::size_t)>& before = {})
{
    AudioData out = input;
    juce::MidiBuffer midi;
    const std::size_t frames = out.numFrames();
    for (std::size_t i = 0; i < frames; i += static_cast<std::size_t>(block)) {
        if (before)
            before(i);
        const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(block), frames - i));
        float* ch[2] = { out.channels[0].data() + i, out.channels[1].data() + i };
        juce::AudioBuffer<float> view(ch, 2, n);
        p.processBlock(view, midi);
    }
    return out;
}

AudioData slice(const AudioData& a, double fromSeconds)
{
    AudioData s;
    s.sampleRate = a.sampleRate;
    const auto from = static_cast<std::ptrdiff_t>(fromSeconds * a.sampleRate);
    for (const auto& c : a.channels)
        s.channels.emplace_back(c.begin() + from, c.end());
    return s;
}

double lufs(const AudioData& a)
{
    return listening::integratedLoudness(a).integratedLufs;
}

// The gain a listener hears on a side whose output is `gain * input` (no latency): output/input
// compared 10 ms apart where the input is not tiny, in dB per second.
double audibleSlewDbPerS(const AudioData& in, const AudioData& out, double fromSeconds)
{
    const std::size_t lag = static_cast<std::size_t>(0.01 * kFs);
    double worst = 0.0;
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t i = static_cast<std::size_t>(fromSeconds * kFs); i + lag < in.numFrames(); ++i) {
            const float x0 = in.channels[c][i], x1 = in.channels[c][i + lag];
            if (std::abs(x0) > 1e-2f && std::abs(x1) > 1e-2f) {
                const double g0 = 20.0 * std::log10(out.channels[c][i] / static_cast<double>(x0));
                const double g1 = 20.0 * std::log10(out.channels[c][i + lag] / static_cast<double>(x1));
                worst = std::max(worst, std::abs(g1 - g0) / 0.01);
            }
        }
    return worst;
}

struct Programme {
    const char* name;
    AudioData audio;
};

const std::vector<Programme>& programmes()
{
    static const std::vector<Programme> list = { { "pink noise", test::slopedNoise(-3.0) },
                                                 { "-4.5 dB/oct noise", test::slopedNoise(-4.5, 48000.0, 2) },
                                                 { "bass-heavy track", test::bassHeavyTrack() } };
    return list;
}

} // namespace

TEST_CASE("DAW: after 3 s of programme the corrected and the original output differ by at most 0.2 LU", "[plugin][listening][loudness][heavy]")
{
    std::printf("\nLive loudness match through processBlock (256-sample blocks): corrected for 3 s, then the\n"
                "original. LU = BS.1770 of the corrected output minus the original output, 3.1 s to the end.\n");
    std::printf("%-14s %-18s %8s %8s %10s   %s\n", "IEM", "programme", "static", "LU", "slew dB/s", "readout");
    for (const auto& iem : kIems)
        for (const auto& prog : programmes()) {
            const CorrectionInputs in = toHarman(iem);
            // Run 1: the listener stays on the corrected side. Run 2: switches to the original at 3 s.
            IemeqProcessor corrected;
            corrected.setInputs(in);
            corrected.prepareToPlay(kFs, 256);
            const AudioData yc = play(corrected, prog.audio, 256);

            IemeqProcessor original;
            original.setInputs(in);
            original.prepareToPlay(kFs, 256);
            const double staticDb = original.latestDesign()->loudnessMatchDb;
            const AudioData yo = play(original, prog.audio, 256, [&](std::size_t i) {
                if (i >= static_cast<std::size_t>(3.0 * kFs))
                    setParam(original, ParamID::correction, 0.0f);
            });
            const double difference = lufs(slice(yc, 3.1)) - lufs(slice(yo, 3.1));
            const double slew = audibleSlewDbPerS(prog.audio, yo, 3.1);
            const auto gains = original.matchGains();
            std::printf("%-14s %-18s %+8.2f %+8.3f %10.3f   %s\n", iem.name, prog.name, staticDb, difference, slew,
                        gains.describe().c_str());
            INFO(iem.name << ", " << prog.name);
            CHECK(std::abs(difference) <= 0.2);
            CHECK(slew <= 0.5 * 1.02);
            // The corrected path (auto preamp) is never the louder one: the original is trimmed.
            CHECK(gains.side() == listening::TrimmedSide::Original);
            CHECK(gains.correctedDb == 0.0);
            CHECK(gains.describe().rfind("original trimmed by -", 0) == 0);
        }
}

namespace {

// A processor as the standalone app makes it (with its music player).
std::unique_ptr<IemeqProcessor> standaloneProcessor()
{
    juce::AudioProcessor::setTypeOfNextNewPlugin(juce::AudioProcessor::wrapperType_Standalone);
    auto p = std::make_unique<IemeqProcessor>();
    juce::AudioProcessor::setTypeOfNextNewPlugin(juce::AudioProcessor::wrapperType_Undefined);
    return p;
}

// Loads `track` into the player (decoded from a WAV file as a user's track would be) and waits
// for the whole-track loudness analysis of the current correction.
void loadTrack(IemeqProcessor& p, const juce::File& wav)
{
    REQUIRE(p.player() != nullptr);
    p.player()->load(wav);
    for (int i = 0; i < 500 && p.player()->trackId() == 0; ++i)
        juce::MessageManager::getInstance()->runDispatchLoopUntil(10);
    REQUIRE(p.player()->trackId() != 0);
    REQUIRE(p.waitForProgrammeAnalysis(60000));
    p.player()->setPlaying(true);
}

} // namespace

TEST_CASE("Player: the whole track is analysed and both sides play equally loud (BS.1770)", "[plugin][listening][loudness][heavy]")
{
    std::printf("\nPlayer loudness match (standalone, the track analysed once per track and correction): corrected\n"
                "for 3 s, then the original; LU = corrected output minus original output, 3.1 s to the end.\n");
    std::printf("%-14s %-18s %9s %8s %10s   %s\n", "IEM", "programme", "analysed", "LU", "slew dB/s", "readout");
    const juce::File dir = juce::File::createTempFile("iemeq-listening");
    REQUIRE(dir.createDirectory());
    for (const auto& iem : kIems)
        for (const auto& prog : programmes()) {
            const juce::File wav = dir.getChildFile(juce::String(prog.name).replaceCharacters(" /", "--") + ".wav");
            if (!wav.existsAsFile())
                writeWav(wav.getFullPathName().toStdString(), prog.audio);
            const CorrectionInputs in = toHarman(iem);
            const AudioData silence = [&] {
                AudioData s = prog.audio;
                for (auto& c : s.channels)
                    std::fill(c.begin(), c.end(), 0.0f);
                return s;
            }();
            auto corrected = standaloneProcessor(), original = standaloneProcessor();
            double analysed = 0.0;
            for (auto* p : { corrected.get(), original.get() }) {
                p->setInputs(in);
                p->prepareToPlay(kFs, 256);
                loadTrack(*p, wav);
                analysed = analyseProgramme(prog.audio, p->latestDesign()->correction.get(), nullptr).differenceDb;
            }
            // The player replaces the (silent) input with the track.
            const AudioData yc = play(*corrected, silence, 256);
            const AudioData yo = play(*original, silence, 256, [&](std::size_t i) {
                if (i >= static_cast<std::size_t>(3.0 * kFs))
                    setParam(*original, ParamID::correction, 0.0f);
            });
            const double difference = lufs(slice(yc, 3.1)) - lufs(slice(yo, 3.1));
            const double slew = audibleSlewDbPerS(prog.audio, yo, 3.1);
            const auto gains = original->matchGains();
            std::printf("%-14s %-18s %+9.2f %+8.3f %10.3f   %s\n", iem.name, prog.name, analysed, difference, slew, gains.describe().c_str());
            INFO(iem.name << ", " << prog.name);
            CHECK(original->matchFromProgramme());
            CHECK(corrected->matchFromProgramme());
            CHECK(std::abs(difference) <= 0.2);
            CHECK(slew <= 0.5 * 1.02);
            // The trim is the analysed difference (the original was never heard before 3 s).
            CHECK(gains.originalDb == Approx(analysed).margin(1e-9));
        }
    dir.deleteRecursively();
}

namespace {

struct BlindRun {
    AudioData out;
    std::vector<double> trimA, trimB;   // after each block
    std::vector<Side> audible;          // per block (after the block's switch)
    std::vector<std::size_t> switches;  // first sample of each switch (a fade starts there)
    std::vector<std::pair<Side, Side>> fades;  // side before and after each switch
};

// An ABX session (fixed seed) over `input`: every trial listens to A, B and X for `dwell` blocks
// each, then answers; the processor plays what the session says. Blocks of 512.
BlindRun runAbx(IemeqProcessor& p, const AudioData& input, int dwell, int settleBlocks)
{
    listening::AbxSession s({ "A", "" }, { "B", "" }, 1000, 0x5eed1234u, [] { return 0.0; });
    BlindRun run;
    run.out = input;
    juce::MidiBuffer midi;
    const std::size_t frames = input.numFrames();
    Side playing = s.audibleSide();
    p.playSide(playing);
    const char order[] = { 'B', 'X', 'A' };
    int step = 0;
    for (std::size_t k = 0, i = 0; i < frames; ++k, i += 512) {
        if (k >= static_cast<std::size_t>(settleBlocks) && (k - static_cast<std::size_t>(settleBlocks)) % static_cast<std::size_t>(dwell) == 0
            && k > static_cast<std::size_t>(settleBlocks)) {
            if (order[step % 3] == 'A')
                s.answer(Side::A);  // a new trial: back on A
            else
                s.listen(order[step % 3]);
            ++step;
            run.switches.push_back(i);
            run.fades.emplace_back(playing, s.audibleSide());
            playing = s.audibleSide();
            p.playSide(playing);
        }
        const int n = static_cast<int>(std::min<std::size_t>(512, frames - i));
        float* ch[2] = { run.out.channels[0].data() + i, run.out.channels[1].data() + i };
        juce::AudioBuffer<float> view(ch, 2, n);
        p.processBlock(view, midi);
        run.trimA.push_back(p.matchGains().correctedDb);
        run.trimB.push_back(p.matchGains().originalDb);
        run.audible.push_back(playing);
    }
    return run;
}

// The trim on a side for each sample of block k, as LiveLoudnessMatch applies it (a constant dB
// rate from the previous block's value to this block's).
double trimAt(const std::vector<double>& trims, std::size_t k, int i, int n)
{
    const double from = trims[k - 1], to = trims[k];
    if (from == 0.0 && to == 0.0)
        return 1.0;
    double g = std::pow(10.0, from / 20.0);
    const double r = std::pow(10.0, (to - from) / (20.0 * n));
    for (int j = 0; j <= i; ++j)
        g *= r;
    return g;
}

AudioData rendered(const AudioData& input, const DesignResult* d)
{
    AudioData out = input;
    if (d != nullptr)
        renderCorrection(out, *d->correction);
    return out;
}

// The design of `spec` in another mode, at 48 kHz, for the other side of a comparison.
std::shared_ptr<const DesignResult> inMode(const IemeqProcessor& p, CorrectionMode mode)
{
    CorrectionSpec spec = *p.latestDesign()->spec;
    spec.mode = mode;
    return p.designForComparison(spec);
}

} // namespace

TEST_CASE("Blind ABX: the output is the offline render of the side X is, sample for sample outside the fades, every fade is the same",
          "[plugin][listening][abx]")
{
    IemeqProcessor p;
    p.setInputs(toHarman(kIems[1]));
    p.prepareToPlay(kFs, 512);
    // Parametric (A) against the same correction as a linear-phase FIR (B): B has latency, A is
    // delayed to match it.
    const auto a = p.latestDesign();
    const auto b = inMode(p, CorrectionMode::FirLinearPhase);
    REQUIRE(b->fir);
    const int latency = b->latencySamples;
    REQUIRE(latency > 1000);
    p.startComparison(a, b);
    CHECK(p.getLatencySamples() == latency);

    const AudioData& input = programmes()[0].audio;
    const AudioData ra = rendered(input, a.get()), rb = rendered(input, b.get());
    const int settle = 60;  // blocks (0.64 s): the FIR side's warm-up
    const BlindRun run = runAbx(p, input, 45, settle);
    CHECK(p.comparisonSettled());

    const int fadeLength = static_cast<int>(std::lround(0.020 * kFs));
    std::vector<bool> inFade(input.numFrames(), false);
    for (std::size_t s : run.switches)
        for (std::size_t i = s; i < std::min(input.numFrames(), s + static_cast<std::size_t>(fadeLength)); ++i)
            inFade[i] = true;
    // The expected output, every sample: the trimmed render of the audible side, `latency` late.
    auto expected = [&](std::size_t c, std::size_t t, Side side) {
        const std::size_t k = t / 512;
        const int i = static_cast<int>(t % 512);
        const auto& trims = side == Side::A ? run.trimA : run.trimB;
        const double g = trimAt(trims, k, i, 512);
        const float x = (side == Side::A ? ra : rb).channels[c][t - static_cast<std::size_t>(latency)];
        return g == 1.0 ? x : static_cast<float>(g * static_cast<double>(x));
    };
    double worst[2] = { 0.0, 0.0 };
    std::size_t compared[2] = { 0, 0 }, exact[2] = { 0, 0 };
    for (std::size_t t = static_cast<std::size_t>(settle) * 512; t < input.numFrames(); ++t) {
        if (inFade[t])
            continue;
        const Side side = run.audible[t / 512];
        const int si = side == Side::A ? 0 : 1;
        for (std::size_t c = 0; c < 2; ++c) {
            const float y = run.out.channels[c][t], e = expected(c, t, side);
            worst[si] = std::max(worst[si], static_cast<double>(std::abs(y - e)));
            exact[si] += y == e ? 1 : 0;
            ++compared[si];
        }
    }
    std::printf("\nABX through processBlock, EW200 parametric (A) vs linear-phase FIR (B), latency %d samples:\n"
                "outside the fades, A: %zu samples, %zu bit-exact, max |error| %.3g; B: %zu samples, %zu bit-exact, max |error| %.3g\n",
                latency, compared[0], exact[0], worst[0], compared[1], exact[1], worst[1]);
    CHECK(compared[0] > 100000);
    CHECK(compared[1] > 100000);
    CHECK(exact[0] == compared[0]);  // the parametric side: the same engine code, bit for bit
    CHECK(worst[1] <= 1e-6);         // the FIR side: FFT rounding of a differently partitioned history

    // Every switch: the same 20 ms raised-cosine, equal-gain fade. Where the audible side changes
    // (A->X when X is B, B->X when X is A, ...) the fade's weight is read back from the output;
    // where it does not (A->X when X is A) the output does not move at all.
    listening::SwitchCrossfade reference;
    reference.prepare(kFs);
    REQUIRE(reference.fadeLength() == fadeLength);
    int changing = 0, silent = 0, aToB = 0, bToA = 0;
    double worstWeight = 0.0, worstSilent = 0.0;
    for (std::size_t e = 0; e < run.switches.size(); ++e) {
        const auto [from, to] = run.fades[e];
        const std::size_t s0 = run.switches[e];
        if (s0 + static_cast<std::size_t>(fadeLength) >= input.numFrames())
            continue;
        for (int i = 0; i < fadeLength; ++i)
            for (std::size_t c = 0; c < 2; ++c) {
                const std::size_t t = s0 + static_cast<std::size_t>(i);
                const double y = run.out.channels[c][t], x0 = expected(c, t, from), x1 = expected(c, t, to);
                if (from == to)
                    worstSilent = std::max(worstSilent, std::abs(y - x0));
                else if (std::abs(x1 - x0) > 0.02)
                    worstWeight = std::max(worstWeight, std::abs((y - x0) / (x1 - x0) - reference.weight(i)));
            }
        if (from == to)
            ++silent;
        else
            ++changing, (from == Side::A ? aToB : bToA) += 1;
    }
    std::printf("switches: %d changing the side (%d A->B, %d B->A), weight within %.2g of the raised cosine; %d to the side "
                "already playing, output moved by at most %.2g\n",
                changing, aToB, bToA, worstWeight, silent, worstSilent);
    CHECK(aToB >= 3);
    CHECK(bToA >= 3);
    CHECK(silent >= 3);
    CHECK(worstWeight < 2e-4);
    CHECK(worstSilent <= 1e-6);
}

TEST_CASE("Blind comparison: with a linear-phase FIR side both sides have the same latency (impulse test)", "[plugin][listening][latency]")
{
    IemeqProcessor p;
    p.setInputs(toHarman(kIems[1]));
    p.prepareToPlay(kFs, 512);
    const auto parametric = p.latestDesign();
    const auto linear = inMode(p, CorrectionMode::FirLinearPhase);
    const int latency = linear->latencySamples;
    // The impulse response of the side playing: 1 s of silence to settle, an impulse, 1 s more.
    auto response = [&](Side side) {
        p.playSide(side);
        AudioData x;
        x.sampleRate = kFs;
        x.channels.assign(2, std::vector<float>(static_cast<std::size_t>(2 * kFs), 0.0f));
        const std::size_t at = static_cast<std::size_t>(kFs);
        x.channels[0][at] = x.channels[1][at] = 0.5f;
        const AudioData y = play(p, x, 512);
        return std::vector<float>(y.channels[0].begin() + static_cast<std::ptrdiff_t>(at), y.channels[0].end());
    };
    auto peak = [](const std::vector<float>& h) {
        return static_cast<int>(std::max_element(h.begin(), h.end(), [](float u, float v) { return std::abs(u) < std::abs(v); }) - h.begin());
    };
    auto onset = [](const std::vector<float>& h) {
        return static_cast<int>(std::find_if(h.begin(), h.end(), [](float v) { return std::abs(v) > 1e-6f; }) - h.begin());
    };
    std::printf("\nImpulse test, linear-phase FIR latency %d samples:\n", latency);
    SECTION("linear-phase FIR vs original")
    {
        p.startComparison(linear, nullptr);
        CHECK(p.getLatencySamples() == latency);
        const auto fir = response(Side::A), original = response(Side::B);
        std::printf("  FIR peak at %d, original's impulse at %d (onset %d)\n", peak(fir), peak(original), onset(original));
        CHECK(peak(fir) == latency);
        CHECK(peak(original) == latency);
        CHECK(onset(original) == latency);
        // Symmetric about the peak: linear phase.
        for (int k = 1; k < 200; ++k)
            CHECK(fir[static_cast<std::size_t>(latency + k)] == Approx(fir[static_cast<std::size_t>(latency - k)]).margin(1e-5));
    }
    SECTION("parametric vs linear-phase FIR")
    {
        p.startComparison(parametric, linear);
        CHECK(p.getLatencySamples() == latency);
        const auto peq = response(Side::A), fir = response(Side::B);
        std::printf("  parametric onset at %d, FIR peak at %d\n", onset(peq), peak(fir));
        CHECK(onset(peq) == latency);
        CHECK(peak(fir) == latency);
    }
    p.stopComparison();
    CHECK(p.getLatencySamples() == 0);  // back to the current (parametric) correction
}
