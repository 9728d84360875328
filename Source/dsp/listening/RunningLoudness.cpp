#include "RunningLoudness.h"

#include "Bs1770.h"

#include <algorithm>
#include <cmath>

namespace iemeq::listening {

void RunningLoudness::prepare(double sampleRate, int numChannels, const Config& config)
{
    fs_ = sampleRate;
    channels_ = std::clamp(numChannels, 1, kMaxChannels);
    hopLength_ = std::max(1, static_cast<int>(std::lround(config.hopSeconds * sampleRate)));
    const double hopSeconds = hopLength_ / sampleRate;
    alpha_ = 1.0 - std::exp(-hopSeconds / config.timeConstantSeconds);
    gatePower_ = powerFromLoudness(config.gateLufs) * hopLength_;  // compared with a hop's sum
    for (auto& path : filters_)
        for (auto& f : path)
            f.setSampleRate(sampleRate);
    reset();
}

void RunningLoudness::reset() noexcept
{
    for (auto& path : filters_)
        for (auto& f : path)
            f.reset();
    hopSum_ = {};
    power_ = {};
    hopFill_ = 0;
    hops_ = activeHops_ = 0;
    lastHopActive_ = false;
}

void RunningLoudness::process(const float* const* corrected, const float* const* original, int numChannels,
                              int numSamples) noexcept
{
    const int nch = std::min(numChannels, channels_);
    const bool two = original != nullptr;
    int i = 0;
    while (i < numSamples) {
        const int n = std::min(numSamples - i, hopLength_ - hopFill_);
        for (int p = 0; p < (two ? 2 : 1); ++p) {
            const float* const* in = p == 0 ? corrected : original;
            double sum = 0.0;
            for (int c = 0; c < nch; ++c) {
                KWeightingFilter& f = filters_[static_cast<std::size_t>(p)][static_cast<std::size_t>(c)];
                for (int k = 0; k < n; ++k) {
                    const double y = f.process(static_cast<double>(in[c][i + k]));
                    sum += y * y;
                }
            }
            hopSum_[static_cast<std::size_t>(p)] += sum;
        }
        hopFill_ += n;
        i += n;
        if (hopFill_ == hopLength_)
            finishHop(two);
    }
}

void RunningLoudness::finishHop(bool twoPaths) noexcept
{
    ++hops_;
    lastHopActive_ = hopSum_[0] > gatePower_ || (twoPaths && hopSum_[1] > gatePower_);
    if (lastHopActive_) {
        ++activeHops_;
        // Growing window first (weight 1/k), then the exponential's constant weight.
        const double a = std::max(alpha_, 1.0 / static_cast<double>(activeHops_));
        for (std::size_t p = 0; p < kPaths; ++p)
            power_[p] += a * (hopSum_[p] / hopLength_ - power_[p]);
    }
    hopSum_ = {};
    hopFill_ = 0;
}

double RunningLoudness::loudnessLufs(int path) const
{
    return activeHops_ == 0 ? kSilenceLufs : loudnessFromPower(power_[static_cast<std::size_t>(std::clamp(path, 0, 1))]);
}

} // namespace iemeq::listening
