#pragma once
// A magnitude response: strictly increasing frequencies (Hz) with a level in dB each.
#include <string>
#include <vector>

namespace iemeq {

struct FrequencyCurve {
    std::vector<double> freq;  // Hz, strictly increasing, > 0
    std::vector<double> db;    // same size as freq
    std::string name;

    std::size_t size() const { return freq.size(); }
    bool empty() const { return freq.empty(); }
};

// Level at f: linear interpolation in log-frequency, flat beyond both ends.
double levelAt(const FrequencyCurve& curve, double f);

// The curve evaluated at every frequency of `grid` (same interpolation rules as levelAt).
FrequencyCurve resample(const FrequencyCurve& curve, const std::vector<double>& grid);

// Point-wise a + b and a - b; both curves must share the same grid.
FrequencyCurve add(const FrequencyCurve& a, const FrequencyCurve& b);
FrequencyCurve subtract(const FrequencyCurve& a, const FrequencyCurve& b);

// The curve shifted by a constant number of dB.
FrequencyCurve offset(FrequencyCurve curve, double dB);

// dB mean of several curves, each first resampled onto `grid` (AutoEq averages L and R this way).
FrequencyCurve averageDb(const std::vector<FrequencyCurve>& curves, const std::vector<double>& grid);

} // namespace iemeq
