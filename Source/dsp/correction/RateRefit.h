#pragma once
// The same parametric correction at another sample rate. A biquad's response depends on the
// rate it runs at (the bilinear transform squeezes everything towards Nyquist), so filters fitted
// at 48 kHz and simply re-realised at 96 kHz sound different above a few kHz. Instead each filter
// is re-fitted at the new rate, starting from where it was, to the response the whole set had at
// the rate it was designed at: closely up to 11 kHz, only the broad level above (up to 20 kHz or
// 0.45 of the lower rate), and staying near the designed parameters.
#include "../design/Biquad.h"

#include <vector>

namespace iemeq {

std::vector<PeqFilter> refitForRate(const std::vector<PeqFilter>& filters, double fromFs, double toFs);

} // namespace iemeq
