// The ground pluginval covers at strictness 10, for the built VST3 and LV2: random sample rates
// and block sizes, parameter fuzzing with extreme values, state save/restore (also corrupt),
// editor open/close, and processing while other threads change parameters and read state.
#include "HostHarness.h"
#include "Signals.h"
#include "TestData.h"

#include <catch2/catch.hpp>
#include <atomic>
#include <random>
#include <thread>

using namespace iemeq::test;

namespace {

std::vector<float> noise(int n, unsigned seed, float amplitude = 0.3f)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-amplitude, amplitude);
    std::vector<float> x(static_cast<std::size_t>(n));
    for (auto& v : x)
        v = d(rng);
    return x;
}

// Worst |sample| (inf for NaN/inf) of a render.
float worstSample(const std::vector<std::vector<float>>& out)
{
    float worst = 0.0f;
    for (const auto& ch : out)
        for (float v : ch)
            worst = std::isfinite(v) ? std::max(worst, std::abs(v)) : std::numeric_limits<float>::infinity();
    return worst;
}

void randomRatesAndBlocks(Format f)
{
    std::mt19937 rng(11);
    const double rates[] = { 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000, 352800, 384000 };
    auto p = loadPlugin(f);
    for (int round = 0; round < 12; ++round) {
        const double fs = round < 2 ? rates[round == 0 ? 0 : 9] : rates[rng() % 10];
        const int maxBlock = 1 << (rng() % 13);  // 1 .. 4096
        p->prepareToPlay(fs, maxBlock);
        std::uniform_int_distribution<int> size(1, maxBlock);
        const auto out = render(*p, noise(static_cast<int>(fs * 0.15), rng()), [&] { return size(rng); });
        INFO(formatName(f) << " fs " << fs << " max block " << maxBlock);
        CHECK(worstSample(out) < 4.0f);
        p->releaseResources();
    }
}

void fuzzParameters(Format f)
{
    std::mt19937 rng(5);
    auto p = loadPlugin(f);
    p->prepareToPlay(44100.0, 256);
    auto& params = p->getParameters();
    REQUIRE(params.size() >= 10);
    std::uniform_real_distribution<float> any(0.0f, 1.0f);
    std::uniform_int_distribution<int> size(1, 256);
    float worst = 0.0f;
    for (int round = 0; round < 40; ++round) {
        for (auto* param : params) {
            const float v = round % 3 == 0 ? float(rng() % 2) : any(rng);  // extremes, then anything
            param->setValue(v);
            CHECK(std::isfinite(param->getValue()));
            CHECK(param->getText(param->getValue(), 64).isNotEmpty());
        }
        worst = std::max(worst, worstSample(render(*p, noise(4410, rng()), [&] { return size(rng); })));
        pump(5);
    }
    pump(200);
    worst = std::max(worst, worstSample(render(*p, noise(44100, 3), [&] { return size(rng); })));
    CHECK(worst < 8.0f);
}

void stateRestore(Format f)
{
    auto a = loadPlugin(f);
    a->prepareToPlay(48000.0, 512);
    auto& params = a->getParameters();
    std::mt19937 rng(9);
    for (auto* param : params)
        if (!param->getName(64).containsIgnoreCase("bypass"))
            param->setValue(std::uniform_real_distribution<float>(0.0f, 1.0f)(rng));
    render(*a, noise(1024, 1), [] { return 512; });  // hosts deliver parameter changes with process calls
    pump(100);
    juce::MemoryBlock saved;
    a->getStateInformation(saved);
    auto b = loadPlugin(f);
    b->setStateInformation(saved.getData(), static_cast<int>(saved.getSize()));
    b->prepareToPlay(48000.0, 512);
    render(*b, noise(1024, 1), [] { return 512; });
    pump(100);
    for (int i = 0; i < params.size(); ++i) {
        INFO(formatName(f) << " " << params[i]->getName(64));
        // As the plugin shows them (values snap to each parameter's step).
        CHECK(b->getParameters()[i]->getCurrentValueAsText() == params[i]->getCurrentValueAsText());
    }
    // Corrupt inner state: ignored safely, the instance keeps working.
    for (const std::string bad : { std::string("{\"format\":\"iemeq-plugin-state\",\"version\":99}"), std::string("\x01garbage"),
                                   std::string(static_cast<const char*>(saved.getData()), saved.getSize() / 2) }) {
        const auto blob = hostStateWith(f, *b, bad);
        b->setStateInformation(blob.getData(), static_cast<int>(blob.getSize()));
        if (f == Format::Vst3)  // raw garbage too (lilv would only print parse errors for LV2)
            b->setStateInformation(bad.data(), static_cast<int>(bad.size()));
    }
    b->prepareToPlay(48000.0, 512);
    CHECK(worstSample(render(*b, noise(48000, 2), [] { return 512; })) < 4.0f);
}

