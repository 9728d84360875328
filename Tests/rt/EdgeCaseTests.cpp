// What hosts and signals do to a plugin that tests of the happy path never see: non-finite
// input, silence and denormals, parameters at their extremes, sample-rate changes, processBlock
// before prepareToPlay, empty buffers, unexpected channel counts and oversized blocks, and a
// corrupt saved state.
#include "ProcessorFixture.h"

#include "dsp/design/PeqDesign.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <ctime>
#include <limits>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

constexpr double kFs = 48000.0;

std::unique_ptr<IemeqProcessor> preparedProcessor(int mode, double fs = kFs, int block = 256)
{
    test::juceRuntime();
    auto p = std::make_unique<IemeqProcessor>();
    p->setInputs(test::inputs(0, 0));
    test::setParam(*p, ParamID::mode, static_cast<float>(mode));
    p->prepareToPlay(fs, block);
    REQUIRE(p->latestDesign() != nullptr);
    REQUIRE(p->latestDesign()->fir == (mode != 0));  // the path under test really runs
    return p;
}

double db(double ratio) { return 20.0 * std::log10(ratio); }

double threadCpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

} // namespace

TEST_CASE("NaN or Inf input never poisons later output: the state recovers", "[edge]")
{
    const float poisons[] = { std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                              -std::numeric_limits<float>::infinity() };
    for (int mode : { 0, 1 })
        for (float correction : { 1.0f, 0.0f })
            for (float poison : poisons) {
                INFO("mode " << mode << ", correction " << correction << ", poison " << poison);
                auto p = preparedProcessor(mode);
                test::setParam(*p, ParamID::correction, correction);
                const std::size_t half = static_cast<std::size_t>(kFs * 0.5);
                std::vector<std::vector<float>> before(2, test::sineWave(kFs, 1000.0, 0.25, half));
                test::processInBlocks(*p, before, 256);
                const double rmsBefore = test::rms(before[0], half - 9600, half);

                std::vector<std::vector<float>> bad(2, test::sineWave(kFs, 1000.0, 0.25, 256));
                bad[0][100] = poison;
                test::processInBlocks(*p, bad, 256);
                CHECK(test::allFinite(bad));

                std::vector<std::vector<float>> after(2, test::sineWave(kFs, 1000.0, 0.25, half));
                test::processInBlocks(*p, after, 256);
                CHECK(test::allFinite(after));
                // The same steady level as before the bad sample (FIR tails and ramps have settled).
                CHECK(db(test::rms(after[0], half - 9600, half) / rmsBefore) == Approx(0.0).margin(0.05));
                CHECK(db(test::rms(after[1], half - 9600, half) / rmsBefore) == Approx(0.0).margin(0.05));
            }
}

TEST_CASE("Silence and denormal input cost no more CPU than music", "[edge][cpu]")
{
    // Thread CPU time (not wall time) of the same number of blocks, median of 5 runs each. Without
    // flush-to-zero, denormals in the filter state cost 10-100x; the bound is a loose 3x.
    for (int mode : { 0, 1 }) {
        auto p = preparedProcessor(mode);
        const int block = 256, blocks = mode == 0 ? 800 : 300;
        const std::size_t n = static_cast<std::size_t>(block) * blocks;
        auto music = test::noise(n, 0.3f, 1);
        std::vector<float> silence(n, 0.0f);
        std::vector<float> denormal(n);
        for (std::size_t i = 0; i < n; ++i)
            denormal[i] = (i % 2 ? 1.0f : -1.0f) * std::numeric_limits<float>::denorm_min() * static_cast<float>(1 + i % 1000);
        std::vector<float> decay(n, 0.0f);  // one loud block, then the filters ring down into denormals
        std::copy(music.begin(), music.begin() + block, decay.begin());

        auto cost = [&](const std::vector<float>& signal) {
            std::vector<double> runs;
            for (int r = 0; r < 5; ++r) {
                std::vector<std::vector<float>> io(2, signal);
                const double t0 = threadCpuSeconds();
                test::processInBlocks(*p, io, block);
                runs.push_back(threadCpuSeconds() - t0);
                REQUIRE(test::allFinite(io));
            }
            std::sort(runs.begin(), runs.end());
            return runs[2];
        };
        cost(music);  // warm-up
        const double tMusic = cost(music), tSilence = cost(silence), tDenormal = cost(denormal), tDecay = cost(decay);
        WARN("mode " << mode << ": CPU per block " << 1e6 * tMusic / blocks << " us (music), ratios silence "
                     << tSilence / tMusic << ", denormal " << tDenormal / tMusic << ", decay " << tDecay / tMusic);
        CHECK(tSilence / tMusic < 3.0);
        CHECK(tDenormal / tMusic < 3.0);
        CHECK(tDecay / tMusic < 3.0);
    }
}

