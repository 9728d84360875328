// The partitioned convolver against a double-precision direct convolution: random kernels,
// random (varying) host block sizes, both channels, kernel swaps with their crossfade.
#include "dsp/core/Error.h"
#include "dsp/engine/PartitionPlan.h"
#include "dsp/engine/PartitionedConvolver.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using namespace iemeq;

namespace {

std::vector<double> directConvolution(const std::vector<float>& x, const std::vector<float>& h)
{
    std::vector<double> y(x.size(), 0.0);
    for (std::size_t n = 0; n < x.size(); ++n) {
        double acc = 0;
        const std::size_t kmax = std::min(h.size(), n + 1);
        for (std::size_t k = 0; k < kmax; ++k)
            acc += static_cast<double>(h[k]) * x[n - k];
        y[n] = acc;
    }
    return y;
}

std::vector<float> noise(std::size_t n, std::mt19937& rng, double decay = 0.0)
{
    std::normal_distribution<float> g(0.0f, 1.0f);
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = g(rng) * static_cast<float>(std::exp(-decay * static_cast<double>(i)));
    return v;
}

// rms(err) / rms(ref) in dB over [from, to).
double relativeErrorDb(const std::vector<float>& got, const std::vector<double>& ref, std::size_t from = 0, std::size_t to = SIZE_MAX)
{
    to = std::min(to, ref.size());
    double e = 0, r = 0;
    for (std::size_t i = from; i < to; ++i) {
        e += (got[i] - ref[i]) * (got[i] - ref[i]);
        r += ref[i] * ref[i];
    }
    return 10 * std::log10(e / r + 1e-300);
}

// Runs the signal through `conv` in random block sizes 1..maxBlock that change every call.
void runRandomBlocks(PartitionedConvolver& conv, std::vector<float>& l, std::vector<float>& r, std::mt19937& rng, int maxBlock)
{
    std::uniform_int_distribution<int> blocks(1, maxBlock);
    std::size_t i = 0;
    while (i < l.size()) {
        const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(blocks(rng)), l.size() - i));
        float* ch[2] = { l.data() + i, r.data() + i };
        conv.process(ch, 2, n);
        i += static_cast<std::size_t>(n);
    }
}

} // namespace

TEST_CASE("Partitioned convolver equals direct convolution within -100 dB (random kernels and blocks)", "[engine][convolver]")
{
    std::mt19937 rng(1234);
    struct Case { int taps; int hostBlock; int partition; };
    const Case cases[] = { { 1, 64, 0 },      { 17, 1, 16 },     { 300, 4096, 0 },  { 4096, 32, 0 },
                           { 5000, 512, 0 },  { 8191, 64, 256 }, { 12000, 1024, 0 }, { 3000, 4096, 16 },
                           { 20000, 128, 0 } };
    for (const auto& tc : cases) {
        PartitionedConvolver conv;
        PartitionedConvolver::Config cfg;
        cfg.maxBlockSize = tc.hostBlock;
        cfg.maxKernelTaps = tc.taps;
        cfg.partitionSize = tc.partition;
        conv.prepare(cfg);
        const auto hl = noise(static_cast<std::size_t>(tc.taps), rng, 3.0 / tc.taps);
        const auto hr = noise(static_cast<std::size_t>(tc.taps), rng, 1.0 / tc.taps);
        conv.setKernelNow(conv.makeKernel({ hl, hr }));
        const std::size_t len = static_cast<std::size_t>(2 * tc.taps + 20000);
        auto l = noise(len, rng), r = noise(len, rng);
        const auto refL = directConvolution(l, hl), refR = directConvolution(r, hr);
        runRandomBlocks(conv, l, r, rng, 4096);
        const double eL = relativeErrorDb(l, refL), eR = relativeErrorDb(r, refR);
        INFO("taps " << tc.taps << " partition " << conv.partitionSize() << " error L " << eL << " dB, R " << eR << " dB");
        CHECK(eL < -100.0);
        CHECK(eR < -100.0);
        CHECK(conv.latencySamples() == 0);
    }
}

