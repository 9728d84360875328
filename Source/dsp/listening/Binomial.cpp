#include "Binomial.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace iemeq::listening {

double binomialTailAtLeast(int k, int n)
{
    if (n <= 0 || k <= 0)
        return 1.0;
    if (k > n)
        return 0.0;
    if (n <= 62) {
        // C(n, i) built along the row; every value and the sum stay below 2^62.
        std::uint64_t c = 1, sum = 0;
        for (int i = 0; i <= n; ++i) {
            if (i >= k)
                sum += c;
            c = c * static_cast<std::uint64_t>(n - i) / static_cast<std::uint64_t>(i + 1);
        }
        return std::ldexp(static_cast<double>(sum), -n);
    }
    double sum = 0.0;
    for (int i = n; i >= k; --i)  // smallest terms first
        sum += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) - n * std::log(2.0));
    return std::min(1.0, sum);
}

double binomialTwoSided(int k, int n)
{
    if (n <= 0)
        return 1.0;
    return std::min(1.0, 2.0 * binomialTailAtLeast(std::max(k, n - k), n));
}

std::string formatP(double p)
{
    char buf[32];
    if (p < 0.001)
        return "p < 0.001";
    std::snprintf(buf, sizeof buf, p >= 0.1 ? "p = %.2f" : "p = %.3f", p);
    return buf;
}

} // namespace iemeq::listening
