#pragma once
// The pure function behind the worker: a request becomes a result (no threads, no JUCE),
// so tests and the processor's synchronous prepare path run exactly the same code.
#include "DesignTypes.h"

#include "dsp/design/FirCorrection.h"

namespace iemeq::plugin {

// FIR length for a sample rate (odd, so the dry path can match the linear-phase delay exactly).
inline int firTapsFor(double fs) { return firCorrectionTaps(fs); }

// The target after the user's adjustments (bass, tilt, treble, ear gain), on the target's grid.
FrequencyCurve adjustedTarget(const FrequencyCurve& target, const DesignSettings& s);

// The grid every curve of a result is shown and compared on (1/48 octave, 20 Hz-20 kHz).
const std::vector<double>& displayGrid();

DesignResult runDesign(const DesignRequest& request);

// Loudness of an EQ (dB) over the music band: pink-weighted power average 50 Hz-10 kHz.
double eqLoudnessDb(const std::vector<PeqFilter>& filters, double preampDb, double fs);
double eqLoudnessDb(const FrequencyCurve& eqDb, double preampDb);

// Filters as realisable at `fs` (centre frequencies kept below 0.45 fs).
std::vector<PeqFilter> realisable(std::vector<PeqFilter> filters, double fs);

} // namespace iemeq::plugin
