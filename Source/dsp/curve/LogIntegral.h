#pragma once
// Exact averages of a curve over log-frequency spans. The curve is read the way levelAt reads it
// (straight lines between points in log-frequency, flat beyond both ends), so a band mean or a
// smoothing window does not depend on how densely the file was sampled.
#include "FrequencyCurve.h"

#include <vector>

namespace iemeq {

class LogIntegral {
public:
    explicit LogIntegral(const FrequencyCurve& curve);

    // Mean level in dB over [f1, f2] (log-frequency weighting); f1 == f2 gives levelAt(f1).
    double meanDb(double f1, double f2) const;

private:
    // Integral of the level over log2(f) from the first point up to log2(f) = x (negative before it).
    double integralTo(double x) const;

    std::vector<double> x_, y_, prefix_;
};

} // namespace iemeq
