#pragma once
// Loudness of what is playing, measured on the audio thread: BS.1770 K-weighting per channel and
// a slow integrator of the K-weighted power (exponential, 3 s time constant by default, updated
// every 50 ms hop). Two paths (0 = corrected, 1 = original) are measured together so both see
// the same gate decisions: a hop where both paths are below -70 LUFS (silence, a pause, the end
// of a track) leaves both estimates untouched instead of letting them decay into the noise floor.
// Until one time constant of programme has passed, the estimate is the plain mean of the hops so
// far (a growing window), so it is unbiased from the first hop.
// prepare() sets everything up; process() never allocates, locks or calls the system.
#include "KWeighting.h"

#include <array>
#include <cstdint>

namespace iemeq::listening {

class RunningLoudness {
public:
    static constexpr int kMaxChannels = 8;
    static constexpr int kPaths = 2;

    struct Config {
        double timeConstantSeconds = 3.0;
        double hopSeconds = 0.05;
        double gateLufs = -70.0;  // a hop counts as programme when either path is above this
    };

    void prepare(double sampleRate, int numChannels, const Config& config);
    void prepare(double sampleRate, int numChannels) { prepare(sampleRate, numChannels, Config {}); }
    void reset() noexcept;  // forgets the programme (filter state and estimates)

    // Measures `numSamples` of each path; `original` may be null (one path only). Channels beyond
    // prepare()'s count are ignored. Channel weights are 1 (mono, stereo).
    void process(const float* const* corrected, const float* const* original, int numChannels, int numSamples) noexcept;

    double loudnessLufs(int path) const;  // -infinity before any programme
    double programSeconds() const { return static_cast<double>(activeHops_) * hopLength_ / fs_; }
    bool lastHopWasProgramme() const { return lastHopActive_; }
    std::uint64_t hopsCompleted() const { return hops_; }
    double sampleRate() const { return fs_; }

private:
    double fs_ = 48000.0;
    int channels_ = 2;
    int hopLength_ = 2400;
    double alpha_ = 0.0;  // exponential update per hop
    double gatePower_ = 0.0;
    std::array<std::array<KWeightingFilter, kMaxChannels>, kPaths> filters_ {};
    std::array<double, kPaths> hopSum_ {}, power_ {};
    int hopFill_ = 0;
    std::uint64_t hops_ = 0, activeHops_ = 0;
    bool lastHopActive_ = false;

    void finishHop(bool twoPaths) noexcept;
};

} // namespace iemeq::listening