TEST_CASE("Partitioned convolver: a mono kernel feeds both channels", "[engine][convolver]")
{
    std::mt19937 rng(7);
    PartitionedConvolver conv;
    PartitionedConvolver::Config cfg;
    cfg.maxBlockSize = 100;
    cfg.maxKernelTaps = 3000;
    conv.prepare(cfg);
    const auto h = noise(3000, rng, 0.002);
    conv.setKernelNow(conv.makeKernel({ h }, 1499));
    CHECK(conv.latencySamples() == 1499);
    auto l = noise(20000, rng), r = noise(20000, rng);
    const auto refL = directConvolution(l, h), refR = directConvolution(r, h);
    runRandomBlocks(conv, l, r, rng, 700);
    CHECK(relativeErrorDb(l, refL) < -100.0);
    CHECK(relativeErrorDb(r, refR) < -100.0);
}

TEST_CASE("Partitioned convolver: kernel swap crossfades linearly and lands on the new kernel", "[engine][convolver]")
{
    std::mt19937 rng(99);
    PartitionedConvolver conv;
    PartitionedConvolver::Config cfg;
    cfg.sampleRate = 48000;
    cfg.maxBlockSize = 256;
    cfg.maxKernelTaps = 6000;
    cfg.crossfadeMs = 30;
    conv.prepare(cfg);
    const int fade = 1440;  // 30 ms at 48 kHz
    const auto a = noise(6000, rng, 0.001), b = noise(4000, rng, 0.002);
    conv.setKernelNow(conv.makeKernel({ a }));
    const std::size_t len = 40000, swapAt = 17000;  // not on a block boundary
    auto l = noise(len, rng), r = noise(len, rng);
    const auto refA = directConvolution(l, a), refB = directConvolution(l, b);
    auto kernelB = conv.makeKernel({ b }, 42);
    std::size_t i = 0;
    std::uniform_int_distribution<int> blocks(1, 300);
    bool swapped = false;
    while (i < len) {
        if (!swapped && i >= swapAt) {
            conv.setKernel(std::move(kernelB));  // the audio thread picks it up on the next call
            swapped = true;
            REQUIRE(!conv.isCrossfading());
        }
        const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(blocks(rng)), len - i));
        float* ch[2] = { l.data() + i, r.data() + i };
        conv.process(ch, 2, n);
        i += static_cast<std::size_t>(n);
    }
    // Locate the fade start: the first sample at/after swapAt where the output departs from A.
    std::size_t fadeStart = swapAt;
    while (fadeStart < len && std::abs(l[fadeStart] - refA[fadeStart]) < 1e-4 * (1 + std::abs(refA[fadeStart])))
        ++fadeStart;
    // The fade starts at the first call after publishing, i.e. within one host block (< 300).
    CHECK(fadeStart >= swapAt);
    CHECK(fadeStart < swapAt + 300);
    std::vector<double> blend(len);
    for (std::size_t n = 0; n < len; ++n) {
        const double g = n < fadeStart ? 0.0 : std::min(1.0, static_cast<double>(n - fadeStart + 1) / fade);
        blend[n] = refA[n] + g * (refB[n] - refA[n]);
    }
    CHECK(relativeErrorDb(l, refA, 0, swapAt) < -100.0);
    CHECK(relativeErrorDb(l, blend, fadeStart, fadeStart + fade) < -100.0);
    CHECK(relativeErrorDb(l, refB, fadeStart + fade, len) < -100.0);
    CHECK(conv.latencySamples() == 42);
    CHECK(!conv.isCrossfading());
}

TEST_CASE("Partitioned convolver: bad kernels are refused with a clear error", "[engine][convolver]")
{
    PartitionedConvolver conv;
    PartitionedConvolver::Config cfg;
    cfg.maxKernelTaps = 100;
    conv.prepare(cfg);
    CHECK_THROWS_AS(conv.makeKernel({ std::vector<float>(101, 0.1f) }), Error);
    CHECK_THROWS_AS(conv.makeKernel({}), Error);
    CHECK_THROWS_AS(conv.makeKernel({ {}, {} }), Error);
}

TEST_CASE("Partition size model prefers long partitions for long kernels at small blocks", "[engine][convolver]")
{
    // The model's optimum for 65536 taps at 32-sample calls is far above 32 and costs several
    // times less than partitioning at the host block size.
    const int B = choosePartitionSize(65536, 32);
    CHECK(B >= 256);
    CHECK(partitionCost(32, 65536, 32).flopsPerSample / partitionCost(B, 65536, 32).flopsPerSample > 3.0);
    CHECK(choosePartitionSize(4096, 1024) == 1024);
}
