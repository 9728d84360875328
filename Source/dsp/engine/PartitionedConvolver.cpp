#include "PartitionedConvolver.h"

#include "../core/Error.h"
#include "../rt/FftwPlannerLock.h"
#include "../rt/NoDenormals.h"
#include "ComplexMac.h"
#include "PartitionPlan.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace iemeq {

namespace {

fftwf_plan makeForward(int n, float* in, float* re, float* im, unsigned flags)
{
    fftw_iodim dim { n, 1, 1 };
    return fftwf_plan_guru_split_dft_r2c(1, &dim, 0, nullptr, in, re, im, flags);
}

fftwf_plan makeInverse(int n, float* re, float* im, float* out, unsigned flags)
{
    fftw_iodim dim { n, 1, 1 };
    return fftwf_plan_guru_split_dft_c2r(1, &dim, 0, nullptr, re, im, out, flags);
}

bool isPowerOfTwo(int v) { return v > 0 && (v & (v - 1)) == 0; }

} // namespace

PartitionedConvolver::~PartitionedConvolver()
{
    releasePlans();
    destroyKernels();
}

void PartitionedConvolver::releasePlans()
{
    std::lock_guard lock(rt::fftwPlannerMutex());
    if (fwd_ != nullptr)
        fftwf_destroy_plan(static_cast<fftwf_plan>(fwd_));
    if (inv_ != nullptr)
        fftwf_destroy_plan(static_cast<fftwf_plan>(inv_));
    fwd_ = inv_ = nullptr;
}

void PartitionedConvolver::destroyKernels()
{
    // Audio is stopped here: the kernels the audio side owns can be deleted directly.
    for (auto& s : slot_) {
        rt::OwnedMailbox<ConvolverKernel>::destroyNow(s.kernel);
        s = Slot {};
    }
    for (auto*& k : pendingRetire_) {
        rt::OwnedMailbox<ConvolverKernel>::destroyNow(k);
        k = nullptr;
    }
    rt::OwnedMailbox<ConvolverKernel>::destroyNow(mailbox_.take());
    mailbox_.collectGarbage();
    active_ = 0;
    fadeFrom_ = -1;
    latency_.store(0);
}

void PartitionedConvolver::prepare(const Config& config)
{
    if (config.numChannels < 1 || config.numChannels > 2)
        throw Error("convolver: " + std::to_string(config.numChannels) + " channels requested, 1 or 2 supported");
    if (config.maxKernelTaps < 1)
        throw Error("convolver: the maximum kernel length must be at least 1 tap");
    if (config.partitionSize != 0 && (!isPowerOfTwo(config.partitionSize) || config.partitionSize < 16))
        throw Error("convolver: partition size " + std::to_string(config.partitionSize) + " is not a power of two >= 16");
    releasePlans();
    destroyKernels();
    config_ = config;
    numChannels_ = config.numChannels;
    B_ = config.partitionSize != 0 ? config.partitionSize : choosePartitionSize(config.maxKernelTaps, std::max(1, config.maxBlockSize));
    S_ = (B_ + 1 + 15) / 16 * 16;
    maxPartitions_ = std::max(1, (config.maxKernelTaps + B_ - 1) / B_);
    ring_ = std::max(1, maxPartitions_ - 1);
    const std::size_t S = static_cast<std::size_t>(S_), ring = static_cast<std::size_t>(ring_);
    ch_.clear();
    ch_.resize(static_cast<std::size_t>(numChannels_));
    for (auto& c : ch_) {
        c.frame = AlignedFloats(2 * static_cast<std::size_t>(B_));
        c.xr = AlignedFloats(S);
        c.xi = AlignedFloats(S);
        c.fdlRe = AlignedFloats(ring * S);
        c.fdlIm = AlignedFloats(ring * S);
        for (int s = 0; s < 2; ++s)
            for (int k = 0; k < 2; ++k) {
                c.accRe[s][k] = AlignedFloats(S);
                c.accIm[s][k] = AlignedFloats(S);
            }
    }
    yr_ = AlignedFloats(S);
    yi_ = AlignedFloats(S);
    out_[0] = AlignedFloats(2 * static_cast<std::size_t>(B_));
    out_[1] = AlignedFloats(2 * static_cast<std::size_t>(B_));
    const std::size_t maxTerms = static_cast<std::size_t>(maxPartitions_) + 4;
    pXr_.assign(maxTerms, nullptr);
    pXi_.assign(maxTerms, nullptr);
    pHr_.assign(maxTerms, nullptr);
    pHi_.assign(maxTerms, nullptr);
    {
        // ESTIMATE, not MEASURE: MEASURE picks the algorithm by timing, so its last bits differ
        // from run to run, and the plugin and `iemeq render` must give bit-identical samples.
        // Plans are executed later on other (equally aligned) buffers of the same size through
        // FFTW's new-array interface; the buffers are cleared below.
        std::lock_guard lock(rt::fftwPlannerMutex());
        fwd_ = makeForward(2 * B_, ch_[0].frame.data(), ch_[0].xr.data(), ch_[0].xi.data(), FFTW_ESTIMATE);
        inv_ = makeInverse(2 * B_, yr_.data(), yi_.data(), out_[0].data(), FFTW_ESTIMATE);
    }
    if (fwd_ == nullptr || inv_ == nullptr)
        throw Error("convolver: FFTW could not plan a transform of size " + std::to_string(2 * B_));
    fadeLen_ = std::max(0, static_cast<int>(std::lround(config.crossfadeMs * 1e-3 * config.sampleRate)));
    complexMacIsa();  // resolve the CPU dispatch here, not on the audio thread
    reset();
}

