#pragma once
// An FIR kernel prepared for one PartitionedConvolver configuration: every partition of every
// channel already transformed (split re/im spectra, scaled for the inverse FFT). Built off the
// audio thread by PartitionedConvolver::makeKernel, then immutable.
#include "AlignedFloats.h"

#include <vector>

namespace iemeq {

struct ConvolverKernel {
    int partitionSize = 0;   // B: the convolver's partition size this kernel was made for
    int binStride = 0;       // floats per partition spectrum (>= B + 1, multiple of 16)
    int partitions = 0;      // ceil(taps / B)
    int taps = 0;
    int latencySamples = 0;  // reported to the host (e.g. (N-1)/2 for linear phase); not added
    std::vector<AlignedFloats> re, im;  // per channel: partitions * binStride

    int numChannels() const { return static_cast<int>(re.size()); }
    const float* reAt(int ch, int p) const { return re[static_cast<std::size_t>(ch)].data() + static_cast<std::size_t>(p) * static_cast<std::size_t>(binStride); }
    const float* imAt(int ch, int p) const { return im[static_cast<std::size_t>(ch)].data() + static_cast<std::size_t>(p) * static_cast<std::size_t>(binStride); }
};

} // namespace iemeq
