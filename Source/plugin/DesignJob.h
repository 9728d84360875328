#pragma once
// The pure function behind the worker: a request becomes a result (no threads, no JUCE),
// so tests and the processor's synchronous prepare path run exactly the same code.
#include "DesignTypes.h"

namespace iemeq::plugin {

// The target after the user's adjustments (bass, tilt, treble, ear gain), on the target's grid.
FrequencyCurve adjustedTarget(const FrequencyCurve& target, const DesignSettings& s);

DesignResult runDesign(const DesignRequest& request);

// Loudness of an EQ (dB) over the music band: pink-weighted power average 50 Hz-10 kHz.
double eqLoudnessDb(const std::vector<PeqFilter>& filters, double preampDb, double fs);

} // namespace iemeq::plugin
