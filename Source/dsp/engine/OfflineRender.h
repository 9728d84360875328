#pragma once
// Offline processing of a whole file through a parametric design with the same real-time engine
// the plugin uses, so `iemeq render` and the plugin produce the same samples.
#include "../design/FirDesigner.h"
#include "../design/PeqDesign.h"
#include "../io/WavFile.h"

namespace iemeq {

// Processes every channel in place (pairs share one stereo cascade), preamp included.
void renderPeq(AudioData& audio, const PeqDesign& design, int blockSize = 512);

// Convolves every channel in place with `kernel` (the real-time partitioned convolver), preamp
// included. A linear-phase kernel's delay is removed, so the output lines up with the input.
void renderFir(AudioData& audio, const FirKernel& kernel, double preampDb, int blockSize = 512);

} // namespace iemeq
