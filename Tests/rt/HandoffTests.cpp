// The design hand-off under concurrency, JUCE-free so it also runs in a small ThreadSanitizer
// build (cmake/run-tests.sh): a worker publishing while an "audio" thread pulls, through
// LatestSlot, OwnedMailbox, the real DesignWorker and the PartitionedConvolver's kernel swap.
//
// Catch2 is not thread-safe: the threads only count; every assertion runs on the main thread.
#include "dsp/engine/PartitionedConvolver.h"
#include "dsp/rt/LatestSlot.h"
#include "dsp/rt/OwnedMailbox.h"
#include "plugin/core/DesignJob.h"
#include "plugin/core/DesignWorker.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

using namespace iemeq;

namespace {

// A payload that knows whether it arrived whole: every value equals its sequence number.
struct Payload {
    static inline std::atomic<int> live { 0 };
    std::uint64_t seq;
    std::vector<std::uint64_t> values;
    explicit Payload(std::uint64_t s) : seq(s), values(257, s) { live.fetch_add(1); }
    ~Payload() { live.fetch_sub(1); }
    bool whole() const
    {
        for (auto v : values)
            if (v != seq)
                return false;
        return true;
    }
};

// The gain every stub design of a generation realises (its FIR kernel is gain * delta).
float gainFor(std::uint64_t generation) { return 0.5f + 0.125f * static_cast<float>(generation % 9); }

} // namespace

// The worker runs this instead of the real designer: the hand-off is under test, not the design
// (and the TSan build stays small). It allocates like a real design and fills every field the
// audio thread reads with values derived from the generation, so a torn result is detectable.
iemeq::plugin::DesignResult iemeq::plugin::runDesign(const DesignRequest& request)
{
    DesignResult r;
    r.generation = request.generation;
    r.sampleRate = request.sampleRate;
    const float g = gainFor(request.generation);
    r.numSections = 3;
    for (auto& ch : r.sections)
        for (int k = 0; k < r.numSections; ++k)
            ch[static_cast<std::size_t>(k)] = BiquadCoeffs { g, 0.0, 0.0, 0.0, 0.0 };
    r.fir = true;
    r.firTaps.assign(1, std::vector<float>(128, 0.0f));
    r.firTaps[0][0] = g;
    r.preampDb = 20.0 * std::log10(g);
    r.message = "generation " + std::to_string(request.generation);
    return r;
}

TEST_CASE("LatestSlot: objects arrive whole, in order, and are all deleted", "[rt][handoff]")
{
    constexpr std::uint64_t kPublishes = 20000;
    std::atomic<int> torn { 0 }, backwards { 0 }, taken { 0 };
    std::atomic<bool> done { false };
    {
        rt::LatestSlot<Payload> slot;
        std::thread consumer([&] {
            std::uint64_t last = 0;
            bool finished = false;
            // One more round after `done`: on a loaded machine this thread may first run only
            // after the producer finished, and the last object must still arrive.
            while (!finished) {
                finished = done.load();
                if (auto* p = slot.acquireNew()) {
                    torn += p->whole() ? 0 : 1;
                    backwards += p->seq > last ? 0 : 1;
                    last = p->seq;
                    ++taken;
                }
                if (auto* c = slot.current())
                    torn += c->whole() ? 0 : 1;
            }
        });
        for (std::uint64_t i = 1; i <= kPublishes; ++i) {
            slot.publish(std::make_unique<Payload>(i));
            if (i % 64 == 0)
                std::this_thread::yield();
        }
        done = true;
        consumer.join();
    }
    CHECK(torn == 0);
    CHECK(backwards == 0);
    CHECK(taken >= 1);
    CHECK(Payload::live == 0);  // taken, overtaken and retired objects were all deleted
}

TEST_CASE("OwnedMailbox: the consumer holds objects, retires them, the producer deletes them", "[rt][handoff]")
{
    constexpr std::uint64_t kPublishes = 20000;
    std::atomic<int> torn { 0 }, taken { 0 }, retryRetire { 0 };
    std::atomic<bool> done { false };
    {
        rt::OwnedMailbox<Payload> box;
        std::thread consumer([&] {
            // Holds up to two objects like a crossfade (old and new kernel), retires the older.
            Payload* held[2] = { nullptr, nullptr };
            Payload* toRetire = nullptr;
            auto step = [&] {
                if (toRetire != nullptr && box.retire(toRetire))
                    toRetire = nullptr;
                else if (toRetire != nullptr)
                    ++retryRetire;
                if (toRetire == nullptr)
                    if (auto* p = box.take()) {
                        ++taken;
                        torn += p->whole() ? 0 : 1;
                        toRetire = held[0];
                        held[0] = held[1];
                        held[1] = p;
                    }
                for (auto* h : held)
                    if (h != nullptr)
                        torn += h->whole() ? 0 : 1;
            };
            // One more round after `done` (see the LatestSlot test): the last object arrives too.
            for (bool finished = false; !finished;) {
                finished = done.load();
                step();
            }
            // Audio stopped: give everything back.
            while (toRetire != nullptr && !box.retire(toRetire))
                std::this_thread::yield();
            for (auto* h : held)
                while (h != nullptr && !box.retire(h))
                    std::this_thread::yield();
        });
        for (std::uint64_t i = 1; i <= kPublishes; ++i) {
            box.publish(std::make_unique<Payload>(i));
            if (i % 64 == 0)
                std::this_thread::yield();
        }
        done = true;
        consumer.join();
        box.collectGarbage();
    }
    CHECK(torn == 0);
    CHECK(taken >= 1);
    CHECK(Payload::live == 0);
    WARN("taken " << taken << " of " << kPublishes << ", retire retried " << retryRetire << " times");
}

