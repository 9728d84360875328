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

// |c0 + c1 z^-1 + c2 z^-2|^2 = P0 + P1 cos w + P2 cos 2w.
void powerPoly(const Dual c[3], Dual P[3])
{
    P[0] = c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
    P[1] = 2.0 * (c[0] * c[1] + c[1] * c[2]);
    P[2] = 2.0 * (c[0] * c[2]);
}

} // namespace

ResponseGrid makeResponseGrid(const std::vector<double>& freq, double fs)
{
    ResponseGrid g;
    g.freq = freq;
    g.fs = fs;
    g.cosW.resize(freq.size());
    g.cos2W.resize(freq.size());
    for (std::size_t i = 0; i < freq.size(); ++i) {
        const double w = 2.0 * std::numbers::pi * freq[i] / fs;
        g.cosW[i] = std::cos(w);
        g.cos2W[i] = std::cos(2.0 * w);
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
    Dual b[3], a[3], N[3], D[3];
    coefficients(f.type, A, sqrtA, cw, alpha, b, a);
    powerPoly(b, N);
    powerPoly(a, D);

    const double k = 10.0 / ln10;
    const std::size_t n = grid.freq.size();
    const bool grad = dLnFc || dLnQ || dGain;
    for (std::size_t i = 0; i < n; ++i) {
        const double c1 = grid.cosW[i], c2 = grid.cos2W[i];
        const double nv = N[0].v + N[1].v * c1 + N[2].v * c2;
        const double dv = D[0].v + D[1].v * c1 + D[2].v * c2;
        db[i] = nv / dv;
        if (!grad)
            continue;
        const double in = 1.0 / nv, id = 1.0 / dv;
        double g[3];
        for (int j = 0; j < 3; ++j)
            g[j] = k * ((N[0].d[j] + N[1].d[j] * c1 + N[2].d[j] * c2) * in - (D[0].d[j] + D[1].d[j] * c1 + D[2].d[j] * c2) * id);
        if (dLnFc) dLnFc[i] = g[0];
        if (dLnQ) dLnQ[i] = g[1];
        if (dGain) dGain[i] = g[2];
    }
}

} // namespace iemeq
