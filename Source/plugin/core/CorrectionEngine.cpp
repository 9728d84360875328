#include "CorrectionEngine.h"

#include "DesignJob.h"

#include <algorithm>
#include <cmath>

namespace iemeq::plugin {

static double dbToGain(double db) { return std::pow(10.0, db / 20.0); }

void CorrectionEngine::Ramp::set(double t, int len, bool now) noexcept
{
    target = t;
    if (now || len <= 0 || t == value) {
        value = t;
        left = 0;
    } else {
        left = len;
        step = (t - value) / len;
    }
}

double CorrectionEngine::Ramp::next() noexcept
{
    if (left > 0) {
        value += step;
        if (--left == 0)
            value = target;
    }
    return value;
}

void CorrectionEngine::prepare(double sampleRate, int maxBlockSize)
{
    const int maxBlock = std::clamp(maxBlockSize, 64, 8192);
    if (sampleRate == fs_.load() && maxBlock == maxBlock_) {
        // Hosts call prepareToPlay again with the same settings (transport, re-activation): keep
        // the convolver's FFTW plans (0.1-0.5 s to measure) and just clear the signal state.
        reset();
        return;
    }
    maxBlock_ = maxBlock;
    rampLen_ = std::max(1, static_cast<int>(sampleRate * 0.03));  // 30 ms: inaudible, still snappy
    const int taps = firTapsFor(sampleRate);
    PartitionedConvolver::Config c;
    c.sampleRate = sampleRate;
    c.maxBlockSize = maxBlock_;
    c.maxKernelTaps = taps;
    c.numChannels = 2;
    c.crossfadeMs = 30.0;
    conv_.prepare(c);
    int ring = 1;
    while (ring < taps / 2 + maxBlock_ + 1)
        ring *= 2;
    mask_ = ring - 1;
    for (int ch = 0; ch < 2; ++ch) {
        peq_[ch].assign(static_cast<std::size_t>(maxBlock_), 0.0f);
        fir_[ch].assign(static_cast<std::size_t>(maxBlock_), 0.0f);
        ring_[ch].assign(static_cast<std::size_t>(ring), 0.0f);
    }
    cascade_.setRampLength(rampLen_);
    fs_.store(sampleRate);
    reset();
}

void CorrectionEngine::setFirKernel(const std::vector<std::vector<float>>& taps, int latency, bool now)
{
    auto kernel = conv_.makeKernel(taps, latency);
    if (now)
        conv_.setKernelNow(std::move(kernel));
    else
        conv_.setKernel(std::move(kernel));
}

void CorrectionEngine::reset() noexcept
{
    cascade_.reset();
    conv_.reset();
    for (auto& r : ring_)
        std::fill(r.begin(), r.end(), 0.0f);
    writePos_ = 0;
}

void CorrectionEngine::setDesign(const DesignResult& r, bool immediately) noexcept
{
    static const std::array<BiquadCoeffs, BiquadCascade::kMaxSections> identity {};
    for (int ch = 0; ch < 2; ++ch)
        cascade_.setSections(r.fir ? identity.data() : r.sections[static_cast<std::size_t>(ch)].data(),
                             r.fir ? 0 : r.numSections, ch, immediately);
    wetGain_.set(dbToGain(r.preampDb), rampLen_, immediately);
    dryGain_.set(dbToGain(r.loudnessMatchDb), rampLen_, immediately);
    const bool fir = r.fir && !r.firTaps.empty();
    if (fir && !firRunning_) {
        // The convolver was idle: let it hear a kernel's length of input before it is heard.
        conv_.reset();
        firRunning_ = true;
        warmupLeft_ = immediately ? 0 : static_cast<int>(r.firTaps.front().size());
    }
    firWanted_ = fir;
    if (immediately)
        firMix_.set(fir ? 1.0 : 0.0, 0, true);
    else if (!fir)
        firMix_.set(0.0, rampLen_, false);
    // The bypassed signal is delayed like the corrected one, so A/B never jumps in time.
    const int delay = fir ? r.latencySamples : 0;
    if (delay != delayTo_) {
        delayFrom_ = immediately ? delay : delayTo_;
        delayTo_ = delay;
        delayMix_.set(0.0, 0, true);
        delayMix_.set(1.0, rampLen_, immediately);
    }
}

void CorrectionEngine::setCorrectionOn(bool on, bool immediately) noexcept
{
    if (on != correctionOn_ || immediately)
        ab_.set(on ? 1.0 : 0.0, rampLen_, immediately);
    correctionOn_ = on;
}

void CorrectionEngine::setOutputGainDb(float db, bool immediately) noexcept
{
    if (db != outDb_ || immediately)
        outGain_.set(dbToGain(db), rampLen_, immediately);
    outDb_ = db;
}

void CorrectionEngine::process(float* const* io, int nch, int n) noexcept
{
    if (maxBlock_ == 0 || nch <= 0)
        return;
    nch = std::min(nch, 2);
    for (int offset = 0; offset < n; offset += maxBlock_)
        processChunk(io, nch, offset, std::min(maxBlock_, n - offset));
}

void CorrectionEngine::processChunk(float* const* io, int nch, int offset, int n) noexcept
{
    float* peq[2] = { peq_[0].data(), peq_[1].data() };
    float* fir[2] = { fir_[0].data(), fir_[1].data() };
    for (int ch = 0; ch < 2; ++ch) {
        const float* in = io[std::min(ch, nch - 1)] + offset;  // mono feeds both paths' channels
        std::copy(in, in + n, peq[ch]);
        std::copy(in, in + n, fir[ch]);
        for (int i = 0; i < n; ++i)
            ring_[ch][static_cast<std::size_t>((writePos_ + i) & mask_)] = in[i];
    }
    cascade_.process(peq, nch, n);
    if (firRunning_) {
        conv_.process(fir, 2, n);
        if (warmupLeft_ > 0 && (warmupLeft_ -= n) <= 0)
            warmupLeft_ = 0;
        if (firWanted_ && warmupLeft_ == 0 && firMix_.target != 1.0)
            firMix_.set(1.0, rampLen_, false);
    }
    for (int i = 0; i < n; ++i) {
        const double fm = firMix_.next(), dm = delayMix_.next();
        const double wet = ab_.next() * wetGain_.next();
        const double dry = (1.0 - ab_.value) * dryGain_.next();
        const double out = outGain_.next();
        const int pos = writePos_ + i;
        for (int ch = 0; ch < nch; ++ch) {
            const double w = (1.0 - fm) * peq[ch][i] + fm * fir[ch][i];
            const auto& ring = ring_[ch];
            const double d = (1.0 - dm) * ring[static_cast<std::size_t>((pos - delayFrom_) & mask_)]
                             + dm * ring[static_cast<std::size_t>((pos - delayTo_) & mask_)];
            io[ch][offset + i] = static_cast<float>(out * (wet * w + dry * d));
        }
    }
    writePos_ = (writePos_ + n) & mask_;
    // The convolver rests once the parametric path has fully taken over again.
    if (!firWanted_ && firMix_.left == 0 && firMix_.value == 0.0)
        firRunning_ = false;
}

} // namespace iemeq::plugin
