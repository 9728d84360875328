#pragma once
// Choice of the partition size B for the uniformly partitioned convolver.
//
// With zero latency every host call costs one forward and one inverse FFT of size 2B (the
// current, partly filled block is transformed again on each call), while the frequency-domain
// delay line costs 8 flops per bin per partition once per B samples. Per sample that is about
//   calls_per_sample * (10 B log2(2B) + 8B)  +  8 (N/B - 1)
// so B larger than the host block pays off for long kernels (fewer partitions), and B equal to
// the host block is best for short ones. The weights below were measured on x86-64 (FFTW float
// runs at a lower flop rate than the streaming MAC loop).
namespace iemeq {

struct PartitionCost {
    int partitionSize = 0;
    double flopsPerSample = 0;  // the model's figure (unweighted), for GFLOP/s reports
    double weightedCost = 0;    // what the choice minimises
};

// Model cost of partition size `B` for a kernel of `taps` samples and host blocks of `hostBlock`.
PartitionCost partitionCost(int B, int taps, int hostBlock);

// The power of two in [16, 8192] with the lowest weighted cost.
int choosePartitionSize(int taps, int hostBlock);

} // namespace iemeq
