#include "PeqJacobian.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace iemeq {

namespace {

// A value with its derivatives along (ln fc, ln Q, gain): forward-mode differentiation of the
// cookbook formulas, so the Jacobian is exact without hand-deriving every coefficient.
struct Dual {
    double v = 0.0, d[3] = { 0.0, 0.0, 0.0 };
};
Dual operator+(const Dual& a, const Dual& b) { return { a.v + b.v, { a.d[0] + b.d[0], a.d[1] + b.d[1], a.d[2] + b.d[2] } }; }
Dual operator-(const Dual& a, const Dual& b) { return { a.v - b.v, { a.d[0] - b.d[0], a.d[1] - b.d[1], a.d[2] - b.d[2] } }; }
Dual operator*(const Dual& a, const Dual& b)
{
    return { a.v * b.v, { a.d[0] * b.v + a.v * b.d[0], a.d[1] * b.v + a.v * b.d[1], a.d[2] * b.v + a.v * b.d[2] } };
}
Dual operator*(double k, const Dual& a) { return { k * a.v, { k * a.d[0], k * a.d[1], k * a.d[2] } }; }

// Unnormalised RBJ coefficients; |H|^2 is a ratio so a0 need not be divided out.
void coefficients(FilterType type, const Dual& A, const Dual& sqrtA, const Dual& cw, const Dual& alpha, Dual b[3], Dual a[3])
{
    const Dual one { 1.0, { 0, 0, 0 } };
    switch (type) {
    case FilterType::Peaking: {
        const Dual aA = alpha * A;
        // alpha / A: A > 0 always.
        Dual aOverA;
        aOverA.v = alpha.v / A.v;
        for (int k = 0; k < 3; ++k)
            aOverA.d[k] = (alpha.d[k] * A.v - alpha.v * A.d[k]) / (A.v * A.v);
        b[0] = one + aA; b[1] = -2.0 * cw; b[2] = one - aA;
        a[0] = one + aOverA; a[1] = -2.0 * cw; a[2] = one - aOverA;
        break;
    }
    case FilterType::LowShelf: {
        const Dual s = 2.0 * (sqrtA * alpha);
        const Dual Ap1 = A + one, Am1 = A - one;
        b[0] = A * (Ap1 - Am1 * cw + s);
        b[1] = 2.0 * (A * (Am1 - Ap1 * cw));
        b[2] = A * (Ap1 - Am1 * cw - s);
        a[0] = Ap1 + Am1 * cw + s;
        a[1] = -2.0 * (Am1 + Ap1 * cw);
        a[2] = Ap1 + Am1 * cw - s;
        break;
    }
    case FilterType::HighShelf:
    default: {
        const Dual s = 2.0 * (sqrtA * alpha);
        const Dual Ap1 = A + one, Am1 = A - one;
        b[0] = A * (Ap1 + Am1 * cw + s);
        b[1] = -2.0 * (A * (Am1 + Ap1 * cw));
        b[2] = A * (Ap1 + Am1 * cw - s);
        a[0] = Ap1 - Am1 * cw + s;
        a[1] = 2.0 * (Am1 - Ap1 * cw);
        a[2] = Ap1 - Am1 * cw - s;
        break;
    }
    }
}

} // namespace

ResponseGrid makeResponseGrid(const std::vector<double>& freq, double fs)
{
    ResponseGrid g;
    g.freq = freq;
    g.fs = fs;
    const std::size_t n = freq.size();
    g.uRe.resize(n);
    g.uIm.resize(n);
    g.u2Re.resize(n);
    g.u2Im.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double w = 2.0 * std::numbers::pi * freq[i] / fs;
        const double sh = std::sin(0.5 * w);
        g.uRe[i] = 2.0 * sh * sh;  // 1 - cos w without cancellation
        g.uIm[i] = std::sin(w);
        g.u2Re[i] = g.uRe[i] * g.uRe[i] - g.uIm[i] * g.uIm[i];
        g.u2Im[i] = 2.0 * g.uRe[i] * g.uIm[i];
    }
    return g;
}

void biquadDbOnGrid(const PeqFilter& f, const ResponseGrid& grid, double* db, double* dLnFc, double* dLnQ, double* dGain)
{
    biquadPowerOnGrid(f, grid, db, dLnFc, dLnQ, dGain);
    const double k = 10.0 / std::numbers::ln10;
    for (std::size_t i = 0; i < grid.freq.size(); ++i)
        db[i] = k * std::log(db[i]);
}

