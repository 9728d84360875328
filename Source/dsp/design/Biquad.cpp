#include "Biquad.h"

#include "../core/Error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

namespace iemeq {

const char* apoName(FilterType t)
{
    switch (t) {
    case FilterType::Peaking: return "PK";
    case FilterType::LowShelf: return "LSC";
    case FilterType::HighShelf: return "HSC";
    }
    return "PK";
}

FilterType filterTypeFromName(const std::string& name)
{
    std::string u;
    for (char ch : name)
        u.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
    if (u == "PK" || u == "PEQ" || u == "PEAK" || u == "PEAKING")
        return FilterType::Peaking;
    if (u == "LS" || u == "LSC" || u == "LSQ" || u == "LOWSHELF")
        return FilterType::LowShelf;
    if (u == "HS" || u == "HSC" || u == "HSQ" || u == "HIGHSHELF")
        return FilterType::HighShelf;
    throw Error("unknown filter type '" + name + "' (expected PK, LSC or HSC)");
}

BiquadCoeffs rbjCoefficients(const PeqFilter& f, double fs)
{
    const double fc = std::min(f.fc, 0.499 * fs);
    const double A = std::pow(10.0, f.gainDb / 40.0);
    const double w0 = 2.0 * std::numbers::pi * fc / fs;
    const double cw = std::cos(w0), sw = std::sin(w0);
    const double alpha = sw / (2.0 * f.q);
    double b0, b1, b2, a0, a1, a2;
    switch (f.type) {
    case FilterType::Peaking:
        b0 = 1.0 + alpha * A; b1 = -2.0 * cw; b2 = 1.0 - alpha * A;
        a0 = 1.0 + alpha / A; a1 = -2.0 * cw; a2 = 1.0 - alpha / A;
        break;
    case FilterType::LowShelf: {
        const double s = 2.0 * std::sqrt(A) * alpha;
        b0 = A * ((A + 1) - (A - 1) * cw + s);
        b1 = 2 * A * ((A - 1) - (A + 1) * cw);
        b2 = A * ((A + 1) - (A - 1) * cw - s);
        a0 = (A + 1) + (A - 1) * cw + s;
        a1 = -2 * ((A - 1) + (A + 1) * cw);
        a2 = (A + 1) + (A - 1) * cw - s;
        break;
    }
    case FilterType::HighShelf:
    default: {
        const double s = 2.0 * std::sqrt(A) * alpha;
        b0 = A * ((A + 1) + (A - 1) * cw + s);
        b1 = -2 * A * ((A - 1) + (A + 1) * cw);
        b2 = A * ((A + 1) + (A - 1) * cw - s);
        a0 = (A + 1) - (A - 1) * cw + s;
        a1 = 2 * ((A - 1) - (A + 1) * cw);
        a2 = (A + 1) - (A - 1) * cw - s;
        break;
    }
    }
    return { b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0 };
}

std::complex<double> response(const BiquadCoeffs& c, double hz, double fs)
{
    const double w = 2.0 * std::numbers::pi * hz / fs;
    const std::complex<double> z1 = std::polar(1.0, -w), z2 = z1 * z1;
    return (c.b0 + c.b1 * z1 + c.b2 * z2) / (1.0 + c.a1 * z1 + c.a2 * z2);
}

double magnitudeDb(const BiquadCoeffs& c, double hz, double fs)
{
    return 20.0 * std::log10(std::abs(response(c, hz, fs)));
}

double phaseRad(const BiquadCoeffs& c, double hz, double fs)
{
    return std::arg(response(c, hz, fs));
}

double analogMagnitudeDb(const PeqFilter& f, double hz)
{
    const double A = std::pow(10.0, f.gainDb / 40.0);
    const std::complex<double> s(0.0, hz / f.fc);  // normalised s = j*w/w0
    const double invQ = 1.0 / f.q;
    std::complex<double> h;
    switch (f.type) {
    case FilterType::Peaking:
        h = (s * s + s * (A * invQ) + 1.0) / (s * s + s * (invQ / A) + 1.0);
        break;
    case FilterType::LowShelf: {
        const double rA = std::sqrt(A);
        h = A * (s * s + s * (rA * invQ) + A) / (A * s * s + s * (rA * invQ) + 1.0);
        break;
    }
    case FilterType::HighShelf:
    default: {
        const double rA = std::sqrt(A);
        h = A * (A * s * s + s * (rA * invQ) + 1.0) / (s * s + s * (rA * invQ) + A);
        break;
    }
    }
    return 20.0 * std::log10(std::abs(h));
}

} // namespace iemeq
