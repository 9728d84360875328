#pragma once
// Predicted preference rating of an in-ear headphone relative to its target (Olive, Welti,
// Khonsaripour, "A Statistical Model that Predicts Listeners' Preference Ratings of In-Ear
// Headphones", AES 2018): the error e(f) = response - target is summarised by
//   SD    : standard deviation of e over 20 Hz-10 kHz,
//   slope : |slope| of the least-squares line of e against ln(f) over 20 Hz-10 kHz,
//   AE    : mean of |e(f) - e(500 Hz)| over 40 Hz-10 kHz,
// and score = 100.0795 - 8.5 * SD - 6.796 * |slope| - 3.475 * AE.
// Every grid point weighs the same, so pass curves on a log-spaced grid (e.g. AutoEq's 1.01 grid).
#include "../curve/FrequencyCurve.h"

#include <cstddef>

namespace iemeq {

struct PreferenceScore {
    double sdDb = 0.0;      // population standard deviation (divides by N)
    double slope = 0.0;     // dB per natural-log unit of frequency (signed; the score uses |slope|)
    double meanAbsDb = 0.0; // AE
    double score = 0.0;
    std::size_t points = 0;  // grid points in 20 Hz-10 kHz
};

// Both curves on the same grid; throws iemeq::Error otherwise or if the band holds < 3 points.
PreferenceScore harmanInEarScore(const FrequencyCurve& response, const FrequencyCurve& target);

} // namespace iemeq