std::unique_ptr<ConvolverKernel> PartitionedConvolver::makeKernel(const std::vector<std::vector<float>>& channels, int latencySamples) const
{
    if (B_ == 0)
        throw Error("convolver: makeKernel called before prepare");
    if (channels.empty() || (channels.size() != 1 && static_cast<int>(channels.size()) != numChannels_))
        throw Error("convolver: kernel has " + std::to_string(channels.size()) + " channels, expected 1 or "
                    + std::to_string(numChannels_));
    std::size_t taps = 0;
    for (const auto& c : channels)
        taps = std::max(taps, c.size());
    if (taps == 0)
        throw Error("convolver: kernel is empty");
    if (taps > static_cast<std::size_t>(config_.maxKernelTaps))
        throw Error("convolver: kernel of " + std::to_string(taps) + " taps exceeds the prepared maximum of "
                    + std::to_string(config_.maxKernelTaps));
    auto k = std::make_unique<ConvolverKernel>();
    k->partitionSize = B_;
    k->binStride = S_;
    k->taps = static_cast<int>(taps);
    k->partitions = static_cast<int>((taps + static_cast<std::size_t>(B_) - 1) / static_cast<std::size_t>(B_));
    k->latencySamples = latencySamples;
    const std::size_t B = static_cast<std::size_t>(B_), S = static_cast<std::size_t>(S_);
    AlignedFloats in(2 * B), re(S), im(S);
    fftwf_plan plan;
    {
        std::lock_guard lock(rt::fftwPlannerMutex());
        plan = makeForward(2 * B_, in.data(), re.data(), im.data(), FFTW_ESTIMATE);
    }
    const float scale = 1.0f / static_cast<float>(2 * B);  // FFTW's inverse is unnormalised
    for (const auto& h : channels) {
        AlignedFloats kr(static_cast<std::size_t>(k->partitions) * S), ki(static_cast<std::size_t>(k->partitions) * S);
        for (int p = 0; p < k->partitions; ++p) {
            in.zero();
            const std::size_t start = static_cast<std::size_t>(p) * B;
            for (std::size_t i = 0; i < B && start + i < h.size(); ++i)
                in[i] = h[start + i] * scale;
            fftwf_execute_split_dft_r2c(plan, in.data(), kr.data() + static_cast<std::size_t>(p) * S,
                                        ki.data() + static_cast<std::size_t>(p) * S);
        }
        k->re.push_back(std::move(kr));
        k->im.push_back(std::move(ki));
    }
    {
        std::lock_guard lock(rt::fftwPlannerMutex());
        fftwf_destroy_plan(plan);
    }
    return k;
}

