// Real-time engine benchmark: iemeq's partitioned convolver vs juce::dsp::Convolution (FFTW) vs a
// direct-form FIR, and the biquad cascade. Rounds are interleaved over the whole matrix and the
// median of each cell is reported, so a noisy neighbour on the machine hits every cell alike.
#include "Bench.h"

#include "dsp/design/Biquad.h"
#include "dsp/engine/BiquadCascade.h"
#include "dsp/engine/ComplexMac.h"
#include "dsp/engine/PartitionPlan.h"
#include "dsp/engine/PartitionedConvolver.h"

#if IEMEQ_BENCH_HAS_JUCE
#include <juce_dsp/juce_dsp.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>
#include <thread>
#include <vector>

namespace {

using namespace iemeq;
using bench::nowSeconds;

constexpr double kFs = 48000.0;
constexpr int kRounds = 7;
const int kTaps[] = { 4096, 16384, 65536 };
const int kBlocks[] = { 32, 64, 128, 256, 512, 1024 };

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::vector<float> decayingNoise(int n, std::mt19937& rng)
{
    std::normal_distribution<float> g(0.0f, 0.1f);
    std::vector<float> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        v[static_cast<std::size_t>(i)] = g(rng) * static_cast<float>(std::exp(-4.0 * i / n));
    return v;
}

// Stereo test signal, processed in place by each engine (content does not affect the timing).
struct Stereo {
    std::vector<float> l, r;
    explicit Stereo(std::size_t n, std::mt19937& rng) : l(n), r(n)
    {
        std::uniform_real_distribution<float> u(-0.5f, 0.5f);
        for (std::size_t i = 0; i < n; ++i) {
            l[i] = u(rng);
            r[i] = u(rng);
        }
    }
};

// Direct-form FIR: y[n] = sum_k h[k] x[n-k], vectorised over the output samples of a block.
class DirectFir {
public:
    DirectFir(std::vector<float> h, int maxBlock) : h_(std::move(h)), n_(static_cast<int>(h_.size()))
    {
        buf_.assign(static_cast<std::size_t>(n_ - 1 + maxBlock), 0.0f);
        y_.assign(static_cast<std::size_t>(maxBlock), 0.0f);
    }
    void process(float* x, int m)
    {
        float* b = buf_.data();
        std::copy(x, x + m, b + n_ - 1);
        std::fill(y_.begin(), y_.begin() + m, 0.0f);
        for (int k = 0; k < n_; ++k) {
            const float hk = h_[static_cast<std::size_t>(k)];
            const float* src = b + n_ - 1 - k;
            for (int i = 0; i < m; ++i)
                y_[static_cast<std::size_t>(i)] += hk * src[i];
        }
        std::copy(y_.begin(), y_.begin() + m, x);
        std::copy(b + m, b + m + n_ - 1, b);  // keep the last N-1 inputs
    }

private:
    std::vector<float> h_, buf_, y_;
    int n_;
};

struct Cell {
    int taps = 0, block = 0;
    std::vector<float> hl, hr;
    std::unique_ptr<PartitionedConvolver> ours;
    std::vector<double> oursNs, juceNs, directNs;
#if IEMEQ_BENCH_HAS_JUCE
    std::unique_ptr<juce::dsp::Convolution> juce;
#endif
    std::unique_ptr<DirectFir> dl, dr;
};

// ns per sample per channel for `frames` stereo frames fed in calls of `block` samples.
template <typename Fn>
double timeStereo(Stereo& sig, std::size_t frames, int block, Fn&& process)
{
    // Warm-up (caches, branch predictors) on a short stretch, not timed.
    for (std::size_t i = 0; i < 4096 && i + static_cast<std::size_t>(block) <= frames; i += static_cast<std::size_t>(block))
        process(sig.l.data() + i, sig.r.data() + i, block);
    const double t0 = nowSeconds();
    for (std::size_t i = 0; i < frames; i += static_cast<std::size_t>(block)) {
        const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(block), frames - i));
        process(sig.l.data() + i, sig.r.data() + i, n);
    }
    return (nowSeconds() - t0) * 1e9 / (2.0 * static_cast<double>(frames));
}

