#pragma once
// Predicted preference rating of an in-ear headphone relative to its target (Olive, Welti,
// Khonsaripour, "A Statistical Model that Predicts Listeners' Preference Ratings of In-Ear
// Headphones", AES 2018), computed the way AutoEq computes it, so users see the numbers they know:
// the error e(f) = response - target is read (linear in log-frequency) at the model's fixed
// frequencies, the ISO R40 preferred numbers from 20 Hz to 20 kHz (1/12 octave: 20, 21.2, 22.4,
// 23.6, 25, ... 20000; harmanInEarFrequencies()), and summarised by
//   SD    : sample standard deviation (N - 1) of e over 20 Hz-10 kHz,
//   slope : slope of the least-squares line of e against ln(f) over 20 Hz-10 kHz,
//   AE    : mean of |e(f) - e(500 Hz)| over 40 Hz-10 kHz,
// score = 100.0795 - 8.5 * SD - 6.796 * |slope| - 3.475 * AE.
// Because the frequencies are fixed, the curves' own grid does not weigh the result.
#include "../curve/FrequencyCurve.h"

#include <cstddef>
#include <vector>

namespace iemeq {

struct PreferenceScore {
    double sdDb = 0.0;      // sample standard deviation (divides by N - 1)
    double slope = 0.0;     // dB per natural-log unit of frequency (signed; the score uses |slope|)
    double meanAbsDb = 0.0; // AE
    double score = 0.0;
    std::size_t points = 0;  // model frequencies in 20 Hz-10 kHz (109)
};

// The model's frequencies: the R40 series from 20 Hz to 20 kHz (121 values).
const std::vector<double>& harmanInEarFrequencies();

// Both curves on the same grid, covering at least 20 Hz-10 kHz; throws iemeq::Error otherwise.
PreferenceScore harmanInEarScore(const FrequencyCurve& response, const FrequencyCurve& target);

} // namespace iemeq
