#include "BiquadCascade.h"

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

void BiquadCascade::process(float* const* channels, int numChannels, int numSamples) noexcept
{
    numChannels = std::clamp(numChannels, 0, kMaxChannels);
    const int nSec = active_;
    int i = 0;
    while (i < numSamples) {
        // Ramp segment: coefficients move every sample; afterwards a plain steady-state loop.
        const int segment = rampLeft_ > 0 ? std::min(rampLeft_, numSamples - i) : numSamples - i;
        const bool ramping = rampLeft_ > 0;
        for (int ch = 0; ch < numChannels; ++ch) {
            float* x = channels[ch] + i;
            auto& st = state_[ch];
            auto cur = current_[ch];
            const auto& stp = step_[ch];
            double g = gain_;
            for (int n = 0; n < segment; ++n) {
                double v = x[n];
                for (int s = 0; s < nSec; ++s) {
                    Coeffs& c = cur[s];
                    if (ramping) {
                        c.b0 += stp[s].b0; c.b1 += stp[s].b1; c.b2 += stp[s].b2;
                        c.a1 += stp[s].a1; c.a2 += stp[s].a2;
                    }
                    const double y = c.b0 * v + st[s][0];
                    st[s][0] = c.b1 * v - c.a1 * y + st[s][1];
                    st[s][1] = c.b2 * v - c.a2 * y;
                    v = y;
                }
                if (ramping)
                    g += gainStep_;
                x[n] = static_cast<float>(v * g);
            }
            if (ch == numChannels - 1)
                gain_ = g;
            if (ramping)
                current_[ch] = cur;
        }
        if (ramping) {
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
        }
        // Flush denormals in the state (cheap: once per segment, not per sample).
        for (int ch = 0; ch < numChannels; ++ch)
            for (int s = 0; s < nSec; ++s)
                for (double& v : state_[ch][s])
                    if (std::abs(v) < 1e-30)
                        v = 0.0;
        i += segment;
    }
}

} // namespace iemeq
