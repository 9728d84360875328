#pragma once
// FIR kernels exported as a stereo WAV impulse response, the format convolution hosts load
// (32-bit float, or 24-bit PCM for hosts that want integer files).
#include "WavFile.h"

#include <string>
#include <vector>

namespace iemeq {

// Writes `channels` (left, right; a single kernel is written to both channels; shorter channels
// are zero-padded) at `fs`. 32-bit float is written as-is. 24-bit PCM cannot hold |x| >= 1, so a
// kernel whose peak reaches full scale is attenuated just enough to fit; the return value is the
// gain applied in dB (0 when untouched), for the caller to tell the user / compensate.
// Throws iemeq::Error on empty input or a bad sample rate, and for I/O errors (with the path).
double writeImpulseResponseWav(const std::string& path, const std::vector<std::vector<double>>& channels, double fs,
                               WavSampleFormat format = WavSampleFormat::Float32);

} // namespace iemeq
