#pragma once
// What a user should double-check about a correction before trusting it, in plain words: the
// channels of the measurement disagree, the designer ran into a limit (so the fit is not what it
// would have been), or the EQ boosts where a coupler cannot be trusted. Every place a design is
// made shows the same list (`iemeq design|batch|demo`, the editor): designWarnings() is the one
// source. JUCE-free; cheap (no design, only analysis of the result).
#include "../correction/DesignCorrection.h"

#include <string>
#include <vector>

namespace iemeq {

enum class DesignWarningKind {
    ChannelImbalance,  // L and R (1/6-octave smoothed) differ by more than kImbalanceDb somewhere
    // One warning per designed filter at a bound (the text names every bound it reached; the
    // kind is the first of): its gain at +-maxGainDb (or the device's); its Q at minQ/maxQ (or
    // the device's) or its fc at an edge of the fit band or the device's range, when free and
    // the filter is at least 1 dB (a smaller filter's place does not change the sound).
    FilterGainAtLimit,
    FilterQAtLimit,
    FilterFcAtLimit,
    BoostAtLimit,      // the EQ's maximum reached --max-boost (the fit wanted more)
    TrebleBoost,       // the EQ boosts more than kTrebleBoostDb above kTrebleHz (unreliable band)
};

struct DesignWarning {
    DesignWarningKind kind = DesignWarningKind::ChannelImbalance;
    std::string text;   // one line, plain English, no "warning:" prefix, e.g.
                        // "channel imbalance: L-R is -12.3 dB at 4685 Hz (more than 3.0 dB ...)"
    double hz = 0.0;    // where: worst L-R frequency, the filter's fc, or where the EQ peaks
    double db = 0.0;    // how much: |L-R| (the text has the sign), the filter's gain, or the EQ's boost
    double limit = 0.0; // the bound or threshold reached (dB, Q or Hz, as the kind says)
    int channel = -1;   // Correction::perChannel index the warning is about; -1: the IEM as a whole
    int filter = -1;    // index into perChannel[channel].filters (filter kinds), else -1
};

namespace warnings {
inline constexpr double kImbalanceDb = 3.0;        // |L-R| above this (1/6 octave) is flagged
inline constexpr double kImbalanceLoHz = 100.0;    // ... searched over this band
inline constexpr double kImbalanceHiHz = 5000.0;   // as `iemeq info` and `report` (ChannelPair.h)
inline constexpr double kTrebleHz = 8000.0;        // above here couplers are unreliable (TreblePolicy.h)
inline constexpr double kTrebleBoostDb = 3.0;      // an EQ boost above kTrebleHz larger than this is flagged
} // namespace warnings

// "channel-imbalance", "filter-gain-limit", "filter-q-limit", "filter-fc-limit", "boost-limit",
// "treble-boost" (stable names for logs, tests and JSON).
const char* designWarningKindName(DesignWarningKind kind);

// The warnings for `correction`, which designCorrection(spec, fs) returned. Channel imbalance
// needs two measurement channels; the limit warnings only concern designed (not hand-given)
// filters. Ordered: imbalance, then per channel the filters in order, then boost and treble.
std::vector<DesignWarning> designWarnings(const CorrectionSpec& spec, const Correction& correction);

} // namespace iemeq