void PartitionedConvolver::setKernel(std::unique_ptr<ConvolverKernel> kernel) { mailbox_.publish(std::move(kernel)); }

void PartitionedConvolver::setKernelNow(std::unique_ptr<ConvolverKernel> kernel)
{
    const int saved = fadeLen_;
    fadeLen_ = 0;
    mailbox_.publish(std::move(kernel));
    float dummy = 0;
    float* ptrs[2] = { &dummy, &dummy };
    process(ptrs, 0, 0);  // takes the kernel without touching any audio
    fadeLen_ = saved;
    mailbox_.collectGarbage();
}

void PartitionedConvolver::reset() noexcept
{
    for (auto& c : ch_) {
        c.frame.zero();
        c.xr.zero();
        c.xi.zero();
        c.fdlRe.zero();
        c.fdlIm.zero();
        for (int s = 0; s < 2; ++s)
            for (int k = 0; k < 2; ++k) {
                c.accRe[s][k].zero();
                c.accIm[s][k].zero();
            }
    }
    pos_ = 0;
    head_ = 0;
    for (auto& s : slot_)
        s.done = 0;
}

const float* PartitionedConvolver::fdlRe(const Channel& c, int q) const noexcept
{
    const int idx = ((head_ - (q - 1)) % ring_ + ring_) % ring_;
    return c.fdlRe.data() + static_cast<std::size_t>(idx) * static_cast<std::size_t>(S_);
}

const float* PartitionedConvolver::fdlIm(const Channel& c, int q) const noexcept
{
    const int idx = ((head_ - (q - 1)) % ring_ + ring_) % ring_;
    return c.fdlIm.data() + static_cast<std::size_t>(idx) * static_cast<std::size_t>(S_);
}

// Current accumulator of a freshly installed kernel: sum over p >= 1 of X[j-p] H[p], all from
// the delay line, so the new kernel's output is complete at once.
void PartitionedConvolver::fullAccumulate(int s) noexcept
{
    Slot& slot = slot_[s];
    const ConvolverKernel* k = slot.kernel;
    slot.cur = 0;
    slot.done = 0;
    for (int ch = 0; ch < numChannels_; ++ch) {
        Channel& c = ch_[static_cast<std::size_t>(ch)];
        for (int b = 0; b < 2; ++b) {
            c.accRe[s][b].zero();
            c.accIm[s][b].zero();
        }
        if (k == nullptr || k->partitions < 2)
            continue;
        const int kc = std::min(ch, k->numChannels() - 1);
        const int count = k->partitions - 1;
        for (int i = 0; i < count; ++i) {
            pXr_[static_cast<std::size_t>(i)] = fdlRe(c, i + 1);
            pXi_[static_cast<std::size_t>(i)] = fdlIm(c, i + 1);
            pHr_[static_cast<std::size_t>(i)] = k->reAt(kc, i + 1);
            pHi_[static_cast<std::size_t>(i)] = k->imAt(kc, i + 1);
        }
        complexMac(c.accRe[s][0].data(), c.accIm[s][0].data(), pXr_.data(), pXi_.data(), pHr_.data(), pHi_.data(), count, S_);
    }
}

// Adds delay-line terms p = 2 + done .. 1 + target of the next block's accumulator.
void PartitionedConvolver::spread(Channel& c, int s, int ch, int target) noexcept
{
    const Slot& slot = slot_[s];
    const ConvolverKernel* k = slot.kernel;
    const int count = target - slot.done;
    if (count <= 0)
        return;
    const int kc = std::min(ch, k->numChannels() - 1);
    for (int i = 0; i < count; ++i) {
        const int p = 2 + slot.done + i;
        pXr_[static_cast<std::size_t>(i)] = fdlRe(c, p - 1);
        pXi_[static_cast<std::size_t>(i)] = fdlIm(c, p - 1);
        pHr_[static_cast<std::size_t>(i)] = k->reAt(kc, p);
        pHi_[static_cast<std::size_t>(i)] = k->imAt(kc, p);
    }
    const int next = 1 - slot.cur;
    complexMac(c.accRe[s][next].data(), c.accIm[s][next].data(), pXr_.data(), pXi_.data(), pHr_.data(), pHi_.data(), count, S_);
}