TEST_CASE("DesignWorker + convolver: the audio thread pulls while the worker publishes and swaps kernels", "[rt][handoff]")
{
    constexpr double fs = 48000.0;
    constexpr int block = 64;
    PartitionedConvolver conv;
    PartitionedConvolver::Config cfg;
    cfg.sampleRate = fs;
    cfg.maxBlockSize = block;
    cfg.maxKernelTaps = 256;
    cfg.numChannels = 2;
    cfg.crossfadeMs = 2.0;
    conv.prepare(cfg);

    std::atomic<int> kernelsHanded { 0 };
    std::atomic<int> torn { 0 }, backwards { 0 }, acquired { 0 }, nonFinite { 0 }, outOfBounds { 0 };
    std::atomic<std::uint64_t> lastSeen { 0 };
    std::atomic<bool> stop { false }, fading { false };
    std::atomic<long> blocks { 0 };
    std::atomic<double> settledGain { 0.0 };
    {
        plugin::DesignWorker worker({}, [&](const plugin::DesignResult& r, bool) {
            // As the processor does: the designing thread hands the FIR kernel to the convolver.
            conv.setKernel(conv.makeKernel(r.firTaps, 0));
            ++kernelsHanded;
        });

        std::thread audio([&] {
            std::vector<float> l(block), r(block);
            float* io[2] = { l.data(), r.data() };
            std::uint64_t last = 0;
            const float maxGain = gainFor(8);
            while (!stop.load()) {
                if (auto* d = worker.acquireNew()) {
                    const float g = gainFor(d->generation);
                    bool whole = d->firTaps.size() == 1 && d->firTaps[0].size() == 128 && d->firTaps[0][0] == g
                                 && d->numSections == 3;
                    for (const auto& ch : d->sections)
                        for (int k = 0; k < 3; ++k)
                            whole = whole && ch[static_cast<std::size_t>(k)].b0 == g;
                    torn += whole ? 0 : 1;
                    backwards += d->generation > last ? 0 : 1;
                    last = d->generation;
                    lastSeen = last;
                    ++acquired;
                }
                for (int i = 0; i < block; ++i)
                    l[static_cast<std::size_t>(i)] = r[static_cast<std::size_t>(i)] = (i % 2 == 0) ? 0.5f : -0.25f;
                conv.process(io, 2, block);
                for (int i = 0; i < block; ++i) {
                    const float y = l[static_cast<std::size_t>(i)];
                    nonFinite += std::isfinite(y) && std::isfinite(r[static_cast<std::size_t>(i)]) ? 0 : 1;
                    // A delta kernel, or a crossfade between two: never louder than the largest gain.
                    outOfBounds += std::abs(y) <= 0.5f * maxGain + 1e-4f ? 0 : 1;
                }
                // Measured gain of the last block: sample 0 of the block is input 0.5.
                settledGain = l[0] / 0.5f;
                fading = conv.isCrossfading();  // the convolver's state is the audio thread's own
                ++blocks;
            }
        });

        // The "message thread": a burst of parameter changes, one request each, plus UI reads.
        constexpr std::uint64_t kRequests = 600;
        int uiReads = 0;
        for (std::uint64_t gen = 1; gen <= kRequests; ++gen) {
            worker.request(plugin::DesignRequest { nullptr, {}, fs, gen });
            const auto d = worker.latestForUi();
            uiReads += (d == nullptr || d->generation <= gen) ? 1 : 0;
            std::this_thread::sleep_for(std::chrono::microseconds(gen % 3 == 0 ? 300 : 20));
        }
        REQUIRE(worker.waitUntilIdle(10000));
        // Let the audio thread take the last result and finish the crossfade (2 ms).
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while ((lastSeen.load() != kRequests || fading.load()) && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        const long atSettle = blocks.load();
        while (blocks.load() < atSettle + 50 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop = true;
        audio.join();

        CHECK(uiReads == static_cast<int>(kRequests));
        CHECK(worker.latestForUi()->generation == kRequests);  // the last request is never dropped
        CHECK(lastSeen == kRequests);
        CHECK(settledGain.load() == Approx(gainFor(kRequests)).margin(1e-5));
    }
    CHECK(torn == 0);
    CHECK(backwards == 0);
    CHECK(nonFinite == 0);
    CHECK(outOfBounds == 0);
    CHECK(acquired >= 2);
    CHECK(kernelsHanded >= acquired);
    WARN("requests 600, kernels handed " << kernelsHanded << ", results acquired by audio " << acquired
                                        << ", audio blocks " << blocks);
}
