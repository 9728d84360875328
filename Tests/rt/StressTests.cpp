// Host-like stress: 1,000 random sequences of what hosts do to a plugin instance (create,
// prepare at any rate and block size, process odd blocks and channel counts and hostile signals,
// save and restore state, intact or corrupted, automate parameters, load curves, edit filters,
// let designs land) on IemeqProcessor in-process. Every output sample must be finite and nothing
// may throw out of a host-facing call. Sequences are reproducible from their index.
// IEMEQ_STRESS_SEQUENCES overrides the count (the sanitizer build runs fewer, it is slower).
#include "ProcessorFixture.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

struct Totals {
    long blocks = 0, samples = 0, nonFinite = 0, prepares = 0, stateLoads = 0, corruptLoads = 0;
    long paramChanges = 0, inputChanges = 0, designsSeen = 0;
    double seconds[8] = {};  // wall time per operation kind (+ [7]: destruction)
};

enum class Signal { Noise, Sine, Silence, Loud, NaNs, Infs, Denormal, Count };

void fill(std::vector<float>& x, Signal s, std::mt19937& rng)
{
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    for (std::size_t i = 0; i < x.size(); ++i) {
        switch (s) {
        case Signal::Noise: x[i] = 0.3f * u(rng); break;
        case Signal::Sine: x[i] = 0.5f * std::sin(0.05f * static_cast<float>(i)); break;
        case Signal::Silence: x[i] = 0.0f; break;
        case Signal::Loud: x[i] = 8.0f * u(rng); break;  // +18 dBFS: hosts pass such floats
        case Signal::NaNs: x[i] = (rng() % 64 == 0) ? std::numeric_limits<float>::quiet_NaN() : u(rng); break;
        case Signal::Infs: x[i] = (rng() % 64 == 0) ? -std::numeric_limits<float>::infinity() : u(rng); break;
        case Signal::Denormal: x[i] = std::numeric_limits<float>::denorm_min() * static_cast<float>(rng() % 100); break;
        case Signal::Count: break;
        }
    }
}