void PartitionedConvolver::beginSwap(ConvolverKernel* k) noexcept
{
    const bool fits = k != nullptr && k->partitionSize == B_ && k->binStride == S_ && k->partitions <= maxPartitions_
                      && k->numChannels() >= 1;
    if (!fits) {  // made for another configuration (prepare() ran since): never used
        if (!mailbox_.retire(k))
            for (auto*& p : pendingRetire_)
                if (p == nullptr) { p = k; break; }
        return;
    }
    const int n = 1 - active_;
    slot_[n].kernel = k;
    fullAccumulate(n);
    latency_.store(k->latencySamples, std::memory_order_relaxed);
    if (fadeLen_ == 0) {
        ConvolverKernel* old = std::exchange(slot_[active_].kernel, nullptr);
        active_ = n;
        if (!mailbox_.retire(old))
            for (auto*& p : pendingRetire_)
                if (p == nullptr) { p = old; break; }
    } else {
        fadeFrom_ = active_;
        active_ = n;
        fadePos_ = 0;
    }
}

void PartitionedConvolver::process(float* const* io, int nch, int numSamples) noexcept
{
    if (B_ == 0)
        return;  // not prepared: leave the audio untouched
    rt::ScopedNoDenormals noDenormals;
    for (auto*& p : pendingRetire_)
        if (p != nullptr && mailbox_.retire(p))
            p = nullptr;
    if (fadeFrom_ < 0)
        if (ConvolverKernel* k = mailbox_.take())
            beginSwap(k);
    nch = std::clamp(nch, 0, numChannels_);
    int offset = 0;
    while (offset < numSamples) {
        const int m = std::min(numSamples - offset, B_ - pos_);
        processChunk(io, nch, offset, m);
        offset += m;
    }
}

