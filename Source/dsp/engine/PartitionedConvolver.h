#pragma once
// Real-time, zero-latency, uniformly partitioned FIR convolution (overlap-save, FFTW float),
// one or two channels, with crossfading kernel swaps.
//
// Threads: prepare() and makeKernel() run off the audio thread (they allocate and plan FFTs);
// setKernel() is called by the producer (design worker); process() is real-time safe: no
// allocation, lock, FFT planning or deallocation. A kernel handed over with setKernel() is
// faded in over `crossfadeMs` while the old one fades out; both see the same input history, so
// the new kernel's output is complete from its first sample.
//
// Zero latency: each call transforms the current (partly filled) block again, so output sample
// t depends on inputs up to t. The delay-line products of the other partitions are computed
// once per block and spread evenly over the calls of the block before they are needed, so no
// single call pays for the whole delay line.
#include "../rt/OwnedMailbox.h"
#include "AlignedFloats.h"
#include "ConvolverKernel.h"

#include <atomic>
#include <memory>
#include <vector>

namespace iemeq {

class PartitionedConvolver {
public:
    struct Config {
        double sampleRate = 48000.0;
        int maxBlockSize = 512;     // typical (largest) host block; chooses the partition size
        int maxKernelTaps = 8192;   // longest kernel setKernel() will accept
        int numChannels = 2;        // 1 or 2
        int partitionSize = 0;      // 0 = choose from the cost model, else a power of two >= 16
        double crossfadeMs = 30.0;  // kernel swap crossfade
    };

    PartitionedConvolver() = default;
    ~PartitionedConvolver();
    PartitionedConvolver(const PartitionedConvolver&) = delete;
    PartitionedConvolver& operator=(const PartitionedConvolver&) = delete;

    // Off the audio thread, with audio stopped: allocates, plans, clears history and kernels.
    void prepare(const Config& config);

    // Any non-audio thread: transforms `channels` (1 or numChannels kernels; a mono kernel feeds
    // every channel) for this configuration. Throws Error on empty/too long/too many channels.
    std::unique_ptr<ConvolverKernel> makeKernel(const std::vector<std::vector<float>>& channels, int latencySamples = 0) const;

    // Producer thread: hand a kernel to the audio thread (latest wins; crossfaded in).
    void setKernel(std::unique_ptr<ConvolverKernel> kernel);

    // With audio stopped (e.g. right after prepare): install a kernel at once, no fade.
    void setKernelNow(std::unique_ptr<ConvolverKernel> kernel);

    // Audio thread: filters `numChannels` channels in place. Before the first kernel: pass-through.
    void process(float* const* channels, int numChannels, int numSamples) noexcept;

    // Audio thread or stopped: clears the input history (kernels stay).
    void reset() noexcept;

    int partitionSize() const noexcept { return B_; }
    bool isCrossfading() const noexcept { return fadeFrom_ >= 0; }
    // The active kernel's reported latency (readable from any thread).
    int latencySamples() const noexcept { return latency_.load(std::memory_order_relaxed); }

private:
    struct Channel {
        AlignedFloats frame;            // 2B: previous block | current block (zero beyond pos)
        AlignedFloats xr, xi;           // spectrum of the current frame
        AlignedFloats fdlRe, fdlIm;     // ring of past block spectra, ring_ * S
        AlignedFloats accRe[2][2], accIm[2][2];  // [slot][current/next]
    };
    struct Slot {
        ConvolverKernel* kernel = nullptr;  // nullptr = pass-through
        int cur = 0;                        // which acc buffer is "current" (other is "next")
        int done = 0;                       // delay-line terms of "next" accumulated so far
    };

    void releasePlans();
    void destroyKernels();
    void beginSwap(ConvolverKernel* k) noexcept;
    void fullAccumulate(int slot) noexcept;
    void spread(Channel& c, int slot, int ch, int target) noexcept;
    void processChunk(float* const* io, int nch, int offset, int m) noexcept;
    void completeBlock(int nch) noexcept;
    const float* fdlRe(const Channel& c, int q) const noexcept;  // q-th most recent past block (q >= 1)
    const float* fdlIm(const Channel& c, int q) const noexcept;

    Config config_;
    int B_ = 0, S_ = 0, ring_ = 1, maxPartitions_ = 1, numChannels_ = 0;
    int pos_ = 0, head_ = 0, blocksSeen_ = 0;
    std::vector<Channel> ch_;
    AlignedFloats yr_, yi_, out_[2];
    std::vector<const float*> pXr_, pXi_, pHr_, pHi_;
    void* fwd_ = nullptr;  // fftwf_plan
    void* inv_ = nullptr;

    Slot slot_[2];
    int active_ = 0, fadeFrom_ = -1, fadeLen_ = 0, fadePos_ = 0;
    ConvolverKernel* pendingRetire_[4] = {};
    std::atomic<int> latency_ { 0 };
    rt::OwnedMailbox<ConvolverKernel> mailbox_;
};

} // namespace iemeq
