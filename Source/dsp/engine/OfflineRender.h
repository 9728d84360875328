#pragma once
// Offline processing of a whole file through a parametric design with the same real-time engine
// the plugin uses, so `iemeq render` and the plugin produce the same samples.
#include "../design/PeqDesign.h"
#include "../io/WavFile.h"

namespace iemeq {

// Processes every channel in place (pairs share one stereo cascade), preamp included.
void renderPeq(AudioData& audio, const PeqDesign& design, int blockSize = 512);

} // namespace iemeq
