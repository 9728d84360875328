#pragma once
// A whole file through a correction with the plugin's own audio path (CorrectionEngine, prepared
// as a host would with this block size), so `iemeq render` plays the samples the plugin plays.
#include "dsp/correction/DesignCorrection.h"
#include "dsp/io/WavFile.h"

namespace iemeq::plugin {

// Processes every channel in place, in pairs (a mono file uses channel 0's correction; extra
// pairs use the same L/R correction). A linear-phase kernel's delay is removed, so the output
// lines up with the input. `c.fs` must equal the audio's rate.
void renderCorrection(AudioData& audio, const Correction& c, int blockSize = 512);

} // namespace iemeq::plugin
