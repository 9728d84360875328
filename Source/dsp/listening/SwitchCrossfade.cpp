#include "SwitchCrossfade.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace iemeq::listening {

void SwitchCrossfade::prepare(double sampleRate, double fadeSeconds)
{
    const int n = std::max(1, static_cast<int>(std::lround(fadeSeconds * sampleRate)));
    weights_.resize(static_cast<std::size_t>(n));
    // Sampled at the middle of each sample interval: symmetric, so w[i] + w[n-1-i] = 1.
    for (int i = 0; i < n; ++i)
        weights_[static_cast<std::size_t>(i)] = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * (i + 0.5) / n));
    reset(to_);
}

void SwitchCrossfade::reset(Side playing) noexcept
{
    from_ = to_ = pending_ = playing;
    hasPending_ = false;
    pos_ = fadeLength();
}

void SwitchCrossfade::switchTo(Side side) noexcept
{
    if (fading()) {
        pending_ = side;
        hasPending_ = true;
        return;
    }
    from_ = to_;
    to_ = side;
    pos_ = 0;
}

void SwitchCrossfade::process(const float* const* a, const float* const* b, float* const* out, int numChannels,
                              int numSamples) noexcept
{
    int k = 0;
    while (k < numSamples) {
        if (!fading() && hasPending_) {
            hasPending_ = false;
            switchTo(pending_);
        }
        if (!fading()) {
            const float* const* src = to_ == Side::A ? a : b;
            for (int c = 0; c < numChannels; ++c)
                if (out[c] != src[c])
                    std::copy(src[c] + k, src[c] + numSamples, out[c] + k);
            return;
        }
        const int n = std::min(numSamples - k, fadeLength() - pos_);
        const float* const* f = from_ == Side::A ? a : b;
        const float* const* t = to_ == Side::A ? a : b;
        for (int c = 0; c < numChannels; ++c)
            for (int i = 0; i < n; ++i) {
                const float x = f[c][k + i], y = t[c][k + i];
                out[c][k + i] = x + weights_[static_cast<std::size_t>(pos_ + i)] * (y - x);
            }
        pos_ += n;
        k += n;
    }
}

} // namespace iemeq::listening
