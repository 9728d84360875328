#include "PeqObjective.h"

#include "../core/Error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace iemeq {

namespace {
// Relative weights of the penalty rows against the fit band's weighted mean squared error (dB^2).
constexpr double kBoostWeight = 10.0;   // 1 dB over the limit across the whole band costs 10 dB^2
constexpr double kNotchWeight = 0.1;    // a 4 dB boost at twice the allowed Q costs ~0.19 dB^2
constexpr double kRidgeWeight = 1e-5;   // 10 dB of gain costs 0.001 dB^2
constexpr double kPairWeight = 1.0;     // opposing peaks: 1 dB beyond kPairFreeDb costs 1 dB^2
constexpr double kPairFreeDb = 2.0;     // (the rule is 3 dB; the penalty starts below it)
constexpr double kPairNearOct = 1.0 / 3.0, kPairFarOct = 2.0 / 3.0;  // full penalty .. none
// Smooth policy: the treble's broad-level error and the EQ's roughness there, each as an RMS over
// 6-16 kHz, are held within these (dB); beyond them each 0.1 dB costs about 3x the whole band's
// mean squared error of a good fit. Below them only the small per-point rows act.
constexpr double kTrebleLimitWeight = 3.0;
const double kDbPerNeper = 10.0 / std::log(10.0);  // 10 log10(x) = kDbPerNeper * ln(x)
} // namespace

PeqObjective::PeqObjective(const FrequencyCurve& m, const FrequencyCurve& t, const PeqSettings& s, double maxBoostDb, int stride)
{
    const double top = std::min(20000.0, 0.49 * s.fs);
    const double bottom = std::min(20.0, s.fitLoHz);
    const TreblePolicy policy = s.treble;
    // Top of the point-wise fit rows: Fit fitHiHz; Smooth the transition (the rows fade out
    // from kReliableHz); Off up to where the treble is still looked at (fading to "EQ = 0 dB").
    const double rowsHi = policy == TreblePolicy::Fit      ? s.fitHiHz
                          : policy == TreblePolicy::Smooth ? treble::kTransitionHz
                                                           : std::min(treble::kTrebleTopHz, top);
    const double levelHi = std::min(treble::kTrebleTopHz, top);

    std::vector<double> freq;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        const double f = m.freq[i];
        if (f < bottom || f > std::max(top, rowsHi))
            continue;
        if (kept++ % static_cast<std::size_t>(std::max(stride, 1)) != 0)
            continue;
        freq.push_back(f);
        need_.push_back(t.db[i] - m.db[i]);
        a_.push_back(1.0);
    }
    const std::size_t measured = freq.size();
    // Guard points for the boost rows only: towards DC and up to Nyquist, so the limit holds for
    // the realised EQ everywhere, not just on the measurement's grid.
    std::vector<double> below, above;
    for (double f : { 1.0, 3.0, 6.0, 10.0, 15.0 })
        if (!freq.empty() && f < freq.front())
            below.push_back(f);
    if (!freq.empty()) {
        for (double f = freq.back() * std::exp2(1.0 / 12.0); f < 0.4999 * s.fs; f *= std::exp2(1.0 / 12.0))
            above.push_back(f);
        above.push_back(0.4999 * s.fs);
    }
    first_ = below.size();
    last_ = below.size() + measured;
    freq.insert(freq.begin(), below.begin(), below.end());
    need_.insert(need_.begin(), below.size(), 0.0);
    a_.insert(a_.begin(), below.size(), 0.0);
    freq.insert(freq.end(), above.begin(), above.end());
    need_.insert(need_.end(), above.size(), 0.0);
    a_.insert(a_.end(), above.size(), 0.0);

    grid_ = makeResponseGrid(freq, s.fs);
    // The need's 1-octave mean around each measured point (the treble's "broad level").
    std::vector<double> needSum(freq.size() + 1, 0.0), broad(freq.size(), 0.0);
    for (std::size_t i = 0; i < freq.size(); ++i)
        needSum[i + 1] = needSum[i] + need_[i];
    const double halfOct = 0.5 * treble::kSmoothingOctaves;
    auto window = [&](std::size_t i) {
        std::size_t lo = i, hi = i + 1;
        while (lo > first_ && std::log2(freq[i] / freq[lo - 1]) <= halfOct + 1e-12) --lo;
        while (hi < last_ && std::log2(freq[hi] / freq[i]) <= halfOct + 1e-12) ++hi;
        return std::pair { lo, hi };
    };
    for (std::size_t i = first_; i < last_; ++i) {
        const auto [lo, hi] = window(i);
        broad[i] = (needSum[hi] - needSum[lo]) / static_cast<double>(hi - lo);
    }
    sw_.assign(freq.size(), 0.0);
    double total = 0.0;
    for (std::size_t i = first_; i < last_; ++i) {
        const double f = freq[i], b = trebleBlend(f);
        double w = 0.0;
        if (f >= s.fitLoHz && f <= rowsHi) {
            switch (policy) {
            case TreblePolicy::Fit: w = f > s.deweightAboveHz ? s.deweightFactor : 1.0; break;
            case TreblePolicy::Smooth:  // the full resolution fades out 6..8 kHz, into the broad level
                w = 1.0 - b;
                need_[i] = (1.0 - b) * need_[i] + b * broad[i];
                break;
            case TreblePolicy::Off:  // from "match the target" to "no correction" (EQ = 0 dB)
                w = 1.0 - b * (1.0 - s.trebleWeight);
                need_[i] *= 1.0 - b;
                a_[i] = 1.0 - b;
                break;
            }
        } else if (policy == TreblePolicy::Fit && f > s.fitHiHz && f <= top) {
            hiIdx_.push_back(i);
        }
        if (w > 0.0) {
            fitIdx_.push_back(i);
            sw_[i] = w;
            total += w;
        }
        if (policy == TreblePolicy::Smooth && f >= treble::kReliableHz && f <= levelHi)
            levelIdx_.push_back(i);
    }
    if (fitIdx_.size() < 8)
        throw Error("design: fewer than 8 grid points inside the fit band " + std::to_string(s.fitLoHz) + "-" +
                    std::to_string(rowsHi) + " Hz");
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
    // Smooth: the treble's level and roughness rows, each over a 1-octave window of the
    // measurement's points (the grid is log-spaced, so a window is a run of indices).
    for (std::size_t i : levelIdx_) {
        window_.push_back(window(i));
        broadNeed_.push_back(broad[i]);
    }
    fitTotal_ = total;
    setTrebleWeights(s.trebleWeight, s.trebleRoughnessWeight);
    maxBoost_ = maxBoostDb;
    maxBoostQ_ = s.maxBoostQ;
    sBoostBase_ = sBoost_ = std::sqrt(kBoostWeight / static_cast<double>(freq.size()));
    sNotch_ = std::sqrt(kNotchWeight);
    sRidge_ = std::sqrt(kRidgeWeight);
    sPair_ = std::sqrt(kPairWeight);
    eq_.assign(freq.size(), 0.0);
    prod_.assign(freq.size(), 1.0);
    prefix_.assign(freq.size() + 1, 0.0);
    gFc_.resize(freq.size());
    gQ_.resize(freq.size());
    gGain_.resize(freq.size());
}

