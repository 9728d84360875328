#pragma once
// How far a response is from its target in the frequency bands reviewers talk about
// (sub-bass 20-60 Hz, bass 60-250 Hz, lower mids 250-500 Hz, mids 500 Hz-2 kHz, upper mids
// 2-5 kHz, treble 5-10 kHz, air 10-20 kHz), in dB.
//
// Level: the error e(f) = response(f) - target(f) is taken relative to its own mean over
// 300 Hz-3 kHz (the project's default alignment band, see curve/Alignment.h), which is how the
// report's graph normalises the IEM onto the target. A band's deviation is then the exact
// log-frequency mean of that relative error over the band (curve/LogIntegral.h), so it does not
// depend on how densely either file was sampled.
#include "../curve/FrequencyCurve.h"

#include <array>
#include <string>

namespace iemeq {

struct ReviewBand {
    const char* key;    // stable identifier, e.g. "subBass"
    const char* label;  // words for people, e.g. "sub-bass"
    double loHz, hiHz;
};

inline constexpr std::size_t kReviewBandCount = 7;
enum ReviewBandIndex : std::size_t { SubBass, Bass, LowerMids, Mids, UpperMids, Treble, Air };

const std::array<ReviewBand, kReviewBandCount>& reviewBands();

// "20-60 Hz", "2-5 kHz", "500 Hz-2 kHz".
std::string bandRangeText(const ReviewBand& band);

struct BandDeviations {
    std::array<double, kReviewBandCount> db{};  // indexed by ReviewBandIndex
    double referenceDb = 0.0;  // mean of response - target over 300 Hz-3 kHz (what was removed)
    double punchDb = 0.0;      // relative error over 100-200 Hz (mid-bass punch)
    double attackDb = 0.0;     // relative error over 4-6 kHz (treble energy that carries attack)
    double balanceDb = 0.0;    // dark-bright balance: mean(upper mids, treble) - mean(sub-bass, bass)
    double sibilancePeakDb = 0.0;  // largest 1/6-octave-smoothed relative error over 6-8 kHz
    double sibilancePeakHz = 0.0;  // where it is
};

// The relative error curve e(f) - referenceDb on the response's grid (both curves may be on any
// grids; the target is read at the response's frequencies).
FrequencyCurve relativeError(const FrequencyCurve& response, const FrequencyCurve& target);

BandDeviations measureBandDeviations(const FrequencyCurve& response, const FrequencyCurve& target);

} // namespace iemeq
