// processBlock is real-time safe: while it runs on the audio thread, nothing allocates, frees,
// locks a mutex, touches a condition variable or makes a system call (RtGuard counts each), even
// while the message thread changes parameters, loads curves and restores state and the design
// worker publishes new designs (parametric and FIR, so kernels are swapped and crossfaded too).
#include "ProcessorFixture.h"
#include "RtGuard.h"

#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace iemeq;
using namespace iemeq::plugin;
namespace rtg = iemeq::rtguard;

namespace {
// Allocations the optimiser may not elide: the pointer escapes.
int* volatile sink = nullptr;
} // namespace

TEST_CASE("The guard sees what it must catch (self-test)", "[rt]")
{
    rtg::resetCounts();
    std::mutex m;
    std::condition_variable cv;
    {
        rtg::ScopedArm armed;
        sink = new int(3);
        delete sink;
        void* q = std::malloc(64);
        q = std::realloc(q, 256);
        std::free(q);
        { std::lock_guard lock(m); }
        cv.notify_one();
        std::this_thread::sleep_for(std::chrono::microseconds(1));
        std::vector<float> v(100);
        sink = reinterpret_cast<int*>(v.data());
        (void)!::write(-1, "x", 1);
    }
    const std::string seen = rtg::summary();
    INFO(seen);
    CHECK(rtg::count(rtg::Kind::New) == 2);  // new int, and the vector's buffer
    CHECK(rtg::count(rtg::Kind::Delete) == 2);
    CHECK(rtg::count(rtg::Kind::Malloc) == 1);
    CHECK(rtg::count(rtg::Kind::Realloc) == 1);
    CHECK(rtg::count(rtg::Kind::Free) == 1);
    CHECK(rtg::count(rtg::Kind::MutexLock) == 1);
    CHECK(rtg::count(rtg::Kind::CondSignal) == 1);
    CHECK(rtg::count(rtg::Kind::Sleep) == 1);
    CHECK(rtg::count(rtg::Kind::Write) == 1);

    // Other threads are not watched: only the armed thread counts.
    rtg::resetCounts();
    rtg::ScopedArm armed;
    std::thread([] { delete new int(1); }).join();  // std::thread itself allocates here: counted
    const auto afterSpawn = rtg::total();
    rtg::disarm();
    std::thread([] {
        for (int i = 0; i < 100; ++i)
            delete new int(i);
    }).join();
    CHECK(rtg::total() >= afterSpawn);
    CHECK(rtg::count(rtg::Kind::New) <= 2);  // the 100 unarmed allocations were not counted
}

