#pragma once
// Keeps the corrected and the original path equally loud while music plays.
//
// Only the louder side is trimmed, and only downwards (nothing new can clip): with
// d = loudness(corrected) - loudness(original), the corrected side gets -d when d > 0, the
// original gets d when d < 0. The matcher starts from a static estimate of d (the design's
// pink-spectrum estimate, StaticEstimate.h) and follows the measured d of the programme.
//
// No pumping: a gain the listener can hear moves at most 0.5 dB per second. A side that is not
// audible at that moment (the listener is on the other side of an A/B or ABX switch, or the
// crossfade towards it has not started) takes its new trim at once, because nobody hears it
// move; this is what lets a large error of the static estimate (7 dB for a bass-heavy track on
// an IEM with a deep bass cut) be gone by the first comparison instead of ~14 s later. While the
// programme is below the gate (silence, pauses) the target holds.
#include "RunningLoudness.h"

#include <cstdint>
#include <string>

namespace iemeq::listening {

enum class TrimmedSide { Corrected, Original };
const char* trimmedSideName(TrimmedSide side);  // "corrected" / "original"

// Gains (dB, <= 0) applied to each path after measuring it.
struct MatchGains {
    double correctedDb = 0.0, originalDb = 0.0;
    // The side carrying the trim (the more attenuated one; Original when both are 0).
    TrimmedSide side() const { return correctedDb < originalDb ? TrimmedSide::Corrected : TrimmedSide::Original; }
    double trimDb() const { return side() == TrimmedSide::Corrected ? correctedDb : originalDb; }
    // "original trimmed by -1.4 dB" (what the UI shows next to the A/B switch).
    std::string describe() const;
};

// The gains that match a difference d = corrected - original (dB).
MatchGains gainsForDifference(double correctedMinusOriginalDb);

// Which sides the listener hears now (a crossfade between them counts as both).
enum class Audible { Corrected, Original, Both };

class LoudnessMatcher {
public:
    struct Config {
        double maxSlewDbPerSecond = 0.5;
        double minProgrammeSeconds = 0.4;  // measured d replaces the static one after this much programme
    };

    void start(double staticDifferenceDb, const Config& config);
    void start(double staticDifferenceDb) { start(staticDifferenceDb, Config {}); }
    // A new correction while playing: back to a static estimate, but the gains keep their values
    // and move from there under the same rules (no jump on an audible side).
    void retarget(double staticDifferenceDb) noexcept;

    // Advances by dtSeconds. measuredDifferenceDb is used when programmeSeconds (of gated
    // programme so far) has reached the minimum and the latest hop was programme.
    void update(double measuredDifferenceDb, bool programmeNow, double programmeSeconds, double dtSeconds,
                Audible audible) noexcept;

    MatchGains gains() const { return gains_; }
    double targetDifferenceDb() const { return target_; }
    bool followingProgramme() const { return measured_; }  // false: still on the static estimate

private:
    Config config_ {};
    double target_ = 0.0;
    bool measured_ = false;
    MatchGains gains_ {};
};

// The audio-thread bundle for the plugin: measures both paths (before trim), runs the matcher
// once per block and applies the trims in place with per-sample exponential (constant dB/s)
// ramps, so the slew limit holds sample by sample. prepare() allocates nothing either.
class LiveLoudnessMatch {
public:
    void prepare(double sampleRate, int numChannels, double staticDifferenceDb);
    // A new correction: forget the programme, start again from its static estimate (gains glide),
    // and follow the meter again.
    void restart(double staticDifferenceDb) noexcept;
    // The programme's difference is known (the player analysed the whole track): the gains move
    // to it under the same rules, and the meter is not followed until the next restart().
    void setKnownDifference(double correctedMinusOriginalDb) noexcept;
    bool followingMeter() const { return followMeter_; }
    void setAudible(Audible a) noexcept { audible_ = a; }

    void process(float* const* corrected, float* const* original, int numChannels, int numSamples) noexcept;

    MatchGains gains() const { return matcher_.gains(); }
    const RunningLoudness& meter() const { return meter_; }
    const LoudnessMatcher& matcher() const { return matcher_; }

private:
    RunningLoudness meter_;
    LoudnessMatcher matcher_;
    Audible audible_ = Audible::Both;
    bool followMeter_ = true;
    double fs_ = 48000.0;
    int channels_ = 2;
};

} // namespace iemeq::listening
