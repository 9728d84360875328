#include "RateRefit.h"

#include "../curve/LogGrid.h"
#include "../design/DeviceProfile.h"
#include "../design/Quantise.h"

#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cmath>

namespace iemeq {

namespace {

// Parameters per filter: ln fc, ln Q, gain (dB): the scales the response varies smoothly in.
constexpr int kParams = 3;
// Full weight where designs are fitted and the promise holds (to 10 kHz, with a margin); above,
// where couplers are unreliable, only the broad level is kept: a design's narrow structure near
// the old Nyquist frequency cannot be copied, and chasing it bends the band that matters.
constexpr double kFullWeightBelowHz = 11000.0;
constexpr double kTrebleWeight = 0.1;
// A light pull towards the designed parameters (per unit of kPriorScale): without it, filters that
// overlap trade gains freely and the fit wanders into cancelling pairs of +-20 dB.
constexpr double kPriorWeight = 1e-3;
constexpr double kPriorScale[kParams] = { 0.1, 0.2, 1.0 };

PeqFilter fromParams(const PeqFilter& like, const double* p, const RefitLimits& lim, double fcMax)
{
    PeqFilter f = like;
    const double hi = std::min(lim.fcHi, fcMax);
    f.fc = std::clamp(std::exp(p[0]), std::min(lim.fcLo, hi), hi);
    f.q = std::clamp(std::exp(p[1]), lim.qLo, lim.qHi);
    f.gainDb = std::clamp(p[2], lim.gainLo, lim.gainHi);
    return f;
}

void responseDb(const PeqFilter& f, const std::vector<double>& grid, double fs, Eigen::VectorXd& out)
{
    const BiquadCoeffs c = rbjCoefficients(f, fs);
    for (std::size_t i = 0; i < grid.size(); ++i)
        out[static_cast<Eigen::Index>(i)] = magnitudeDb(c, grid[i], fs);
}

} // namespace

std::vector<PeqFilter> refitForRate(const std::vector<PeqFilter>& filters, double fromFs, double toFs)
{
    if (filters.empty() || fromFs == toFs)
        return filters;
    return refitToResponse(filters, fromFs, filters, toFs, std::vector<RefitLimits>(filters.size()));
}

std::vector<PeqFilter> refitForDevice(const std::vector<PeqFilter>& filters, double fromFs, double toFs,
                                      const DeviceProfile& d)
{
    if (filters.empty() || fromFs == toFs)
        return filters;
    const bool fixedFc = !d.fixedFrequencies.empty();
    std::vector<RefitLimits> box(filters.size());
    for (std::size_t i = 0; i < filters.size(); ++i) {
        RefitLimits& b = box[i];
        b.fcLo = fixedFc ? filters[i].fc : d.fcMin;
        b.fcHi = fixedFc ? filters[i].fc : d.fcMax;
        b.qLo = d.fixedQ > 0.0 ? d.fixedQ : d.qMin;
        b.qHi = d.fixedQ > 0.0 ? d.fixedQ : d.qMax;
        b.gainLo = d.gainMin;
        b.gainHi = d.gainMax;
    }
    std::vector<PeqFilter> moved = refitToResponse(filters, fromFs, filters, toFs, box);
    // fc and Q onto the device's steps and held there; the gains take up what rounding moved.
    const double fcTop = std::min(d.fcMax, 0.45 * toFs);
    for (std::size_t i = 0; i < moved.size(); ++i) {
        PeqFilter& f = moved[i];
        if (!fixedFc)
            f.fc = quantise(f.fc, d.fcStep, std::min(d.fcMin, fcTop), fcTop);
        if (!(d.fixedQ > 0.0))
            f.q = quantise(f.q, d.qStep, d.qMin, d.qMax);
        box[i].fcLo = box[i].fcHi = f.fc;
        box[i].qLo = box[i].qHi = f.q;
    }
    moved = refitToResponse(filters, fromFs, moved, toFs, box);
    for (auto& f : moved)
        f.gainDb = quantise(f.gainDb, d.gainStep, d.gainMin, d.gainMax);
    return moved;
}

std::vector<PeqFilter> refitToResponse(const std::vector<PeqFilter>& wantFilters, double fromFs,
                                       const std::vector<PeqFilter>& filters, double toFs,
                                       const std::vector<RefitLimits>& limits)
{
    if (filters.empty())
        return filters;
    const double top = std::min(20000.0, 0.45 * std::min(fromFs, toFs));
    const std::vector<double> grid = makeLogGrid(20.0, top, 48.0);
    const auto n = static_cast<Eigen::Index>(grid.size());
    const auto k = static_cast<Eigen::Index>(filters.size());
    const double fcMax = 0.45 * toFs;

    // The response to keep: the whole set as realised at the rate it was designed for.
    Eigen::VectorXd want = Eigen::VectorXd::Zero(n), tmp(n);
    for (const auto& f : wantFilters) {
        responseDb(f, grid, fromFs, tmp);
        want += tmp;
    }
    Eigen::VectorXd p(k * kParams);
    for (Eigen::Index j = 0; j < k; ++j) {
        const auto& f = filters[static_cast<std::size_t>(j)];
        const PeqFilter inside = fromParams(f, std::array<double, kParams> { std::log(f.fc), std::log(f.q), f.gainDb }.data(),
                                            limits[static_cast<std::size_t>(j)], fcMax);
        p[j * kParams] = std::log(inside.fc);
        p[j * kParams + 1] = std::log(inside.q);
        p[j * kParams + 2] = inside.gainDb;
    }
    // Each filter adds its own dB, so the Jacobian is built filter by filter (central differences).
    Eigen::MatrixXd per(n, k);
    auto evaluate = [&](const Eigen::VectorXd& params, Eigen::VectorXd& sum) {
        sum.setZero(n);
        for (Eigen::Index j = 0; j < k; ++j) {
            responseDb(fromParams(filters[static_cast<std::size_t>(j)], params.data() + j * kParams,
                                  limits[static_cast<std::size_t>(j)], fcMax), grid, toFs, tmp);
            per.col(j) = tmp;
            sum += tmp;
        }
    };
    Eigen::VectorXd weight(n);
    for (Eigen::Index i = 0; i < n; ++i)
        weight[i] = grid[static_cast<std::size_t>(i)] <= kFullWeightBelowHz ? 1.0 : kTrebleWeight;
    const Eigen::VectorXd start = p;
    auto costOf = [&](const Eigen::VectorXd& params, const Eigen::VectorXd& response) {
        double prior = 0.0;
        for (Eigen::Index i = 0; i < params.size(); ++i)
            prior += std::pow((params[i] - start[i]) / kPriorScale[i % kParams], 2);
        return (weight.array() * (response - want).array()).matrix().squaredNorm() + kPriorWeight * prior;
    };
    Eigen::VectorXd have(n);
    evaluate(p, have);
    double cost = costOf(p, have);
    double lambda = 1e-3;
    Eigen::MatrixXd jac(n, k * kParams);
    Eigen::VectorXd plus(n), minus(n);
    for (int iter = 0; iter < 40 && cost > 1e-12; ++iter) {
        for (Eigen::Index j = 0; j < k; ++j)
            for (int q = 0; q < kParams; ++q) {
                const double h = q == 2 ? 1e-4 : 1e-6;
                Eigen::VectorXd pp = p.segment(j * kParams, kParams), pm = pp;
                pp[q] += h;
                pm[q] -= h;
                const auto& like = filters[static_cast<std::size_t>(j)];
                const auto& lim = limits[static_cast<std::size_t>(j)];
                responseDb(fromParams(like, pp.data(), lim, fcMax), grid, toFs, plus);
                responseDb(fromParams(like, pm.data(), lim, fcMax), grid, toFs, minus);
                jac.col(j * kParams + q) = weight.asDiagonal() * ((plus - minus) / (2.0 * h));
            }
        const Eigen::VectorXd r = weight.asDiagonal() * (have - want);
        Eigen::MatrixXd jtj = jac.transpose() * jac;
        Eigen::VectorXd g = jac.transpose() * r;
        for (Eigen::Index i = 0; i < p.size(); ++i) {
            const double s2 = kPriorScale[i % kParams] * kPriorScale[i % kParams];
            jtj(i, i) += kPriorWeight / s2;
            g[i] += kPriorWeight * (p[i] - start[i]) / s2;
        }
        bool improved = false;
        for (int tries = 0; tries < 8 && !improved; ++tries) {
            Eigen::MatrixXd a = jtj;
            a.diagonal() += lambda * (jtj.diagonal().array() + 1e-9).matrix();
            const Eigen::VectorXd step = a.ldlt().solve(-g);
            const Eigen::VectorXd candidate = p + step;
            Eigen::VectorXd candHave(n);
            evaluate(candidate, candHave);
            const double c = costOf(candidate, candHave);
            if (c < cost) {
                improved = cost - c > 1e-12 * cost;
                p = candidate;
                have = candHave;
                cost = c;
                lambda = std::max(lambda / 3.0, 1e-9);
                if (!improved)
                    break;
            } else {
                lambda *= 4.0;
            }
        }
        if (!improved)
            break;
    }
    std::vector<PeqFilter> out;
    for (Eigen::Index j = 0; j < k; ++j)
        out.push_back(fromParams(filters[static_cast<std::size_t>(j)], p.data() + j * kParams,
                                 limits[static_cast<std::size_t>(j)], fcMax));
    return out;
}

} // namespace iemeq
