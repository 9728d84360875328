#include "Bs1770.h"

#include "../core/Error.h"
#include "../io/WavFile.h"

#include <algorithm>
#include <cmath>

namespace iemeq::listening {

double loudnessFromPower(double p)
{
    return p > 0.0 ? kLoudnessOffsetDb + 10.0 * std::log10(p) : kSilenceLufs;
}

double powerFromLoudness(double lufs)
{
    return std::pow(10.0, (lufs - kLoudnessOffsetDb) / 10.0);
}

std::vector<double> defaultChannelWeights(int numChannels)
{
    std::vector<double> w(static_cast<std::size_t>(std::max(0, numChannels)), 1.0);
    if (numChannels == 5)
        w[3] = w[4] = 1.41;
    return w;
}

IntegratedLoudnessMeter::IntegratedLoudnessMeter(double fs, int numChannels, std::vector<double> weights)
    : fs_(fs), hop_(static_cast<int>(std::lround(0.1 * fs))), weights_(std::move(weights))
{
    if (!(fs >= 8000.0 && fs <= 768000.0))
        throw Error("loudness: sample rate " + std::to_string(fs) + " Hz is outside 8-768 kHz");
    if (numChannels < 1)
        throw Error("loudness: no channels to measure");
    if (weights_.empty())
        weights_ = defaultChannelWeights(numChannels);
    if (weights_.size() != static_cast<std::size_t>(numChannels))
        throw Error("loudness: " + std::to_string(weights_.size()) + " channel weights for " + std::to_string(numChannels)
                    + " channels");
    filters_.resize(static_cast<std::size_t>(numChannels));
    for (auto& f : filters_)
        f.setSampleRate(fs);
}

void IntegratedLoudnessMeter::add(const float* const* channels, int numSamples)
{
    for (int i = 0; i < numSamples; ++i) {
        double sum = 0.0;
        for (std::size_t c = 0; c < filters_.size(); ++c) {
            const double y = filters_[c].process(static_cast<double>(channels[c][i]));
            sum += weights_[c] * y * y;
        }
        pending_ += sum;
        if (++pendingCount_ == hop_) {
            hopPower_.push_back(pending_);
            pending_ = 0.0;
            pendingCount_ = 0;
        }
    }
}

LoudnessResult IntegratedLoudnessMeter::result() const
{
    LoudnessResult r;
    if (hopPower_.size() < 4)
        return r;  // shorter than one 400 ms block: nothing to gate
    // Block j covers hops j..j+3 (400 ms starting every 100 ms).
    const double blockSamples = 4.0 * hop_;
    std::vector<double> block(hopPower_.size() - 3);
    for (std::size_t j = 0; j < block.size(); ++j)
        block[j] = (hopPower_[j] + hopPower_[j + 1] + hopPower_[j + 2] + hopPower_[j + 3]) / blockSamples;
    r.blocks = static_cast<int>(block.size());

    const double absPower = powerFromLoudness(kAbsoluteGateLufs);
    double sum = 0.0;
    int n = 0;
    for (double z : block)
        if (z > absPower) {
            sum += z;
            ++n;
        }
    if (n == 0)
        return r;
    r.relativeGateLufs = loudnessFromPower(sum / n) + kRelativeGateLu;
    const double relPower = std::max(absPower, powerFromLoudness(r.relativeGateLufs));
    sum = 0.0;
    n = 0;
    for (double z : block)
        if (z > relPower) {
            sum += z;
            ++n;
        }
    r.blocksGated = n;
    r.integratedLufs = n > 0 ? loudnessFromPower(sum / n) : kSilenceLufs;
    return r;
}

LoudnessResult integratedLoudness(const std::vector<std::vector<float>>& channels, double fs, const std::vector<double>& weights)
{
    IntegratedLoudnessMeter m(fs, static_cast<int>(channels.size()), weights);
    const std::size_t frames = channels.empty() ? 0 : channels[0].size();
    for (const auto& c : channels)
        if (c.size() != frames)
            throw Error("loudness: channels of different lengths");
    std::vector<const float*> ptrs;
    for (const auto& c : channels)
        ptrs.push_back(c.data());
    // Chunks keep the per-sample loop's pointers simple and the int length in range.
    const std::size_t chunk = 1 << 16;
    for (std::size_t i = 0; i < frames; i += chunk) {
        std::vector<const float*> at(ptrs.size());
        for (std::size_t c = 0; c < ptrs.size(); ++c)
            at[c] = ptrs[c] + i;
        m.add(at.data(), static_cast<int>(std::min(chunk, frames - i)));
    }
    return m.result();
}

LoudnessResult integratedLoudness(const AudioData& audio)
{
    return integratedLoudness(audio.channels, audio.sampleRate);
}

} // namespace iemeq::listening