void PeqObjective::setTrebleWeights(double level, double roughness)
{
    sLevel_ = std::sqrt(level / fitTotal_);
    sRough_ = std::sqrt(roughness / fitTotal_);
}

bool PeqObjective::trebleRms(const std::vector<PeqFilter>& filters, double c, double& level, double& rough)
{
    level = rough = 0.0;
    if (levelIdx_.empty())
        return false;
    const auto& e = eq(filters);
    windowMeans(e, means_);
    for (std::size_t r = 0; r < levelIdx_.size(); ++r) {
        const double l = means_[r] + c - broadNeed_[r], g = e[levelIdx_[r]] - means_[r];
        level += l * l;
        rough += g * g;
    }
    level = std::sqrt(level / static_cast<double>(levelIdx_.size()));
    rough = std::sqrt(rough / static_cast<double>(levelIdx_.size()));
    return true;
}

// Running sums of e over the measurement's points, so every window mean is one subtraction.
void PeqObjective::windowMeans(const std::vector<double>& e, std::vector<double>& means)
{
    prefix_[0] = 0.0;
    for (std::size_t i = 0; i < e.size(); ++i)
        prefix_[i + 1] = prefix_[i] + e[i];
    means.resize(window_.size());
    for (std::size_t r = 0; r < window_.size(); ++r) {
        const auto [lo, hi] = window_[r];
        means[r] = (prefix_[hi] - prefix_[lo]) / static_cast<double>(hi - lo);
    }
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

// 1 within kPairNearOct, falling (raised cosine) to 0 at kPairFarOct; and its derivative.
double proximity(double octaves, double& slope)
{
    slope = 0.0;
    if (octaves <= kPairNearOct)
        return 1.0;
    if (octaves >= kPairFarOct)
        return 0.0;
    const double k = std::numbers::pi / (kPairFarOct - kPairNearOct);
    const double x = k * (octaves - kPairNearOct);
    slope = -0.5 * k * std::sin(x);
    return 0.5 + 0.5 * std::cos(x);
}

} // namespace

