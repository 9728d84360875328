#pragma once
// The crossfade every A/B/X switch goes through on the audio thread, always the same: 20 ms,
// raised-cosine (Hann) shape, equal gain (the two weights sum to 1).
//
// Why equal gain: A and B are the same music through two corrections, so they are coherent in
// most of the band and their amplitudes, not their powers, add. An equal-gain fade keeps the
// level of coherent signals constant, and a "switch" between identical signals (A -> X when X is
// A) returns the signal unchanged, sample for sample. An equal-power fade would put a +3 dB bump
// in the middle of that switch and almost none when X is B: a cue that gives the answer away.
// Why raised cosine: its slope is zero at both ends, so the fade starts and stops without a
// corner (no click); 20 ms is short enough to keep switching fast and long enough that the fade
// itself has no audible spectrum of its own.
//
// Every switch fades, also to the side already playing (that fade is silent but takes the same
// time and CPU path). A switch asked for while a fade runs starts when it ends (at most 20 ms
// later), so no fade is ever cut short or reshaped. prepare() allocates; the rest never does.
#include "ListeningResults.h"

#include <vector>

namespace iemeq::listening {

class SwitchCrossfade {
public:
    static constexpr double kDefaultSeconds = 0.020;

    void prepare(double sampleRate, double fadeSeconds = kDefaultSeconds);
    void reset(Side playing) noexcept;   // play `playing` at once, no fade pending
    void switchTo(Side side) noexcept;   // fade from what plays now to `side`

    // out = the selected side, or during a fade (1 - w) * from + w * to. `out` may be a or b.
    void process(const float* const* a, const float* const* b, float* const* out, int numChannels, int numSamples) noexcept;

    int fadeLength() const { return static_cast<int>(weights_.size()); }
    bool fading() const { return pos_ < fadeLength(); }
    Side target() const { return to_; }   // what plays once the current fade is over
    // The fade-in weight at sample i of a fade (0 < w < 1, rising).
    float weight(int i) const { return weights_[static_cast<std::size_t>(i)]; }

private:
    std::vector<float> weights_;
    Side from_ = Side::A, to_ = Side::A, pending_ = Side::A;
    bool hasPending_ = false;
    int pos_ = 0;  // position in the current fade; fadeLength() when none runs
};

} // namespace iemeq::listening