void editorOpenClose(Format f)
{
    if (!haveDisplay()) {
        WARN("no DISPLAY: editor open/close skipped (ctest runs this under xvfb-run)");
        return;
    }
    auto p = loadPlugin(f);
    p->prepareToPlay(48000.0, 512);
    for (int i = 0; i < 3; ++i) {
        std::unique_ptr<juce::AudioProcessorEditor> ed(p->createEditorIfNeeded());
        REQUIRE(ed != nullptr);
        ed->addToDesktop(0);
        ed->setVisible(true);
        pump(300);
        CHECK(ed->getWidth() >= 640);
        CHECK(ed->getHeight() >= 420);
        ed.reset();
        pump(50);
    }
}

void threads(Format f)
{
    auto p = loadPlugin(f);
    p->prepareToPlay(48000.0, 1024);
    std::atomic<bool> stop { false };
    std::atomic<float> worst { 0.0f };
    std::thread audio([&] {
        std::mt19937 rng(1);
        std::uniform_int_distribution<int> size(1, 1024);
        while (!stop.load()) {
            const float w = worstSample(render(*p, noise(4800, rng()), [&] { return size(rng); }));
            worst.store(std::max(worst.load(), w));
        }
    });
    std::vector<std::thread> fuzzers;
    for (unsigned t = 0; t < 2; ++t)
        fuzzers.emplace_back([&, t] {
            std::mt19937 rng(100 + t);
            auto& params = p->getParameters();
            while (!stop.load()) {
                auto* param = params[static_cast<int>(rng() % static_cast<unsigned>(params.size()))];
                param->setValue(std::uniform_real_distribution<float>(0.0f, 1.0f)(rng));
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
    const auto until = juce::Time::getMillisecondCounter() + 2500;
    while (juce::Time::getMillisecondCounter() < until) {
        juce::MemoryBlock state;
        p->getStateInformation(state);  // message thread, as hosts do
        CHECK(state.getSize() > 100);
        pump(20);
    }
    stop.store(true);
    audio.join();
    for (auto& t : fuzzers)
        t.join();
    CHECK(worst.load() < 8.0f);
}

} // namespace

TEST_CASE("Validation: random sample rates (22.05-384 kHz) and block sizes", "[validate]")
{
    for (auto f : { Format::Vst3, Format::Lv2 })
        randomRatesAndBlocks(f);
}

TEST_CASE("Validation: parameter fuzzing with extreme and random values", "[validate]")
{
    for (auto f : { Format::Vst3, Format::Lv2 })
        fuzzParameters(f);
}

TEST_CASE("Validation: state restore, corrupt state", "[validate]")
{
    for (auto f : { Format::Vst3, Format::Lv2 })
        stateRestore(f);
}

TEST_CASE("Validation: editor open and close (VST3)", "[validate]") { editorOpenClose(Format::Vst3); }
TEST_CASE("Validation: editor open and close (LV2)", "[validate]") { editorOpenClose(Format::Lv2); }

TEST_CASE("Validation: processing while other threads change parameters and read state", "[validate]")
{
    for (auto f : { Format::Vst3, Format::Lv2 })
        threads(f);
}