// r = sPair * proximity * (min(|G1|, |G2|) - kPairFreeDb) for opposite-signed peaks k and l, else 0,
// G being each peak's clustered gain (clusteredPeakGainDb); d = dr / (ln fc1, ln fc2, g1, g2) (through the peaks' own
// gains: the neighbours' share of a cluster is left out of the Jacobian, the cost has it).
void PeqObjective::pairTerm(const std::vector<PeqFilter>& filters, std::size_t k, std::size_t l, double& r, double d[4]) const
{
    r = 0.0;
    d[0] = d[1] = d[2] = d[3] = 0.0;
    const PeqFilter& f = filters[k];
    const PeqFilter& g = filters[l];
    if (f.type != FilterType::Peaking || g.type != FilterType::Peaking || f.gainDb * g.gainDb >= 0.0)
        return;
    const double lnRatio = std::log(f.fc / g.fc);
    double slope = 0.0;
    const double p = proximity(std::abs(lnRatio) / std::numbers::ln2, slope);
    if (p <= 0.0)
        return;
    const double gf = std::abs(clusteredPeakGainDb(filters, k)), gg = std::abs(clusteredPeakGainDb(filters, l));
    const double excess = std::min(gf, gg) - kPairFreeDb;
    if (excess <= 0.0)
        return;
    r = sPair_ * p * excess;
    const double dOct = sPair_ * excess * slope * (lnRatio >= 0.0 ? 1.0 : -1.0) / std::numbers::ln2;
    d[0] = dOct;
    d[1] = -dOct;
    if (gf <= gg)
        d[2] = sPair_ * p * (f.gainDb > 0.0 ? 1.0 : -1.0);
    else
        d[3] = sPair_ * p * (g.gainDb > 0.0 ? 1.0 : -1.0);
}

