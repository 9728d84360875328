#pragma once
// Spectral helpers for FIR design (FFTW, double precision): the minimum-phase spectrum with a
// given magnitude (real-cepstrum folding) and real inverse transforms.
#include <complex>
#include <vector>

namespace iemeq {

// `magnitude` holds |H| at bins 0..M/2 of an M-point grid (M = 2 * (size - 1), M a power of two).
// Returns the minimum-phase spectrum with that magnitude at the same bins: the log-magnitude's
// real cepstrum is folded onto positive quefrencies (causal), then exponentiated. Magnitudes are
// floored at -200 dB so the logarithm stays finite.
std::vector<std::complex<double>> minimumPhaseSpectrum(const std::vector<double>& magnitude);

// M real samples whose DFT has the Hermitian spectrum `bins` (0..M/2), normalised (1/M).
std::vector<double> inverseRealFft(const std::vector<std::complex<double>>& bins);

// Bins 0..M/2 of the DFT of M real samples.
std::vector<std::complex<double>> forwardRealFft(const std::vector<double>& samples);

} // namespace iemeq