TEST_CASE("processBlock never allocates, locks or makes system calls, while designs swap and parameters move", "[rt]")
{
    test::juceRuntime();
    constexpr double fs = 48000.0;
    constexpr int maxBlock = 512;
    IemeqProcessor p;
    p.setInputs(test::inputs(0, 0));
    p.prepareToPlay(fs, maxBlock);

    // Host buffers, allocated before the audio thread starts. Block sizes vary like a host's do.
    std::vector<float> left(maxBlock), right(maxBlock);
    const auto source = test::noise(1 << 16, 0.3f, 7);
    const int blockSizes[] = { 512, 1, 64, 480, 128, 33, 256, 512, 7, 300 };
    auto* correction = p.parameters().getParameter(ParamID::correction);
    auto* outputGain = p.parameters().getParameter(ParamID::outputGain);

    std::atomic<bool> stop { false };
    std::atomic<long> blocks { 0 }, nonFinite { 0 };
    rtg::resetCounts();
    std::thread audio([&] {
        juce::MidiBuffer midi;
        std::size_t pos = 0;
        long b = 0;
        while (!stop.load(std::memory_order_relaxed)) {
            const int n = blockSizes[b % std::size(blockSizes)];
            for (int i = 0; i < n; ++i, pos = (pos + 1) & (source.size() - 1))
                left[static_cast<std::size_t>(i)] = right[static_cast<std::size_t>(i)] = source[pos];
            float* ch[2] = { left.data(), right.data() };
            juce::AudioBuffer<float> buffer(ch, 2, n);
            {
                rtg::ScopedArm armed;
                p.processBlock(buffer, midi);
            }
            for (int i = 0; i < n; ++i)
                nonFinite += std::isfinite(left[static_cast<std::size_t>(i)]) ? 0 : 1;
            // Host automation between callbacks (JUCE's own listener bookkeeping is not ours).
            if (b % 97 == 0)
                correction->setValueNotifyingHost((b / 97) % 5 == 4 ? 0.0f : 1.0f);
            if (b % 41 == 0)
                outputGain->setValueNotifyingHost(static_cast<float>((b / 41) % 7) / 7.0f);
            ++b;
            blocks.store(b, std::memory_order_relaxed);
        }
    });

    // The message thread: every kind of change that leads to a new design reaching the audio thread.
    int designs = 0;
    std::uint64_t lastGeneration = 0;
    auto countDesign = [&] {
        p.waitForDesign(20000);
        if (auto d = p.latestDesign(); d && d->generation != lastGeneration) {
            lastGeneration = d->generation;
            ++designs;
        }
    };
    const char* designParams[] = { ParamID::amount, ParamID::bass, ParamID::tilt, ParamID::treble, ParamID::earGain,
                                   ParamID::autoPreamp, ParamID::channelMode };
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    juce::MemoryBlock state;
    for (int round = 0; round < 24; ++round) {
        // Parametric, FIR minimum phase, FIR linear phase: section swaps, kernel swaps, latency moves.
        test::setParam(p, ParamID::mode, static_cast<float>(round % 3));
        countDesign();
        p.parameters().getParameter(designParams[round % std::size(designParams)])->setValueNotifyingHost(u(rng));
        countDesign();
        if (round % 4 == 1)
            p.setInputs(test::inputs(static_cast<std::size_t>(round), static_cast<std::size_t>(round / 4)));
        if (round % 4 == 2) {
            p.getStateInformation(state);
            p.setStateInformation(state.getData(), static_cast<int>(state.getSize()));
        }
        if (round % 6 == 3) {
            // One list for both channels, or one per channel (a per-channel correction edited by hand).
            const std::vector<PeqFilter> both { { FilterType::Peaking, 1000.0, -3.0 + round % 5, 1.4 },
                                                { FilterType::LowShelf, 105.0, 2.0, 0.7 } };
            std::vector<std::vector<PeqFilter>> lists { both };
            if (round % 12 == 9)
                lists.push_back({ { FilterType::HighShelf, 8000.0, -2.0, 0.7 } });
            p.setManualFilters(lists);
        }
        if (round % 6 == 5)
            p.setManualFilters(std::nullopt);
        countDesign();
    }
    // Let the last design and its crossfade play.
    const long until = blocks.load() + 400;
    while (blocks.load() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    stop = true;
    audio.join();

    const std::string violations = rtg::summary();
    INFO("on the audio thread during processBlock: " << violations);
    CHECK(rtg::total() == 0);
    CHECK(nonFinite == 0);
    CHECK(blocks > 2000);
    CHECK(designs >= 40);
    WARN("processBlock calls " << blocks << ", designs published " << designs << ", violations " << rtg::total());
}

TEST_CASE("Host automation on the audio thread: no allocation or system call, only JUCE's listener locks", "[rt]")
{
    // Hosts deliver automation on the audio thread through setValueNotifyingHost. iemeq's listener
    // only sets a flag; JUCE itself takes its listener-list locks (uncontended: the message thread
    // adds listeners only at construction), which this test measures and bounds.
    test::juceRuntime();
    IemeqProcessor p;
    p.setInputs(test::inputs(0, 0));
    p.prepareToPlay(48000.0, 512);
    int changes = 0;
    rtg::resetCounts();
    for (auto* param : p.getParameters())
        for (float v : { 0.3f, 0.7f, 0.0f, 1.0f }) {
            rtg::ScopedArm armed;
            param->setValueNotifyingHost(v);
            ++changes;
        }
    const auto locks = rtg::count(rtg::Kind::MutexLock);
    INFO(changes << " automation changes: " << rtg::summary());
    CHECK(rtg::total() == 2 * locks);  // nothing but lock/unlock pairs
    CHECK(rtg::count(rtg::Kind::MutexUnlock) == locks);
    CHECK(locks <= 2u * static_cast<unsigned>(changes));
    WARN(changes << " automation changes on the audio thread: " << locks << " JUCE listener locks, nothing else");
}
