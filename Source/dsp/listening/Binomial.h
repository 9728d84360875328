#pragma once
// Exact binomial tests for listening sessions (fair coin: a listener who hears no difference
// answers each trial right with probability 1/2).
#include <string>

namespace iemeq::listening {

// P(X >= k) for X ~ Binomial(n, 1/2): the chance of scoring k or more of n by guessing.
// Exact (integer sum of C(n, i), one rounding) up to n = 62, log-space terms beyond.
double binomialTailAtLeast(int k, int n);

// Two-sided: the chance of a split at least as uneven as k : n-k (min(1, 2 P(X >= max(k, n-k)))).
double binomialTwoSided(int k, int n);

// "p = 0.038", "p = 0.40", "p < 0.001": two significant digits, at most three decimals.
std::string formatP(double p);

inline constexpr double kSignificance = 0.05;

} // namespace iemeq::listening
