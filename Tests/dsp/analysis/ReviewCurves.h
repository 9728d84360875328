#pragma once
// Synthetic responses for the review-analysis tests: a curve that is constant within segments
// (steps 1e-7 wide at the edges), built so each review band's deviation relative to a flat
// target, after the 300 Hz-3 kHz level match, is exactly the number asked for.
#include "dsp/analysis/BandDeviations.h"

#include <array>
#include <cmath>

namespace iemeq::test {

inline FrequencyCurve stepCurve(const std::vector<double>& edges, const std::vector<double>& values)
{
    FrequencyCurve c;
    c.name = "synthetic";
    for (std::size_t s = 0; s < values.size(); ++s) {
        c.freq.push_back(s == 0 ? edges[s] : edges[s] * (1.0 + 1e-7));
        c.db.push_back(values[s]);
        c.freq.push_back(s + 1 == values.size() ? edges[s + 1] : edges[s + 1] * (1.0 - 1e-7));
        c.db.push_back(values[s]);
    }
    return c;
}

inline FrequencyCurve flatTarget()
{
    return FrequencyCurve{ { 20.0, 20000.0 }, { 0.0, 0.0 }, "flat" };
}

// rel: wanted deviation of each band (ReviewBandIndex order). The lower-mids band is split at
// 300 Hz: its part inside the alignment window (300-500 Hz) cancels the window's mean, its part
// below (250-300 Hz) restores the band's mean, so the level match removes nothing.
inline FrequencyCurve curveWithBandDeviations(const std::array<double, kReviewBandCount>& rel)
{
    const double wInner = std::log(500.0 / 300.0) / std::log(10.0);   // 300-500 Hz in the window
    const double wMids = std::log(4.0) / std::log(10.0);               // 500 Hz-2 kHz
    const double wUpper = std::log(1.5) / std::log(10.0);              // 2-3 kHz
    const double inner = -(wMids * rel[Mids] + wUpper * rel[UpperMids]) / wInner;
    const double fracBelow = std::log2(300.0 / 250.0);  // share of the lower-mids octave below 300 Hz
    const double below = (rel[LowerMids] - (1.0 - fracBelow) * inner) / fracBelow;
    return stepCurve({ 20, 60, 250, 300, 500, 2000, 5000, 10000, 20000 },
                     { rel[SubBass], rel[Bass], below, inner, rel[Mids], rel[UpperMids], rel[Treble], rel[Air] });
}

} // namespace iemeq::test