#if IEMEQ_BENCH_HAS_JUCE
std::unique_ptr<juce::dsp::Convolution> makeJuce(const std::vector<float>& hl, const std::vector<float>& hr, int block)
{
    auto conv = std::make_unique<juce::dsp::Convolution>();
    conv->prepare({ kFs, static_cast<juce::uint32>(block), 2 });
    juce::AudioBuffer<float> ir(2, static_cast<int>(hl.size()));
    ir.copyFrom(0, 0, hl.data(), static_cast<int>(hl.size()));
    ir.copyFrom(1, 0, hr.data(), static_cast<int>(hr.size()));
    conv->loadImpulseResponse(std::move(ir), kFs, juce::dsp::Convolution::Stereo::yes, juce::dsp::Convolution::Trim::no,
                              juce::dsp::Convolution::Normalise::no);
    // Loading happens on JUCE's background thread and is installed by process(): feed silence
    // until the IR is in, then long enough for JUCE's internal crossfade to finish.
    std::vector<float> l(static_cast<std::size_t>(block)), r(static_cast<std::size_t>(block));
    float* ch[2] = { l.data(), r.data() };
    juce::dsp::AudioBlock<float> ab(ch, 2, static_cast<std::size_t>(block));
    const double deadline = nowSeconds() + 30.0;
    while (conv->getCurrentIRSize() != static_cast<int>(hl.size()) && nowSeconds() < deadline) {
        conv->process(juce::dsp::ProcessContextReplacing<float>(ab));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (conv->getCurrentIRSize() != static_cast<int>(hl.size()))
        std::printf("  warning: JUCE did not load the %zu-tap IR in time\n", hl.size());
    for (int i = 0; i < static_cast<int>(kFs) / block; ++i)  // 1 s > JUCE's crossfade
        conv->process(juce::dsp::ProcessContextReplacing<float>(ab));
    return conv;
}

void processJuce(juce::dsp::Convolution& conv, float* l, float* r, int n)
{
    float* ch[2] = { l, r };
    juce::dsp::AudioBlock<float> ab(ch, 2, static_cast<std::size_t>(n));
    conv.process(juce::dsp::ProcessContextReplacing<float>(ab));
}
#endif

// The model of FFT convolution work, in flops per sample: 10 log2(2B) + 8 N / B.
double modelFlops(int B, int taps) { return 10.0 * std::log2(2.0 * B) + 8.0 * taps / B; }

int nextPow2(int v)
{
    int p = 1;
    while (p < v)
        p *= 2;
    return p;
}

void benchConvolution()
{
    std::mt19937 rng(2024);
    const std::size_t frames = static_cast<std::size_t>(kFs);  // 1 s of stereo audio per cell and round
    Stereo sig(frames, rng);
    std::printf("MAC implementation: %s; %d interleaved rounds of 1 s stereo @ 48 kHz per cell\n", complexMacIsa(), kRounds);
#if !IEMEQ_BENCH_HAS_JUCE
    std::printf("note: JUCE was not found at configure time, so juce::dsp::Convolution is not measured\n");
#endif
    std::vector<Cell> cells;
    for (int taps : kTaps)
        for (int block : kBlocks) {
            Cell c;
            c.taps = taps;
            c.block = block;
            c.hl = decayingNoise(taps, rng);
            c.hr = decayingNoise(taps, rng);
            c.ours = std::make_unique<PartitionedConvolver>();
            PartitionedConvolver::Config cfg;
            cfg.sampleRate = kFs;
            cfg.maxBlockSize = block;
            cfg.maxKernelTaps = taps;
            c.ours->prepare(cfg);
            c.ours->setKernelNow(c.ours->makeKernel({ c.hl, c.hr }));
#if IEMEQ_BENCH_HAS_JUCE
            c.juce = makeJuce(c.hl, c.hr, block);
#endif
            if (taps <= 4096) {
                c.dl = std::make_unique<DirectFir>(c.hl, block);
                c.dr = std::make_unique<DirectFir>(c.hr, block);
            }
            cells.push_back(std::move(c));
        }
    for (int round = 0; round < kRounds; ++round)
        for (auto& c : cells) {
            c.oursNs.push_back(timeStereo(sig, frames, c.block, [&](float* l, float* r, int n) {
                float* ch[2] = { l, r };
                c.ours->process(ch, 2, n);
            }));
#if IEMEQ_BENCH_HAS_JUCE
            c.juceNs.push_back(timeStereo(sig, frames, c.block, [&](float* l, float* r, int n) { processJuce(*c.juce, l, r, n); }));
#endif
            if (c.dl && round < 3)  // direct form is slow and steady: fewer rounds, a tenth of the audio
                c.directNs.push_back(timeStereo(sig, frames / 10, c.block, [&](float* l, float* r, int n) {
                    c.dl->process(l, n);
                    c.dr->process(r, n);
                }));
        }

    std::printf("\nns per sample per channel (median of rounds); GFLOP/s against the model 10*log2(2B)+8N/B\n");
    std::printf("%6s %5s | %5s %9s %7s %7s | %5s %9s %7s | %9s | %6s\n", "taps", "block", "B", "iemeq ns", "GF/s", "GF/s*",
                "B", "juce ns", "GF/s", "direct ns", "ratio");
    std::vector<double> ratios;
    for (const auto& c : cells) {
        const double ours = median(c.oursNs);
        const int B = c.ours->partitionSize();
        const double oursModel = modelFlops(B, c.taps);
        const double oursEffective = partitionCost(B, c.taps, c.block).flopsPerSample;
        std::printf("%6d %5d | %5d %9.2f %7.2f %7.2f |", c.taps, c.block, B, ours, oursModel / ours, oursEffective / ours);
#if IEMEQ_BENCH_HAS_JUCE
        const double jn = median(c.juceNs);
        const int jB = nextPow2(c.block);
        std::printf(" %5d %9.2f %7.2f |", jB, jn, modelFlops(jB, c.taps) / jn);
        ratios.push_back(jn / ours);
#else
        std::printf(" %5s %9s %7s |", "-", "-", "-");
#endif
        if (!c.directNs.empty())
            std::printf(" %9.2f |", median(c.directNs));
        else
            std::printf(" %9s |", "-");
        if (!ratios.empty() && ratios.size() == static_cast<std::size_t>(&c - cells.data()) + 1)
            std::printf(" %6.2f\n", ratios.back());
        else
            std::printf(" %6s\n", "-");
    }
    std::printf("(GF/s: model flops at the partition size B / time; GF/s*: iemeq's own cost model, which also\n"
                " counts the extra transform per call when B exceeds the host block)\n");

    // Odd, varying block sizes: a host calling with 1..1024 samples (mean ~512), engine prepared for 512.
    std::printf("\nodd varying host blocks (uniform 1..1024, prepared for 512) vs fixed 512-sample calls, ns/sample/channel\n");
    for (int taps : kTaps) {
        auto hl = decayingNoise(taps, rng), hr = decayingNoise(taps, rng);
        PartitionedConvolver conv;
        PartitionedConvolver::Config cfg;
        cfg.maxBlockSize = 512;
        cfg.maxKernelTaps = taps;
        conv.prepare(cfg);
        conv.setKernelNow(conv.makeKernel({ hl, hr }));
        std::vector<double> fixed, odd;
        std::vector<int> sizes;
        std::mt19937 brng(5);
        std::uniform_int_distribution<int> u(1, 1024);
        for (std::size_t i = 0; i < frames;) {
            const int n = u(brng);
            sizes.push_back(n);
            i += static_cast<std::size_t>(n);
        }
        for (int round = 0; round < kRounds; ++round) {
            fixed.push_back(timeStereo(sig, frames, 512, [&](float* l, float* r, int n) {
                float* ch[2] = { l, r };
                conv.process(ch, 2, n);
            }));
            const double t0 = nowSeconds();
            std::size_t i = 0;
            for (int n : sizes) {
                n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(n), frames - i));
                float* ch[2] = { sig.l.data() + i, sig.r.data() + i };
                conv.process(ch, 2, n);
                i += static_cast<std::size_t>(n);
                if (i >= frames)
                    break;
            }
            odd.push_back((nowSeconds() - t0) * 1e9 / (2.0 * static_cast<double>(i)));
        }
        std::printf("  taps %6d  B %5d  fixed %7.2f  varying %7.2f  cost x%.2f\n", taps, conv.partitionSize(), median(fixed),
                    median(odd), median(odd) / median(fixed));
    }

    // Biquad cascade, stereo, 10 and 20 peaking sections.
    std::printf("\nbiquad cascade, stereo, 256-sample calls\n");
    for (int sections : { 10, 20 }) {
        std::vector<BiquadCoeffs> c;
        for (int s = 0; s < sections; ++s)
            c.push_back(rbjCoefficients({ FilterType::Peaking, 40.0 * std::pow(1.4, s), s % 2 ? 3.0 : -4.0, 1.5 }, kFs));
        BiquadCascade cascade;
        cascade.setSections(c.data(), sections, -1, true);
        std::vector<double> ns;
        for (int round = 0; round < kRounds; ++round)
            ns.push_back(timeStereo(sig, frames, 256, [&](float* l, float* r, int n) {
                float* ch[2] = { l, r };
                cascade.process(ch, 2, n);
            }));
        const double m = median(ns);
        std::printf("  %2d sections: %6.2f ns per sample per channel (%6.2f ns per stereo frame, %.2f ns per section-sample)\n",
                    sections, m, 2 * m, m / sections);
    }

#if IEMEQ_BENCH_HAS_JUCE
    const double med = median(ratios);
    const double worst = *std::min_element(ratios.begin(), ratios.end());
    std::printf("engine/juce median speed ratio: %.2f (worst %.2f)\n", med, worst);
#else
    std::printf("engine/juce median speed ratio: n/a (built without JUCE)\n");
#endif
    std::fflush(stdout);
}

bench::Register reg("engine", benchConvolution);

} // namespace
