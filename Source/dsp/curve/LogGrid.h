#pragma once
// Frequency grids that curves are compared on.
#include <vector>

namespace iemeq {

// fmin..fmax with `pointsPerOctave` points per octave (default design grid: 1/96 octave).
std::vector<double> makeLogGrid(double fmin = 20.0, double fmax = 20000.0, double pointsPerOctave = 96.0);

// AutoEq's grid: f_k = fmin * ratio^k up to and including fmax (ratio 1.01 is AutoEq's step).
std::vector<double> makeRatioGrid(double fmin = 20.0, double fmax = 20000.0, double ratio = 1.01);

} // namespace iemeq