void biquadPowerOnGrid(const PeqFilter& f, const ResponseGrid& grid, double* db, double* dLnFc, double* dLnQ, double* dGain)
{
    const double fsMax = 0.499 * grid.fs;
    const bool clamped = f.fc >= fsMax;
    const double fc = clamped ? fsMax : f.fc;
    const double w0 = 2.0 * std::numbers::pi * fc / grid.fs;
    const double cw0 = std::cos(w0), sw0 = std::sin(w0);
    const double dw = clamped ? 0.0 : w0;  // d w0 / d ln fc
    const double A0 = std::pow(10.0, f.gainDb / 40.0);
    const double alpha0 = sw0 / (2.0 * f.q);
    const double ln10 = std::numbers::ln10;

    const Dual A { A0, { 0.0, 0.0, A0 * ln10 / 40.0 } };
    const Dual sqrtA { std::sqrt(A0), { 0.0, 0.0, std::sqrt(A0) * ln10 / 80.0 } };
    const Dual cw { cw0, { -sw0 * dw, 0.0, 0.0 } };
    const Dual alpha { alpha0, { cw0 * dw / (2.0 * f.q), -alpha0, 0.0 } };
    Dual b[3], a[3];
    coefficients(f.type, A, sqrtA, cw, alpha, b, a);
    // Sums of the coefficients (the response at DC) in closed form: from the coefficients they
    // would be tiny differences of numbers near 2. S = sin^2(w0/2) = (1 - cos w0) / 2.
    const double sh0 = std::sin(0.5 * w0);
    const Dual S { sh0 * sh0, { 0.5 * sw0 * dw, 0.0, 0.0 } };
    Dual bSum, aSum;
    switch (f.type) {
    case FilterType::Peaking: bSum = 4.0 * S; aSum = bSum; break;
    case FilterType::LowShelf: bSum = 8.0 * (A * A * S); aSum = 8.0 * S; break;
    case FilterType::HighShelf:
    default: bSum = 8.0 * (A * S); aSum = bSum; break;
    }
    const Dual bBeta = b[1] + 2.0 * b[2], aBeta = a[1] + 2.0 * a[2];

    // Plain scalars so the loops below vectorise.
    const double k = 10.0 / ln10;
    const std::size_t n = grid.freq.size();
    const double* uRe = grid.uRe.data();
    const double* uIm = grid.uIm.data();
    const double* u2Re = grid.u2Re.data();
    const double* u2Im = grid.u2Im.data();
    const double bs = bSum.v, bb = bBeta.v, b2 = b[2].v, as = aSum.v, ab = aBeta.v, a2 = a[2].v;
    if (!(dLnFc || dLnQ || dGain)) {
        for (std::size_t i = 0; i < n; ++i) {
            const double br = bs - bb * uRe[i] + b2 * u2Re[i], bi = b2 * u2Im[i] - bb * uIm[i];
            const double ar = as - ab * uRe[i] + a2 * u2Re[i], ai = a2 * u2Im[i] - ab * uIm[i];
            db[i] = (br * br + bi * bi) / (ar * ar + ai * ai);
        }
        return;
    }
    // One pass for the power and every requested derivative (the numerator and denominator
    // at each point are computed once).
    double dbs[3], dbb[3], db2[3], das[3], dab[3], da2[3];
    for (int j = 0; j < 3; ++j) {
        dbs[j] = bSum.d[j]; dbb[j] = bBeta.d[j]; db2[j] = b[2].d[j];
        das[j] = aSum.d[j]; dab[j] = aBeta.d[j]; da2[j] = a[2].d[j];
    }
    double* out[3] = { dLnFc, dLnQ, dGain };
    const double k2 = 2.0 * k;
    for (std::size_t i = 0; i < n; ++i) {
        const double br = bs - bb * uRe[i] + b2 * u2Re[i], bi = b2 * u2Im[i] - bb * uIm[i];
        const double ar = as - ab * uRe[i] + a2 * u2Re[i], ai = a2 * u2Im[i] - ab * uIm[i];
        const double nb = br * br + bi * bi, na = ar * ar + ai * ai;
        const double inb = 1.0 / nb, ina = 1.0 / na;
        db[i] = nb * ina;
        for (int j = 0; j < 3; ++j) {
            if (!out[j])
                continue;
            const double dbr = dbs[j] - dbb[j] * uRe[i] + db2[j] * u2Re[i], dbi = db2[j] * u2Im[i] - dbb[j] * uIm[i];
            const double dar = das[j] - dab[j] * uRe[i] + da2[j] * u2Re[i], dai = da2[j] * u2Im[i] - dab[j] * uIm[i];
            // d(10 log10(N/D)) = k (dN/N - dD/D), N = br^2 + bi^2, dN = 2 (br dbr + bi dbi).
            out[j][i] = k2 * ((br * dbr + bi * dbi) * inb - (ar * dar + ai * dai) * ina);
        }
    }
}

} // namespace iemeq