void PartitionedConvolver::processChunk(float* const* io, int nch, int offset, int m) noexcept
{
    const auto fwd = static_cast<fftwf_plan>(fwd_);
    const auto inv = static_cast<fftwf_plan>(inv_);
    const int slots[2] = { active_, fadeFrom_ };
    const int numSlots = fadeFrom_ >= 0 ? 2 : 1;
    const std::size_t at = static_cast<std::size_t>(B_ + pos_);
    for (int ch = 0; ch < nch; ++ch) {
        Channel& c = ch_[static_cast<std::size_t>(ch)];
        float* x = io[ch] + offset;
        std::memcpy(c.frame.data() + at, x, static_cast<std::size_t>(m) * sizeof(float));
        bool transformed = false;
        const float* y[2] = { nullptr, nullptr };
        for (int i = 0; i < numSlots; ++i) {
            const int s = slots[i];
            const ConvolverKernel* k = slot_[s].kernel;
            if (k == nullptr) {  // pass-through
                y[i] = c.frame.data() + at;
                continue;
            }
            if (!transformed) {
                fftwf_execute_split_dft_r2c(fwd, c.frame.data(), c.xr.data(), c.xi.data());
                transformed = true;
            }
            const int kc = std::min(ch, k->numChannels() - 1);
            const int cur = slot_[s].cur;
            complexMulAdd(yr_.data(), yi_.data(), c.accRe[s][cur].data(), c.accIm[s][cur].data(), c.xr.data(), c.xi.data(),
                          k->reAt(kc, 0), k->imAt(kc, 0), S_);
            fftwf_execute_split_dft_c2r(inv, yr_.data(), yi_.data(), out_[i].data());
            y[i] = out_[i].data() + at;
            // Spread the next block's delay-line work in proportion to the block filled so far.
            if (k->partitions > 2)
                spread(c, s, ch, static_cast<int>(static_cast<long long>(k->partitions - 2) * (pos_ + m) / B_));
        }
        if (!transformed)  // keep the spectrum current for kernels that may arrive later
            fftwf_execute_split_dft_r2c(fwd, c.frame.data(), c.xr.data(), c.xi.data());
        if (numSlots == 1) {
            std::memcpy(x, y[0], static_cast<std::size_t>(m) * sizeof(float));
        } else {
            const float inv_len = 1.0f / static_cast<float>(fadeLen_);
            for (int n = 0; n < m; ++n) {
                const float g = std::min(1.0f, static_cast<float>(fadePos_ + n + 1) * inv_len);
                x[n] = y[1][n] + g * (y[0][n] - y[1][n]);
            }
        }
    }
    for (int i = 0; i < numSlots; ++i) {
        Slot& slot = slot_[slots[i]];
        if (slot.kernel != nullptr && slot.kernel->partitions > 2)
            slot.done = static_cast<int>(static_cast<long long>(slot.kernel->partitions - 2) * (pos_ + m) / B_);
    }
    if (numSlots == 2) {
        fadePos_ += m;
        if (fadePos_ >= fadeLen_) {
            ConvolverKernel* old = std::exchange(slot_[fadeFrom_].kernel, nullptr);
            fadeFrom_ = -1;
            if (!mailbox_.retire(old))
                for (auto*& p : pendingRetire_)
                    if (p == nullptr) { p = old; break; }
        }
    }
    pos_ += m;
    if (pos_ == B_)
        completeBlock(nch);
}

// The block is full: its spectrum joins the delay line, the first delay-line term is added to
// the next accumulator, which becomes current; the frame slides by one block.
void PartitionedConvolver::completeBlock(int nch) noexcept
{
    const int newHead = (head_ + 1) % ring_;
    const std::size_t S = static_cast<std::size_t>(S_), B = static_cast<std::size_t>(B_);
    for (int ch = 0; ch < numChannels_; ++ch) {
        Channel& c = ch_[static_cast<std::size_t>(ch)];
        if (ch >= nch) {  // channel not fed this block: treat its input as silence
            std::memset(c.frame.data() + B, 0, B * sizeof(float));
            fftwf_execute_split_dft_r2c(static_cast<fftwf_plan>(fwd_), c.frame.data(), c.xr.data(), c.xi.data());
        }
        if (maxPartitions_ > 1) {
            std::memcpy(c.fdlRe.data() + static_cast<std::size_t>(newHead) * S, c.xr.data(), S * sizeof(float));
            std::memcpy(c.fdlIm.data() + static_cast<std::size_t>(newHead) * S, c.xi.data(), S * sizeof(float));
        }
        for (int s = 0; s < 2; ++s) {
            const ConvolverKernel* k = slot_[s].kernel;
            if (k == nullptr)
                continue;
            const int next = 1 - slot_[s].cur;
            if (k->partitions >= 2) {
                const int kc = std::min(ch, k->numChannels() - 1);
                const float* xr = c.xr.data();
                const float* xi = c.xi.data();
                const float* hr = k->reAt(kc, 1);
                const float* hi = k->imAt(kc, 1);
                complexMac(c.accRe[s][next].data(), c.accIm[s][next].data(), &xr, &xi, &hr, &hi, 1, S_);
            }
            c.accRe[s][slot_[s].cur].zero();
            c.accIm[s][slot_[s].cur].zero();
        }
        std::memcpy(c.frame.data(), c.frame.data() + B, B * sizeof(float));
        std::memset(c.frame.data() + B, 0, B * sizeof(float));
    }
    head_ = newHead;
    for (auto& s : slot_) {
        if (s.kernel != nullptr)
            s.cur = 1 - s.cur;
        s.done = 0;
    }
    pos_ = 0;
}

} // namespace iemeq
