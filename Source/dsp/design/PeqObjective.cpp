#include "PeqObjective.h"

#include "../core/Error.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace iemeq {

namespace {
// Relative weights of the penalty rows against the fit band's weighted mean squared error (dB^2).
constexpr double kBoostWeight = 10.0;   // 1 dB over the limit across the whole band costs 10 dB^2
constexpr double kNotchWeight = 0.1;    // a 4 dB boost at twice the allowed Q costs ~0.19 dB^2
constexpr double kRidgeWeight = 1e-5;   // 10 dB of gain costs 0.001 dB^2
const double kDbPerNeper = 10.0 / std::log(10.0);  // 10 log10(x) = kDbPerNeper * ln(x)
} // namespace

PeqObjective::PeqObjective(const FrequencyCurve& m, const FrequencyCurve& t, const PeqSettings& s, double maxBoostDb, int stride)
{
    const double top = std::min(20000.0, 0.49 * s.fs);
    const double bottom = std::min(20.0, s.fitLoHz);
    std::vector<double> freq;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        const double f = m.freq[i];
        if (f < bottom || f > std::max(top, s.fitHiHz))
            continue;
        if (kept++ % static_cast<std::size_t>(std::max(stride, 1)) != 0)
            continue;
        freq.push_back(f);
        need_.push_back(t.db[i] - m.db[i]);
    }
    grid_ = makeResponseGrid(freq, s.fs);
    sw_.assign(freq.size(), 0.0);
    double total = 0.0;
    for (std::size_t i = 0; i < freq.size(); ++i) {
        if (freq[i] >= s.fitLoHz && freq[i] <= s.fitHiHz) {
            fitIdx_.push_back(i);
            sw_[i] = freq[i] > s.deweightAboveHz ? s.deweightFactor : 1.0;
            total += sw_[i];
        } else if (freq[i] > s.fitHiHz && freq[i] <= top) {
            hiIdx_.push_back(i);
        }
    }
    if (fitIdx_.size() < 8)
        throw Error("design: fewer than 8 grid points inside the fit band " + std::to_string(s.fitLoHz) + "-" +
                    std::to_string(s.fitHiHz) + " Hz");
    for (std::size_t i : fitIdx_) {
        fitFreq_.push_back(freq[i]);
        fitW_.push_back(sw_[i] / total);
        sw_[i] = std::sqrt(sw_[i] / total);
    }
    if (!hiIdx_.empty() && s.trebleMeanWeight > 0.0) {
        sTreble_ = std::sqrt(s.trebleMeanWeight);
        for (std::size_t i : hiIdx_)
            needHi_ += need_[i];
        needHi_ /= static_cast<double>(hiIdx_.size());
    } else {
        hiIdx_.clear();
    }
    maxBoost_ = maxBoostDb;
    maxBoostQ_ = s.maxBoostQ;
    sBoostBase_ = sBoost_ = std::sqrt(kBoostWeight / static_cast<double>(freq.size()));
    sNotch_ = std::sqrt(kNotchWeight);
    sRidge_ = std::sqrt(kRidgeWeight);
    eq_.assign(freq.size(), 0.0);
    prod_.assign(freq.size(), 1.0);
    gFc_.resize(freq.size());
    gQ_.resize(freq.size());
    gGain_.resize(freq.size());
}

void PeqObjective::setBoostWeightScale(double scale)
{
    sBoost_ = sBoostBase_ * std::sqrt(scale);
}

void PeqObjective::updateFilter(std::size_t k, const PeqFilter& f)
{
    if (cachedPow_.size() <= k) {
        cachedPow_.resize(k + 1);
        cachedFilter_.resize(k + 1);
        cacheValid_.resize(k + 1, false);
    }
    if (cacheValid_[k] && cachedFilter_[k] == f)
        return;
    cachedPow_[k].resize(grid_.freq.size());
    biquadPowerOnGrid(f, grid_, cachedPow_[k].data());
    cachedFilter_[k] = f;
    cacheValid_[k] = true;
}

