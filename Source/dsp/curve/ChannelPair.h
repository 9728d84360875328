#pragma once
// Left and right measurements of one IEM: averaged in dB (as AutoEq does) for one correction, or
// kept apart for a per-channel correction; and the channel-balance check a reviewer wants
// (L and R more than 3 dB apart between 100 Hz and 5 kHz usually means a fit or unit problem).
#include "FrequencyCurve.h"

#include <string>
#include <vector>

namespace iemeq {

enum class ChannelMode { Average, Separate };

// Average: one curve, the dB mean of all channels on `grid`. Separate: each channel on `grid`.
std::vector<FrequencyCurve> combineChannels(const std::vector<FrequencyCurve>& channels, ChannelMode mode,
                                            const std::vector<double>& grid);

struct ChannelBalance {
    double meanDb = 0.0;    // mean of L-R over the band (log-frequency weighting)
    double maxAbsDb = 0.0;  // largest |L-R| over the band, both curves 1/6-octave smoothed
    double worstHz = 0.0;   // where that largest difference is
    bool imbalanced = false;  // maxAbsDb > thresholdDb
    std::string warning;      // one line for the user when imbalanced, else empty
};

// Compares L and R between fLo and fHi. The difference is taken after 1/6-octave smoothing so a
// single narrow notch (a coupler artefact) does not raise the warning, but a real level or
// tonal mismatch does.
// The IEM's name from one channel's file name: "Simgot EW200 L" -> "Simgot EW200" (also " R",
// " (L)", "_L", "-R", " Left", " Right"). Names without a channel suffix come back unchanged.
std::string iemNameFromChannelName(const std::string& name);

ChannelBalance measureChannelBalance(const FrequencyCurve& left, const FrequencyCurve& right, double thresholdDb = 3.0,
                                     double fLo = 100.0, double fHi = 5000.0);

} // namespace iemeq