void runSequence(int index, Totals& t)
{
    std::mt19937 rng(static_cast<unsigned>(1000 + index));
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const double rates[] = { 22050, 44100, 48000, 88200, 96000, 192000 };
    const int blocks[] = { 16, 64, 256, 512, 1024, 4096 };

    auto p = std::make_unique<IemeqProcessor>();
    if (pick(4) != 0)
        p->setInputs(test::inputs(static_cast<std::size_t>(pick(5)), static_cast<std::size_t>(pick(3))));
    int maxBlock = 512;
    juce::MidiBuffer midi;
    std::vector<std::vector<float>> io;
    const int ops = 4 + pick(9);
    for (int op = 0; op < ops; ++op) {
        const int kind = pick(7);
        const auto t0 = std::chrono::steady_clock::now();
        switch (kind) {
        case 0: {
            maxBlock = blocks[pick(6)];
            p->prepareToPlay(rates[pick(6)], maxBlock);
            ++t.prepares;
            break;
        }
        case 1:
        case 2: {  // a few callbacks: any size up to twice the announced one, 1 to 3 channels
            const int calls = 1 + pick(8);
            for (int c = 0; c < calls; ++c) {
                const int n = pick(2 * maxBlock + 1);
                const int channels = 1 + pick(3);
                io.assign(static_cast<std::size_t>(channels), std::vector<float>(static_cast<std::size_t>(n)));
                const auto signal = static_cast<Signal>(pick(static_cast<int>(Signal::Count)));
                for (auto& ch : io)
                    fill(ch, signal, rng);
                std::vector<float*> ptr;
                for (auto& ch : io)
                    ptr.push_back(ch.data());
                juce::AudioBuffer<float> buffer(ptr.data(), channels, n);
                p->processBlock(buffer, midi);
                for (const auto& ch : io)
                    for (float v : ch)
                        t.nonFinite += std::isfinite(v) ? 0 : 1;
                ++t.blocks;
                t.samples += n;
            }
            break;
        }
        case 3: {  // save, then restore: intact, truncated, or with bytes flipped
            juce::MemoryBlock state;
            p->getStateInformation(state);
            std::string s(static_cast<const char*>(state.getData()), state.getSize());
            const int how = pick(3);
            if (how == 1)
                s.resize(static_cast<std::size_t>(pick(static_cast<int>(s.size()) + 1)));
            if (how == 2)
                for (int k = 0; k < 1 + pick(8) && !s.empty(); ++k)
                    s[static_cast<std::size_t>(pick(static_cast<int>(s.size())))] = static_cast<char>(rng());
            p->setStateInformation(s.data(), static_cast<int>(s.size()));
            ++t.stateLoads;
            t.corruptLoads += how != 0 ? 1 : 0;
            break;
        }
        case 4: {  // automation burst
            auto& params = p->getParameters();
            for (int k = 0; k < 1 + pick(5); ++k) {
                auto* param = params[pick(params.size())];
                param->setValueNotifyingHost(static_cast<float>(pick(1001)) / 1000.0f);
                ++t.paramChanges;
            }
            break;
        }
        case 5: {  // new curves, or hand-edited filters
            if (pick(3) == 0) {
                std::vector<PeqFilter> filters;
                for (int k = 0; k < pick(11); ++k)
                    filters.push_back({ static_cast<FilterType>(pick(3)), 20.0 * std::pow(1000.0, pick(1001) / 1000.0),
                                        pick(241) / 10.0 - 12.0, 0.3 + pick(48) / 10.0 });
                // One list for both channels or one per channel (the other channel's list reversed).
                std::vector<std::vector<PeqFilter>> lists { filters };
                if (pick(2) == 0)
                    lists.emplace_back(filters.rbegin(), filters.rend());
                p->setManualFilters(pick(4) == 0 ? std::nullopt : std::optional(lists));
            } else {
                p->setInputs(test::inputs(static_cast<std::size_t>(pick(5)), static_cast<std::size_t>(pick(3))));
            }
            ++t.inputChanges;
            break;
        }
        case 6: {  // the message thread catches up: the newest design reaches the audio path
            p->waitForDesign(pick(2) == 0 ? 1 : 20000);
            t.designsSeen += p->latestDesign() != nullptr ? 1 : 0;
            break;
        }
        }
        t.seconds[kind] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    const auto t0 = std::chrono::steady_clock::now();
    p.reset();
    t.seconds[7] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

TEST_CASE("1,000 random host sequences: output always finite, nothing thrown", "[stress]")
{
    test::juceRuntime();
    int sequences = 1000;
    if (const char* env = std::getenv("IEMEQ_STRESS_SEQUENCES"))
        sequences = std::max(1, std::atoi(env));
    Totals t;
    for (int i = 0; i < sequences; ++i) {
        INFO("sequence " << i << " (reproduce: runSequence(" << i << ", ...))");
        REQUIRE_NOTHROW(runSequence(i, t));
        REQUIRE(t.nonFinite == 0);
    }
    WARN(sequences << " sequences: " << t.blocks << " process calls (" << t.samples << " samples), " << t.prepares
                   << " prepares, " << t.stateLoads << " state loads (" << t.corruptLoads << " corrupted), "
                   << t.paramChanges << " parameter changes, " << t.inputChanges << " curve/filter changes, "
                   << t.designsSeen << " waits for a design; seconds in prepare " << t.seconds[0] << ", process "
                   << t.seconds[1] + t.seconds[2] << ", state " << t.seconds[3] << ", parameters " << t.seconds[4]
                   << ", curves " << t.seconds[5] << ", waits " << t.seconds[6] << ", destruction " << t.seconds[7]);
    CHECK(t.nonFinite == 0);
    CHECK(t.blocks > sequences);
    CHECK(t.stateLoads > sequences / 10);
}