const std::vector<double>& PeqObjective::eq(const std::vector<PeqFilter>& filters)
{
    // Sections multiply as power ratios: one logarithm per frequency for the whole cascade.
    std::fill(prod_.begin(), prod_.end(), 1.0);
    for (std::size_t k = 0; k < filters.size(); ++k) {
        if (filters[k].gainDb == 0.0)
            continue;  // a 0 dB section is exactly flat
        updateFilter(k, filters[k]);
        const auto& p = cachedPow_[k];
        for (std::size_t i = 0; i < prod_.size(); ++i)
            prod_[i] *= p[i];
    }
    for (std::size_t i = 0; i < eq_.size(); ++i)
        eq_[i] = kDbPerNeper * std::log(prod_[i]);
    return eq_;
}

namespace {

double notchExcess(const PeqFilter& f, double maxBoostQ)
{
    if (f.type != FilterType::Peaking || f.gainDb <= 0.0 || f.q <= maxBoostQ)
        return 0.0;
    return std::log(f.q / maxBoostQ);
}

} // namespace

double PeqObjective::cost(const std::vector<PeqFilter>& filters, double c)
{
    const auto& e = eq(filters);
    double ss = 0.0;
    for (std::size_t i : fitIdx_) {
        const double r = sw_[i] * (e[i] + c - need_[i]);
        ss += r * r;
    }
    if (!hiIdx_.empty()) {
        double m = 0.0;
        for (std::size_t i : hiIdx_)
            m += e[i];
        const double r = sTreble_ * (m / static_cast<double>(hiIdx_.size()) + c - needHi_);
        ss += r * r;
    }
    for (std::size_t i = 0; i < e.size(); ++i)
        if (e[i] > maxBoost_) {
            const double r = sBoost_ * (e[i] - maxBoost_);
            ss += r * r;
        }
    for (const auto& f : filters) {
        const double r = sNotch_ * f.gainDb * notchExcess(f, maxBoostQ_);
        const double g = sRidge_ * f.gainDb;
        ss += r * r + g * g;
    }
    return ss;
}

double PeqObjective::bestOffset(const std::vector<PeqFilter>& filters)
{
    const auto& e = eq(filters);
    double num = 0.0, den = 0.0;
    for (std::size_t i : fitIdx_) {
        num += sw_[i] * sw_[i] * (need_[i] - e[i]);
        den += sw_[i] * sw_[i];
    }
    if (!hiIdx_.empty()) {
        double m = 0.0;
        for (std::size_t i : hiIdx_)
            m += e[i];
        m /= static_cast<double>(hiIdx_.size());
        num += sTreble_ * sTreble_ * (needHi_ - m);
        den += sTreble_ * sTreble_;
    }
    return num / den;
}

std::vector<double> PeqObjective::remaining(const std::vector<PeqFilter>& filters, double c)
{
    const auto& e = eq(filters);
    std::vector<double> out;
    out.reserve(fitIdx_.size());
    for (std::size_t i : fitIdx_)
        out.push_back(need_[i] - e[i] - c);
    return out;
}

