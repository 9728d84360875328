#include "BiquadCascade.h"

#include "../rt/NoDenormals.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

void BiquadCascade::setSections(const BiquadCoeffs* sections, int count, int channel, bool immediately)
{
    count = std::clamp(count, 0, kMaxSections);
    for (int ch = 0; ch < kMaxChannels; ++ch) {
        if (channel >= 0 && ch != channel)
            continue;
        for (int s = 0; s < kMaxSections; ++s) {
            Coeffs c;
            if (s < count)
                c = { sections[s].b0, sections[s].b1, sections[s].b2, sections[s].a1, sections[s].a2 };
            target_[ch][s] = c;
        }
    }
    // Count sections across channels so the loop covers any that are still ramping out.
    active_ = std::max(active_, count);
    if (immediately || rampLength_ == 0) {
        current_ = target_;
        rampLeft_ = 0;
        gain_ = gainTarget_;
        active_ = count;
    } else {
        startRamp();
    }
}

void BiquadCascade::setOutputGain(double linear, bool immediately)
{
    gainTarget_ = linear;
    if (immediately || rampLength_ == 0)
        gain_ = linear;
    else
        startRamp();
}

void BiquadCascade::startRamp()
{
    rampLeft_ = rampLength_;
    const double inv = 1.0 / static_cast<double>(rampLength_);
    for (int ch = 0; ch < kMaxChannels; ++ch)
        for (int s = 0; s < kMaxSections; ++s) {
            const Coeffs& a = current_[ch][s];
            const Coeffs& b = target_[ch][s];
            step_[ch][s] = { (b.b0 - a.b0) * inv, (b.b1 - a.b1) * inv, (b.b2 - a.b2) * inv,
                             (b.a1 - a.a1) * inv, (b.a2 - a.a2) * inv };
        }
    gainStep_ = (gainTarget_ - gain_) * inv;
}

void BiquadCascade::reset()
{
    for (auto& ch : state_)
        for (auto& s : ch)
            s = { 0.0, 0.0 };
}

// `count` samples from `offset`, all sections per sample, the channels side by side.
template <bool Ramp, int Channels>
void BiquadCascade::run(float* const* channels, int offset, int count) noexcept
{
    const int nSec = active_;
    std::array<std::array<Coeffs, kMaxSections>, Channels> cur;
    for (int ch = 0; ch < Channels; ++ch)
        cur[ch] = current_[ch];
    std::array<std::array<std::array<double, 2>, kMaxSections>, Channels> st;
    for (int ch = 0; ch < Channels; ++ch)
        st[ch] = state_[ch];
    double g = gain_;
    float* x[Channels];
    for (int ch = 0; ch < Channels; ++ch)
        x[ch] = channels[ch] + offset;
    for (int n = 0; n < count; ++n) {
        double v[Channels];
        for (int ch = 0; ch < Channels; ++ch)
            v[ch] = x[ch][n];
        for (int s = 0; s < nSec; ++s)
            for (int ch = 0; ch < Channels; ++ch) {
                Coeffs& c = cur[ch][s];
                if constexpr (Ramp) {
                    const Coeffs& d = step_[ch][s];
                    c.b0 += d.b0; c.b1 += d.b1; c.b2 += d.b2; c.a1 += d.a1; c.a2 += d.a2;
                }
                auto& z = st[ch][s];
                const double y = c.b0 * v[ch] + z[0];
                z[0] = c.b1 * v[ch] - c.a1 * y + z[1];
                z[1] = c.b2 * v[ch] - c.a2 * y;
                v[ch] = y;
            }
        if constexpr (Ramp)
            g += gainStep_;
        for (int ch = 0; ch < Channels; ++ch)
            x[ch][n] = static_cast<float>(v[ch] * g);
    }
    for (int ch = 0; ch < Channels; ++ch) {
        state_[ch] = st[ch];
        if constexpr (Ramp)
            current_[ch] = cur[ch];
    }
    if constexpr (Ramp)
        gain_ = g;
}

void BiquadCascade::process(float* const* channels, int numChannels, int numSamples) noexcept
{
    rt::ScopedNoDenormals noDenormals;
    numChannels = std::clamp(numChannels, 0, kMaxChannels);
    if (numChannels == 0)
        return;
    int i = 0;
    while (i < numSamples) {
        // Ramp segment: coefficients move every sample; afterwards a plain steady-state loop.
        const bool ramping = rampLeft_ > 0;
        const int segment = ramping ? std::min(rampLeft_, numSamples - i) : numSamples - i;
        const int nSec = active_;
        if (ramping) {
            if (numChannels == 2)
                run<true, 2>(channels, i, segment);
            else
                run<true, 1>(channels, i, segment);
            rampLeft_ -= segment;
            if (rampLeft_ == 0) {
                current_ = target_;  // land exactly on the target (no accumulated rounding)
                gain_ = gainTarget_;
                int last = 0;
                for (int ch = 0; ch < kMaxChannels; ++ch)
                    for (int s = 0; s < kMaxSections; ++s) {
                        const Coeffs& c = target_[ch][s];
                        if (c.b0 != 1 || c.b1 != 0 || c.b2 != 0 || c.a1 != 0 || c.a2 != 0)
                            last = std::max(last, s + 1);
                    }
                active_ = last;
            }
        } else if (numChannels == 2) {
            run<false, 2>(channels, i, segment);
        } else {
            run<false, 1>(channels, i, segment);
        }
        // Flush tiny state values too (FTZ covers the arithmetic; this keeps a silent tail at 0).
        for (int ch = 0; ch < numChannels; ++ch)
            for (int s = 0; s < nSec; ++s)
                for (double& v : state_[ch][s])
                    if (std::abs(v) < 1e-30)
                        v = 0.0;
        i += segment;
    }
}

} // namespace iemeq
