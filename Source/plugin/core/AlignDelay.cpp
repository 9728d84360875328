#include "AlignDelay.h"

#include <algorithm>

namespace iemeq::plugin {

void AlignDelay::prepare(int maxDelaySamples, int rampSamples)
{
    maxDelay_ = std::max(0, maxDelaySamples);
    ramp_ = std::max(1, rampSamples);
    int size = 1;
    while (size < maxDelay_ + 1)
        size *= 2;
    mask_ = size - 1;
    for (auto& r : ring_)
        r.assign(static_cast<std::size_t>(size), 0.0f);
    from_ = to_ = std::min(to_, maxDelay_);
    left_ = 0;
    reset();
}

void AlignDelay::reset() noexcept
{
    for (auto& r : ring_)
        std::fill(r.begin(), r.end(), 0.0f);
    pos_ = 0;
}

void AlignDelay::setDelay(int samples, bool immediately) noexcept
{
    const int d = std::clamp(samples, 0, maxDelay_);
    if (immediately) {
        from_ = to_ = d;
        left_ = 0;
        return;
    }
    if (d == to_)
        return;
    from_ = to_;  // a change during a fade starts from where that fade was going
    to_ = d;
    left_ = ramp_;
}

void AlignDelay::process(float* const* io, int nch, int n) noexcept
{
    if (ring_[0].empty())
        return;
    nch = std::min(nch, 2);
    for (int i = 0; i < n; ++i) {
        const int p = (pos_ + i) & mask_;
        // Weight of the new delay: 1 once the fade is over.
        const float w = left_ > 0 ? 1.0f - static_cast<float>(left_) / static_cast<float>(ramp_) : 1.0f;
        for (int c = 0; c < nch; ++c) {
            auto& r = ring_[c];
            r[static_cast<std::size_t>(p)] = io[c][i];
            const float now = r[static_cast<std::size_t>((p - to_) & mask_)];
            io[c][i] = w == 1.0f ? now : now * w + r[static_cast<std::size_t>((p - from_) & mask_)] * (1.0f - w);
        }
        if (left_ > 0 && --left_ == 0)
            from_ = to_;
    }
    pos_ = (pos_ + n) & mask_;
}

} // namespace iemeq::plugin