double PeqObjective::linearise(const std::vector<PeqFilter>& filters, double c, const std::vector<ParamRef>& params,
                               Eigen::VectorXd& r, Eigen::MatrixXd& J)
{
    const std::size_t M = grid_.freq.size();
    const int P = static_cast<int>(params.size());
    std::vector<std::array<int, 3>> col(filters.size(), { -1, -1, -1 });
    for (int p = 0; p < P; ++p)
        col[static_cast<std::size_t>(params[static_cast<std::size_t>(p)].filter)][static_cast<std::size_t>(params[static_cast<std::size_t>(p)].kind)] = p;

    // Gradients of the total EQ (dB) per parameter, one column each.
    Eigen::MatrixXd G(static_cast<Eigen::Index>(M), P);
    std::vector<double> prod(M, 1.0);
    for (std::size_t k = 0; k < filters.size(); ++k) {
        const bool moving = col[k][0] >= 0 || col[k][1] >= 0 || col[k][2] >= 0;
        if (!moving) {
            if (filters[k].gainDb == 0.0)
                continue;
            updateFilter(k, filters[k]);
            for (std::size_t i = 0; i < M; ++i)
                prod[i] *= cachedPow_[k][i];
            continue;
        }
        if (cachedPow_.size() <= k) {
            cachedPow_.resize(k + 1);
            cachedFilter_.resize(k + 1);
            cacheValid_.resize(k + 1, false);
        }
        cachedPow_[k].resize(M);
        biquadPowerOnGrid(filters[k], grid_, cachedPow_[k].data(), gFc_.data(), gQ_.data(), gGain_.data());
        cachedFilter_[k] = filters[k];
        cacheValid_[k] = true;
        for (std::size_t i = 0; i < M; ++i)
            prod[i] *= cachedPow_[k][i];
        const double* src[3] = { gFc_.data(), gQ_.data(), gGain_.data() };
        for (int kind = 0; kind < 3; ++kind)
            if (col[k][static_cast<std::size_t>(kind)] >= 0)
                G.col(col[k][static_cast<std::size_t>(kind)]) = Eigen::Map<const Eigen::VectorXd>(src[kind], static_cast<Eigen::Index>(M));
    }

    std::vector<double> e(M);
    for (std::size_t i = 0; i < M; ++i)
        e[i] = kDbPerNeper * std::log(prod[i]);
    std::size_t boostRows = 0;
    for (std::size_t i = 0; i < M; ++i)
        boostRows += e[i] > maxBoost_;
    const std::size_t rows = fitIdx_.size() + (hiIdx_.empty() ? 0 : 1) + boostRows + 2 * filters.size();
    r.setZero(static_cast<Eigen::Index>(rows));
    J.setZero(static_cast<Eigen::Index>(rows), P + 1);
    Eigen::Index row = 0;
    for (std::size_t i : fitIdx_) {
        r[row] = sw_[i] * (e[i] + c - need_[i]);
        J.row(row).head(P) = sw_[i] * G.row(static_cast<Eigen::Index>(i));
        J(row, P) = sw_[i];
        ++row;
    }
    if (!hiIdx_.empty()) {
        double m = 0.0;
        Eigen::RowVectorXd gm = Eigen::RowVectorXd::Zero(P);
        for (std::size_t i : hiIdx_) {
            m += e[i];
            gm += G.row(static_cast<Eigen::Index>(i));
        }
        const double n = static_cast<double>(hiIdx_.size());
        r[row] = sTreble_ * (m / n + c - needHi_);
        J.row(row).head(P) = (sTreble_ / n) * gm;
        J(row, P) = sTreble_;
        ++row;
    }
    for (std::size_t i = 0; i < M; ++i)
        if (e[i] > maxBoost_) {
            r[row] = sBoost_ * (e[i] - maxBoost_);
            J.row(row).head(P) = sBoost_ * G.row(static_cast<Eigen::Index>(i));
            ++row;
        }
    for (std::size_t k = 0; k < filters.size(); ++k) {
        const PeqFilter& f = filters[k];
        const double x = notchExcess(f, maxBoostQ_);
        r[row] = sNotch_ * f.gainDb * x;
        if (x > 0.0) {
            if (col[k][1] >= 0) J(row, col[k][1]) = sNotch_ * f.gainDb;
            if (col[k][2] >= 0) J(row, col[k][2]) = sNotch_ * x;
        }
        ++row;
        r[row] = sRidge_ * f.gainDb;
        if (col[k][2] >= 0) J(row, col[k][2]) = sRidge_;
        ++row;
    }
    eq_ = e;
    return r.squaredNorm();
}

} // namespace iemeq