TEST_CASE("Every parameter at its extremes gives finite, bounded output", "[edge]")
{
    test::juceRuntime();
    IemeqProcessor p;
    p.setInputs(test::inputs(1, 0));
    p.prepareToPlay(kFs, 512);
    auto& params = p.getParameters();
    std::vector<std::vector<float>> settings;  // normalised values, one vector per case
    const std::size_t count = static_cast<std::size_t>(params.size());
    settings.push_back(std::vector<float>(count, 0.0f));
    settings.push_back(std::vector<float>(count, 1.0f));
    for (std::size_t i = 0; i < count; ++i)
        for (float v : { 0.0f, 1.0f }) {
            std::vector<float> s;
            for (auto* q : params)
                s.push_back(q->getDefaultValue());
            s[i] = v;
            settings.push_back(s);
        }
    double loudest = 0.0;
    for (const auto& s : settings) {
        for (std::size_t i = 0; i < count; ++i)
            params[static_cast<int>(i)]->setValueNotifyingHost(s[i]);
        REQUIRE(p.waitForDesign(30000));
        std::vector<std::vector<float>> io(2, test::noise(static_cast<std::size_t>(kFs * 0.3), 0.25f, 3));
        test::processInBlocks(p, io, 512);
        CHECK(test::allFinite(io));
        loudest = std::max(loudest, test::peakAbs(io[0]));
    }
    WARN(settings.size() << " extreme settings; loudest output peak " << db(loudest / 0.25) << " dB re input peak");
    // +12 dB output gain, boosts limited by the designer, shelves: far below +40 dB.
    CHECK(db(loudest / 0.25) < 40.0);
}

TEST_CASE("A sample-rate change mid-stream re-designs for the new rate", "[edge]")
{
    test::juceRuntime();
    IemeqProcessor p;
    p.setInputs(test::inputs(0, 0));
    for (double fs : { 44100.0, 96000.0, 8000.0, 192000.0, 22050.0, 384000.0, 48000.0 }) {
        INFO("fs " << fs);
        p.prepareToPlay(fs, 512);  // as a host does: re-prepare while the stream continues
        const auto d = p.latestDesign();
        REQUIRE(d != nullptr);
        REQUIRE(d->correction != nullptr);
        CHECK(d->sampleRate == fs);
        const std::size_t n = static_cast<std::size_t>(fs * 0.5);
        std::vector<std::vector<float>> io(2, test::sineWave(fs, 1000.0, 0.25, n));
        const auto in = io[0];
        test::processInBlocks(p, io, 512);
        REQUIRE(test::allFinite(io));
        if (fs >= 44100.0) {
            const double expected = eqResponseDb(d->correction->perChannel.front().filters, 1000.0, fs) + d->preampDb;
            CHECK(db(test::rms(io[0], n / 2, n) / test::rms(in, n / 2, n)) == Approx(expected).margin(0.1));
        }
    }
}

