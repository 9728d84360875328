#pragma once
// ITU-R BS.1770-4 programme loudness (LUFS), gated: K-weighted mean square per channel over
// 400 ms blocks with 75 % overlap (100 ms hop), channel-weighted sum, blocks below -70 LUFS
// dropped (absolute gate), then blocks more than 10 LU below the loudness of the rest dropped
// (relative gate); the loudness of what remains is the programme's integrated loudness.
// Offline (allocates per 100 ms hop of input); for the audio thread see RunningLoudness.h.
#include "KWeighting.h"

#include <limits>
#include <vector>

namespace iemeq {
struct AudioData;
}

namespace iemeq::listening {

inline constexpr double kLoudnessOffsetDb = -0.691;  // BS.1770: makes a 997 Hz sine read its level
inline constexpr double kAbsoluteGateLufs = -70.0;
inline constexpr double kRelativeGateLu = -10.0;
inline constexpr double kSilenceLufs = -std::numeric_limits<double>::infinity();

// -0.691 + 10 log10(power); -infinity for power 0.
double loudnessFromPower(double weightedMeanSquare);
double powerFromLoudness(double lufs);

// BS.1770 channel weights by position: 1.0 for L, R, C (and mono), 1.41 for the surround
// channels of a 5-channel layout (L R C Ls Rs). Returns one weight per channel; other channel
// counts get 1.0 everywhere (the LFE of a 5.1 file should be given weight 0 by the caller).
std::vector<double> defaultChannelWeights(int numChannels);

struct LoudnessResult {
    double integratedLufs = kSilenceLufs;  // -infinity when no block passes the gates (silence)
    double relativeGateLufs = kSilenceLufs;
    int blocks = 0;        // 400 ms blocks in the programme
    int blocksGated = 0;   // blocks that passed both gates
    bool measurable() const { return blocksGated > 0; }
};

// Streaming measurement of one programme: feed it in chunks of any size, ask at the end.
class IntegratedLoudnessMeter {
public:
    // weights: one per channel (empty: defaultChannelWeights).
    IntegratedLoudnessMeter(double fs, int numChannels, std::vector<double> weights = {});
    void add(const float* const* channels, int numSamples);
    LoudnessResult result() const;
    double sampleRate() const { return fs_; }

private:
    double fs_;
    int hop_;  // samples per 100 ms (rounded); a block is 4 hops
    std::vector<double> weights_;
    std::vector<KWeightingFilter> filters_;
    std::vector<double> hopPower_;  // channel-weighted sum of squares per completed hop
    double pending_ = 0.0;
    int pendingCount_ = 0;
};

// The integrated loudness of a whole programme (all channels of `audio`, default weights).
LoudnessResult integratedLoudness(const AudioData& audio);
LoudnessResult integratedLoudness(const std::vector<std::vector<float>>& channels, double fs,
                                  const std::vector<double>& weights = {});

} // namespace iemeq::listening