double PeqObjective::cost(const std::vector<PeqFilter>& filters, double c)
{
    const auto& e = eq(filters);
    double ss = 0.0;
    for (std::size_t i : fitIdx_) {
        const double r = sw_[i] * (e[i] + a_[i] * c - need_[i]);
        ss += r * r;
    }
    if (!hiIdx_.empty()) {
        double m = 0.0;
        for (std::size_t i : hiIdx_)
            m += e[i];
        const double r = sTreble_ * (m / static_cast<double>(hiIdx_.size()) + c - needHi_);
        ss += r * r;
    }
    if (!levelIdx_.empty()) {
        windowMeans(e, means_);
        double sl = 0.0, sr = 0.0;
        for (std::size_t r = 0; r < levelIdx_.size(); ++r) {
            const double level = means_[r] + c - broadNeed_[r], rough = e[levelIdx_[r]] - means_[r];
            sl += level * level;
            sr += rough * rough;
        }
        ss += sLevel_ * sLevel_ * sl + sRough_ * sRough_ * sr;
        const double n = static_cast<double>(levelIdx_.size());
        const double xl = std::max(0.0, std::sqrt(sl / n) - levelLimit_);
        const double xr = std::max(0.0, std::sqrt(sr / n) - roughLimit_);
        ss += kTrebleLimitWeight * (xl * xl + xr * xr);
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
    double d[4];
    for (std::size_t k = 0; k < filters.size(); ++k)
        for (std::size_t l = k + 1; l < filters.size(); ++l) {
            double r = 0.0;
            pairTerm(filters, k, l, r, d);
            ss += r * r;
        }
    return ss;
}

double PeqObjective::bestOffset(const std::vector<PeqFilter>& filters)
{
    const auto& e = eq(filters);
    double num = 0.0, den = 0.0;
    for (std::size_t i : fitIdx_) {
        num += sw_[i] * sw_[i] * a_[i] * (need_[i] - e[i]);
        den += sw_[i] * sw_[i] * a_[i] * a_[i];
    }
    if (!hiIdx_.empty()) {
        double m = 0.0;
        for (std::size_t i : hiIdx_)
            m += e[i];
        m /= static_cast<double>(hiIdx_.size());
        num += sTreble_ * sTreble_ * (needHi_ - m);
        den += sTreble_ * sTreble_;
    }
    if (!levelIdx_.empty()) {
        windowMeans(e, means_);
        for (std::size_t r = 0; r < levelIdx_.size(); ++r) {
            num += sLevel_ * sLevel_ * (broadNeed_[r] - means_[r]);
            den += sLevel_ * sLevel_;
        }
    }
    return den > 0.0 ? num / den : 0.0;
}

std::vector<double> PeqObjective::remaining(const std::vector<PeqFilter>& filters, double c)
{
    const auto& e = eq(filters);
    std::vector<double> out;
    out.reserve(fitIdx_.size());
    for (std::size_t i : fitIdx_)
        out.push_back(need_[i] - e[i] - a_[i] * c);
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
    // Only the penalty rows that are not zero (a zero row changes neither cost nor step).
    struct PairRow { std::size_t k, l; double r, d[4]; };
    std::vector<PairRow> pairRows;
    for (std::size_t k = 0; k < filters.size(); ++k)
        for (std::size_t l = k + 1; l < filters.size(); ++l) {
            PairRow p { k, l, 0.0, {} };
            pairTerm(filters, k, l, p.r, p.d);
            if (p.r != 0.0)
                pairRows.push_back(p);
        }
    std::size_t notchRows = 0;
    for (const auto& f : filters)
        notchRows += notchExcess(f, maxBoostQ_) > 0.0;
    const std::size_t pairs = pairRows.size();
    const std::size_t rows = fitIdx_.size() + (hiIdx_.empty() ? 0 : 1) + (levelIdx_.empty() ? 0 : 2 * levelIdx_.size() + 2)
                             + boostRows + notchRows + filters.size() + pairs;
    r.setZero(static_cast<Eigen::Index>(rows));
    J.setZero(static_cast<Eigen::Index>(rows), P + 1);
    Eigen::Index row = 0;
    for (std::size_t i : fitIdx_) {
        r[row] = sw_[i] * (e[i] + a_[i] * c - need_[i]);
        J.row(row).head(P) = sw_[i] * G.row(static_cast<Eigen::Index>(i));
        J(row, P) = sw_[i] * a_[i];
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
    if (!levelIdx_.empty()) {
        windowMeans(e, means_);
        // Window means of the gradient columns, from running sums as for e.
        Eigen::MatrixXd PG(static_cast<Eigen::Index>(M + 1), P);
        PG.row(0).setZero();
        for (std::size_t i = 0; i < M; ++i)
            PG.row(static_cast<Eigen::Index>(i + 1)) = PG.row(static_cast<Eigen::Index>(i)) + G.row(static_cast<Eigen::Index>(i));
        // The RMS limits: one row each, sqrt(weight) * (RMS - limit) when over the limit.
        Eigen::RowVectorXd gl = Eigen::RowVectorXd::Zero(P + 1), gr = Eigen::RowVectorXd::Zero(P + 1);
        double sl = 0.0, sr = 0.0;
        for (std::size_t q = 0; q < levelIdx_.size(); ++q) {
            const auto [lo, hi] = window_[q];
            const Eigen::RowVectorXd gm = (PG.row(static_cast<Eigen::Index>(hi)) - PG.row(static_cast<Eigen::Index>(lo)))
                                          / static_cast<double>(hi - lo);
            const double level = means_[q] + c - broadNeed_[q];
            r[row] = sLevel_ * level;
            J.row(row).head(P) = sLevel_ * gm;
            J(row, P) = sLevel_;
            ++row;
            const std::size_t i = levelIdx_[q];
            const double rough = e[i] - means_[q];
            r[row] = sRough_ * rough;
            const Eigen::RowVectorXd gRough = G.row(static_cast<Eigen::Index>(i)) - gm;
            J.row(row).head(P) = sRough_ * gRough;
            ++row;
            sl += level * level;
            sr += rough * rough;
            gl.head(P) += level * gm;
            gl(P) += level;
            gr.head(P) += rough * gRough;
        }
        const double n = static_cast<double>(levelIdx_.size()), w = std::sqrt(kTrebleLimitWeight);
        const double rl = std::sqrt(sl / n), rr = std::sqrt(sr / n);
        if (rl > levelLimit_) {
            r[row] = w * (rl - levelLimit_);
            J.row(row) = (w / (n * rl)) * gl;
        }
        ++row;
        if (rr > roughLimit_) {
            r[row] = w * (rr - roughLimit_);
            J.row(row) = (w / (n * rr)) * gr;
        }
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
        if (x > 0.0) {
            r[row] = sNotch_ * f.gainDb * x;
            if (col[k][1] >= 0) J(row, col[k][1]) = sNotch_ * f.gainDb;
            if (col[k][2] >= 0) J(row, col[k][2]) = sNotch_ * x;
            ++row;
        }
        r[row] = sRidge_ * f.gainDb;
        if (col[k][2] >= 0) J(row, col[k][2]) = sRidge_;
        ++row;
    }
    for (const PairRow& p : pairRows) {
        r[row] = p.r;
        const int cols[4] = { col[p.k][0], col[p.l][0], col[p.k][2], col[p.l][2] };
        for (int j = 0; j < 4; ++j)
            if (cols[j] >= 0)
                J(row, cols[j]) += p.d[j];
        ++row;
    }
    eq_ = e;
    return r.squaredNorm();
}

} // namespace iemeq
