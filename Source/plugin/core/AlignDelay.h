#pragma once
// A delay line whose length can change while audio plays. It brings the two sides of a
// comparison to the same latency (a linear-phase FIR side delays the other side to match); a
// change of delay crossfades the old and the new read position linearly, as the engine does for
// its own dry path, so nothing jumps in time or clicks. prepare() allocates; the rest never does.
#include <vector>

namespace iemeq::plugin {

class AlignDelay {
public:
    void prepare(int maxDelaySamples, int rampSamples);
    void setDelay(int samples, bool immediately) noexcept;  // clamped to 0..maxDelay
    void process(float* const* io, int numChannels, int numSamples) noexcept;  // 1 or 2 channels, in place
    void reset() noexcept;
    int delay() const noexcept { return to_; }

private:
    std::vector<float> ring_[2];
    int mask_ = 0, pos_ = 0, maxDelay_ = 0, ramp_ = 1;
    int from_ = 0, to_ = 0, left_ = 0;  // a fade from `from_` to `to_` with `left_` samples to go
};

} // namespace iemeq::plugin
