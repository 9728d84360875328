#pragma once
// Two IEMs side by side, the way a review's "Comparisons" section reads: A relative to B per
// band, the frequency regions where they differ most, A's tonality in words with B as the
// reference, and the parametric EQ that makes A sound like B (B, level-matched to A, is the
// design target).
#include "../design/PeqDesigner.h"
#include "BandDeviations.h"
#include "TonalDescription.h"

#include <string>
#include <vector>

namespace iemeq {

// A stretch of frequencies where A - B (1/3-octave smoothed, level-matched over 300 Hz-3 kHz)
// keeps one sign and stays above half of its peak. Each region comes from its own lobe (a run of
// one sign between zero crossings), so one broad difference is reported once.
struct DifferenceRegion {
    double peakHz = 0.0, peakDb = 0.0;  // A - B at its largest |value|
    double loHz = 0.0, hiHz = 0.0;
};

struct IemComparison {
    std::string nameA, nameB;
    BandDeviations aMinusB;                  // A relative to B, per review band
    std::vector<TonalWord> words;            // A described with B as the target
    std::vector<DifferenceRegion> largest;   // up to 3, largest |A - B| first, >= 1 dB, one per lobe
    FrequencyCurve bAsTarget;                // B brought to A's level (the design target)
    PeqDesign eq;                            // A + eq ~ B
    double rmsBeforeDb = 0.0, rmsAfterDb = 0.0;  // A (and A + eq) vs B, RMS 20 Hz-10 kHz, mean removed
};

// Regions where `difference` (any curve in dB) is largest, searched over 20 Hz-10 kHz.
std::vector<DifferenceRegion> largestDifferences(const FrequencyCurve& difference, std::size_t maxRegions = 3,
                                                 double minDb = 1.0);

// a and b on the same grid (the dB means of their channels, as loadInputs makes them).
IemComparison compareIems(const FrequencyCurve& a, const FrequencyCurve& b, const PeqSettings& settings);

} // namespace iemeq