TEST_CASE("processBlock before prepareToPlay, with zero samples or zero channels", "[edge]")
{
    test::juceRuntime();
    juce::MidiBuffer midi;
    IemeqProcessor p;
    p.setInputs(test::inputs(0, 0));
    std::vector<std::vector<float>> io(2, test::sineWave(kFs, 1000.0, 0.25, 4096));
    const auto in = io[0];
    test::processInBlocks(p, io, 512);  // never prepared
    REQUIRE(test::allFinite(io));
    const double ratio = test::rms(io[0], 0, 4096) / test::rms(in, 0, 4096);
    INFO("unprepared output / input rms " << ratio);
    CHECK((ratio == Approx(1.0).margin(1e-6) || ratio == 0.0));  // pass-through or silence, nothing else

    juce::AudioBuffer<float> empty(2, 0);
    p.processBlock(empty, midi);
    juce::AudioBuffer<float> noChannels(0, 512);
    p.processBlock(noChannels, midi);
    // Hosts may flush parameters with 0 samples and null channel pointers (found by the stress test).
    float* nulls[4] = {};
    juce::AudioBuffer<float> nullEmpty(nulls, 4, 0);
    p.processBlock(nullEmpty, midi);

    p.prepareToPlay(kFs, 512);
    p.processBlock(empty, midi);
    p.processBlock(noChannels, midi);
    p.processBlock(nullEmpty, midi);
    std::vector<std::vector<float>> after(2, test::sineWave(kFs, 1000.0, 0.25, 24000));
    const auto in2 = after[0];
    test::processInBlocks(p, after, 512);
    REQUIRE(test::allFinite(after));
    const auto d = p.latestDesign();
    REQUIRE((d != nullptr && d->correction != nullptr));
    const double expected = eqResponseDb(d->correction->perChannel.front().filters, 1000.0, kFs) + d->preampDb;
    CHECK(db(test::rms(after[0], 12000, 24000) / test::rms(in2, 12000, 24000)) == Approx(expected).margin(0.1));
}

TEST_CASE("Fewer or more channels than the layout, and blocks larger than announced", "[edge]")
{
    const std::size_t n = 48000;
    const auto x = test::noise(n, 0.25f, 5);
    auto reference = preparedProcessor(0, kFs, 256);
    std::vector<std::vector<float>> stereo(2, x);
    test::processInBlocks(*reference, stereo, 256);

    SECTION("mono buffer: the left channel's processing")
    {
        auto p = preparedProcessor(0, kFs, 256);
        std::vector<std::vector<float>> mono(1, x);
        test::processInBlocks(*p, mono, 256);
        double maxDiff = 0;
        for (std::size_t i = 0; i < n; ++i)
            maxDiff = std::max(maxDiff, static_cast<double>(std::abs(mono[0][i] - stereo[0][i])));
        CHECK(maxDiff < 1e-6);
    }
    SECTION("six channels: the first two processed, the others silenced")
    {
        auto p = preparedProcessor(0, kFs, 256);
        std::vector<std::vector<float>> six(6, x);
        test::processInBlocks(*p, six, 256);
        CHECK(six[0] == stereo[0]);
        CHECK(six[1] == stereo[1]);
        for (int c = 2; c < 6; ++c)
            CHECK(test::peakAbs(six[static_cast<std::size_t>(c)]) == 0.0);
    }
    SECTION("blocks of 4096 after announcing 256: the same output")
    {
        auto p = preparedProcessor(0, kFs, 256);
        std::vector<std::vector<float>> big(2, x);
        test::processInBlocks(*p, big, 4096);
        double maxDiff = 0;
        for (std::size_t i = 0; i < n; ++i)
            maxDiff = std::max(maxDiff, static_cast<double>(std::abs(big[0][i] - stereo[0][i])));
        CHECK(maxDiff < 1e-6);
    }
}

TEST_CASE("A corrupt saved state is refused and the current state kept", "[edge][state]")
{
    auto p = preparedProcessor(0);
    test::setParam(*p, ParamID::bass, 4.0f);
    REQUIRE(p->waitForDesign(20000));
    juce::MemoryBlock good;
    p->getStateInformation(good);
    const std::string json(static_cast<const char*>(good.getData()), good.getSize());
    const auto generation = p->latestDesign()->generation;

    const std::vector<std::string> bad = {
        json.substr(0, json.size() / 2), "", "{}", "not json at all", std::string(1000, '\0'),
        "{\"format\":\"iemeq-plugin-state\",\"version\":99}",
        "{\"format\":\"iemeq-plugin-state\",\"version\":1,\"parameters\":{\"bass\":1e999}}",
    };
    for (const auto& b : bad) {
        INFO("state: " << b.substr(0, 60));
        p->setStateInformation(b.data(), static_cast<int>(b.size()));
        juce::MemoryBlock now;
        p->getStateInformation(now);
        CHECK(std::string(static_cast<const char*>(now.getData()), now.getSize()) == json);
        CHECK(p->latestDesign()->generation == generation);  // nothing re-designed, nothing swapped
        CHECK(p->statusMessage().isNotEmpty());
    }
    p->setStateInformation(nullptr, 0);
    juce::MemoryBlock now;
    p->getStateInformation(now);
    CHECK(now == good);
}
