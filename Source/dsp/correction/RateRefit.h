#pragma once
// The same parametric correction at another sample rate. A biquad's response depends on the
// rate it runs at (the bilinear transform squeezes everything towards Nyquist), so filters fitted
// at 48 kHz and simply re-realised at 96 kHz sound different above a few kHz. Instead each filter
// is re-fitted at the new rate, starting from where it was, to the response the whole set had at
// the rate it was designed at: closely up to 11 kHz, only the broad level above (up to 20 kHz or
// 0.45 of the lower rate), and staying near the designed parameters.
#include "../design/Biquad.h"

#include <limits>
#include <vector>

namespace iemeq {

struct DeviceProfile;

std::vector<PeqFilter> refitForRate(const std::vector<PeqFilter>& filters, double fromFs, double toFs);

// The box one filter's parameters must stay in while re-fitted (a device's ranges; lo == hi
// holds a parameter where it is). fc is also kept below 0.45 of the new rate.
struct RefitLimits {
    double fcLo = 5.0, fcHi = std::numeric_limits<double>::infinity();
    double qLo = 0.05, qHi = 30.0;
    double gainLo = -std::numeric_limits<double>::infinity(), gainHi = std::numeric_limits<double>::infinity();
};

// The general form: `start` (one RefitLimits each) re-fitted at toFs to the response `want` had
// at fromFs.
std::vector<PeqFilter> refitToResponse(const std::vector<PeqFilter>& want, double fromFs,
                                       const std::vector<PeqFilter>& start, double toFs,
                                       const std::vector<RefitLimits>& limits);

// A device design at another rate: re-fitted inside the device's ranges, fc and Q then put on its
// steps, the gains re-fitted around them and put on theirs, so every value stays one the device
// can store (fixed band frequencies and a fixed Q are kept).
std::vector<PeqFilter> refitForDevice(const std::vector<PeqFilter>& filters, double fromFs, double toFs,
                                      const DeviceProfile& device);

} // namespace iemeq
