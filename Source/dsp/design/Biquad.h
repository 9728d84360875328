#pragma once
// Parametric filter sections as Equalizer APO and AutoEq define them: the RBJ Audio EQ Cookbook
// (Robert Bristow-Johnson) peaking, low-shelf and high-shelf biquads, with Q as the cookbook's Q
// (shelf "S" is not used). Every coefficient function has an analytic response next to it, so a
// design can be checked against its intent without running audio.
#include <complex>
#include <string>

namespace iemeq {

enum class FilterType { Peaking, LowShelf, HighShelf };

// Equalizer APO spelling: "PK", "LSC", "HSC".
const char* apoName(FilterType t);
// Accepts PK, PEQ, LS, LSC, LSQ, HS, HSC, HSQ (any case); throws iemeq::Error otherwise.
FilterType filterTypeFromName(const std::string& name);

// One parametric filter as the user sees it (the "analog" intent, independent of sample rate).
struct PeqFilter {
    FilterType type = FilterType::Peaking;
    double fc = 1000.0;   // Hz
    double gainDb = 0.0;  // dB
    double q = 0.7071;    // cookbook Q
    bool operator==(const PeqFilter&) const = default;
};

// Normalised direct-form coefficients: H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2).
struct BiquadCoeffs {
    double b0 = 1.0, b1 = 0.0, b2 = 0.0, a1 = 0.0, a2 = 0.0;
    bool operator==(const BiquadCoeffs&) const = default;
};

// RBJ cookbook coefficients of `f` realised at sample rate `fs`.
// Prototype (peaking): H(s) = (s^2 + s*(A/Q) + 1) / (s^2 + s/(A*Q) + 1), A = 10^(gain/40), bilinear
// transform with the centre frequency pre-warped. Shelves: the cookbook's shelf with alpha from Q.
// fc at or above Nyquist cannot be realised; it is clamped to 0.499*fs (see design notes in
// README: the designer re-fits the sections at that rate so the audible band still matches).
BiquadCoeffs rbjCoefficients(const PeqFilter& f, double fs);

// Complex response of a biquad at frequency `hz` for sample rate `fs`.
std::complex<double> response(const BiquadCoeffs& c, double hz, double fs);
// 20*log10|H| at `hz`.
double magnitudeDb(const BiquadCoeffs& c, double hz, double fs);
// Phase of H in radians at `hz`.
double phaseRad(const BiquadCoeffs& c, double hz, double fs);

// The analog prototype's magnitude in dB at `hz` (what the filter means, independent of fs).
double analogMagnitudeDb(const PeqFilter& f, double hz);

} // namespace iemeq
