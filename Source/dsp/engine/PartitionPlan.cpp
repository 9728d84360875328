#include "PartitionPlan.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

namespace {
constexpr double kFftWeight = 1.0;  // relative cost of one FFT flop ...
constexpr double kMacWeight = 1.0;  // ... and of one multiply-accumulate flop
}

PartitionCost partitionCost(int B, int taps, int hostBlock)
{
    hostBlock = std::max(1, hostBlock);
    const double b = B;
    const int partitions = std::max(1, (taps + B - 1) / B);
    // FFT passes per host call: one per chunk of the call that falls in one partition.
    const double chunksPerCall = B >= hostBlock ? 1.0 : std::ceil(static_cast<double>(hostBlock) / b);
    const double fftFlops = 2.0 * 2.5 * (2.0 * b) * std::log2(2.0 * b) + 8.0 * b;  // fwd + inv + first partition
    const double fftPerSample = chunksPerCall * fftFlops / hostBlock;
    const double macPerSample = 8.0 * (partitions - 1);
    return { B, fftPerSample + macPerSample, kFftWeight * fftPerSample + kMacWeight * macPerSample };
}

int choosePartitionSize(int taps, int hostBlock)
{
    int best = 16;
    double bestCost = 1e300;
    for (int B = 16; B <= 8192; B *= 2) {
        const double c = partitionCost(B, taps, hostBlock).weightedCost;
        if (c < bestCost) {
            bestCost = c;
            best = B;
        }
    }
    return best;
}

} // namespace iemeq
