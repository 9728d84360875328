#pragma once
// The pure function behind the worker: a request becomes a result (no threads, no JUCE), so
// tests, the processor's synchronous prepare path and `iemeq render` run exactly the same code.
#include "DesignTypes.h"

#include "dsp/design/FirCorrection.h"

namespace iemeq::plugin {

// FIR length for a sample rate (odd, so the dry path can match the linear-phase delay exactly).
inline int firTapsFor(double fs) { return firCorrectionTaps(fs); }

// The one mapping from the plugin's parameters onto a CorrectionSpec.
CorrectionSpec specFor(const CorrectionInputs& inputs, const DesignSettings& settings);

// The parameter values that reproduce `spec` (for loading a preset into the plugin).
DesignSettings settingsFor(const CorrectionSpec& spec);

DesignResult runDesign(const DesignRequest& request);

// What the engine needs from a correction (sections, kernels, preamp, latency) at c.fs.
DesignResult realise(const Correction& c);

// Loudness of an EQ (dB) over the music band: pink-weighted power average 50 Hz-10 kHz.
double eqLoudnessDb(const FrequencyCurve& eqDb, double preampDb);

} // namespace iemeq::plugin
