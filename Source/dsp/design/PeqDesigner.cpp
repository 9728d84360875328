#include "PeqDesigner.h"

#include "Quantise.h"

#include "../core/Limits.h"

#include "../core/Error.h"
#include "ClipSafePreamp.h"
#include "PeqObjective.h"
#include "Quantise.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <optional>

namespace iemeq {

namespace {

// What one filter position may become: its types and the box its parameters live in, plus the
// resolution its values are stored with (APO prints fc 1 Hz, gain 0.1 dB, Q 0.01).
struct Slot {
    std::vector<FilterType> types;
    double fcLo = 20.0, fcHi = 10000.0, qLo = 0.18, qHi = 6.0, gainLo = -12.0, gainHi = 12.0;
    double fcStep = 1.0, qStep = 0.01, gainStep = 0.1;
    bool fixedFc() const { return fcLo == fcHi; }
    bool fixedQ() const { return qLo == qHi; }
};

std::vector<Slot> makeSlots(const PeqSettings& s)
{
    std::vector<Slot> slots;
    const double nyq = 0.45 * s.fs;  // above this the bilinear warp squeezes a section too much
    if (s.device) {
        const DeviceProfile& d = *s.device;
        Slot base;
        base.types = d.types;
        base.fcLo = std::min(d.fcMin, nyq);
        base.fcHi = std::min(d.fcMax, nyq);
        base.qLo = d.fixedQ > 0.0 ? d.fixedQ : d.qMin;
        base.qHi = d.fixedQ > 0.0 ? d.fixedQ : d.qMax;
        base.gainLo = d.gainMin;
        base.gainHi = d.gainMax;
        base.fcStep = d.fcStep;
        base.qStep = d.qStep;
        base.gainStep = d.gainStep;
        if (!d.fixedFrequencies.empty()) {
            for (double f : d.fixedFrequencies) {
                Slot sl = base;
                sl.types = { d.allows(FilterType::Peaking) ? FilterType::Peaking : d.types.front() };
                sl.fcLo = sl.fcHi = std::min(f, nyq);
                sl.fcStep = 0.0;  // stored as given
                slots.push_back(sl);
            }
        } else {
            slots.assign(static_cast<std::size_t>(d.maxFilters), base);
        }
        return slots;
    }
    Slot pk;
    pk.types = { FilterType::Peaking };
    pk.fcLo = std::max(20.0, s.fitLoHz);
    pk.fcHi = std::min(s.fitHiHz, nyq);
    pk.qLo = s.minQ;
    pk.qHi = s.maxQ;
    pk.gainLo = -s.maxGainDb;
    pk.gainHi = s.maxGainDb;
    if (s.layout == PeqLayout::AutoEq) {
        Slot ls = pk, hs = pk;
        ls.types = { FilterType::LowShelf };
        ls.fcLo = ls.fcHi = 105.0;
        ls.qLo = ls.qHi = 0.7;
        hs.types = { FilterType::HighShelf };
        hs.fcLo = hs.fcHi = std::min(10000.0, nyq);
        hs.qLo = hs.qHi = 0.7;
        slots.push_back(ls);
        slots.push_back(hs);
        for (int k = 0; k < 8; ++k)
            slots.push_back(pk);
        pk.fcHi = std::min(10000.0, nyq);
        for (std::size_t k = 2; k < slots.size(); ++k)
            slots[k].fcHi = pk.fcHi;
        return slots;
    }
    if (s.numFilters < 1 || s.numFilters > kMaxFilters)
        throw Error("design: the number of filters must be between 1 and " + std::to_string(kMaxFilters));
    if (s.freeShelves)
        pk.types = { FilterType::Peaking, FilterType::LowShelf, FilterType::HighShelf };
    slots.assign(static_cast<std::size_t>(s.numFilters), pk);
    return slots;
}


constexpr double kBoostSlackDb = 3.0;
// LM stops when an accepted step improves the cost by less than this fraction.
constexpr double kStopRelative = 1e-3;
// Density of the grid the search runs on (the final polish uses every point).
constexpr double kCoarsePointsPerOctave = 16.0;
// ... and the joint polish before rounding (the gains are re-fitted on every point).
constexpr double kMidPointsPerOctave = 32.0;
// LM iterations a freshly seeded section gets on its own.
constexpr int kSeedIterations = 8;

// Without a preamp a boost clips: the boost rows then weigh this much more.
constexpr double kHardBoostScale = 100.0;
// Second stage of the Smooth policy (see run()): per-point treble weights while the reliable band
// leads, and how far the treble's RMS level error / roughness may exceed the balanced design's
// (the reference is never taken below the floors: 0.3 dB of level error, 0.4 dB of roughness,
// a treble an octave-wide look cannot tell from flat).
constexpr double kFocusLevelWeight = 0.05, kFocusRoughWeight = 0.05;
constexpr double kTrebleSlackDb = 0.15, kLevelFloorDb = 0.3, kRoughFloorDb = 0.4;
// Basin hopping: the share of sections moved per round, and the generator's fixed seed.
constexpr double kHopShare = 0.25;
constexpr int kHopIterations = 40;  // of the coarse re-fit after a move
constexpr double kHopPromising = 1.1;  // a move is polished when its coarse cost is this close to the best
constexpr std::uint32_t kHopSeed = 12345u;
// Re-fits allowed to repair a broken guarantee before gains are simply shrunk.
constexpr int kRepairRounds = 4;
// The gain an opposing pair's smaller filter is held to (the rule is "3 dB or more").
constexpr double kPairLimitDb = 2.9;

double octavesApart(const PeqFilter& a, const PeqFilter& b) { return std::abs(std::log2(a.fc / b.fc)); }

// Peaks k and l cancel each other: within 1/3 octave, opposite gains of 3 dB or more each (the
// issue's rule), counting a peak's same-signed neighbours with it.
bool opposing(const std::vector<PeqFilter>& fs, std::size_t k, std::size_t l)
{
    const PeqFilter& a = fs[k];
    const PeqFilter& b = fs[l];
    return a.type == FilterType::Peaking && b.type == FilterType::Peaking && a.gainDb * b.gainDb < 0.0
           && octavesApart(a, b) <= 1.0 / 3.0 + 1e-12 && std::abs(clusteredPeakGainDb(fs, k)) >= 3.0
           && std::abs(clusteredPeakGainDb(fs, l)) >= 3.0;
}

class Designer {
public:
    Designer(const FrequencyCurve& m, const FrequencyCurve& t, const PeqSettings& s, double maxBoost, bool hardBoost)
        : fine_(m, t, s, maxBoost), mid_(m, t, s, maxBoost, stride(m, kMidPointsPerOctave)),
          coarse_(m, t, s, maxBoost, stride(m, kCoarsePointsPerOctave)), slots_(makeSlots(s)), hardBoost_(hardBoost),
          hardLimit_(maxBoost), fs_(s.fs), calmTreble_(s.treble != TreblePolicy::Fit)
    {
        filters_.resize(slots_.size());
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            const Slot& sl = slots_[k];
            filters_[k] = { sl.types.front(), std::sqrt(sl.fcLo * sl.fcHi), 0.0, std::clamp(1.0, sl.qLo, sl.qHi) };
        }
    }

    std::vector<PeqFilter> run(int reseatRounds, int hops)
    {
        std::vector<int> fixed, movable;
        for (std::size_t k = 0; k < slots_.size(); ++k)
            (slots_[k].fixedFc() ? fixed : movable).push_back(static_cast<int>(k));
        std::vector<int> placed = fixed;
        placed.insert(placed.end(), movable.begin(), movable.end());
        const std::vector<PeqFilter> initial = filters_;
        // 1. A balanced design (treble level and roughness weighed as the settings say). With the
        // Smooth policy it only sets the treble reference, so one re-seating pass is enough.
        const bool smooth = fine_.trebleRms(filters_, 0.0, level_, rough_);
        search(fixed, movable, smooth ? std::min(reseatRounds, 1) : reseatRounds);
        // 2. Smooth policy: the treble as the balanced design leaves it is the reference. The
        // final design lets the fit of the reliable band lead: its treble level error and
        // roughness (RMS, 6-16 kHz) may each exceed the reference's by at most kTrebleSlackDb
        // (steep penalties beyond). Continuing from the balanced design tends to stay in its
        // basin, so a fresh search for this objective competes with it.
        double level = 0.0, rough = 0.0;
        if (smooth && fine_.trebleRms(filters_, fine_.bestOffset(filters_), level, rough)) {
            for (PeqObjective* o : { &coarse_, &mid_, &fine_ }) {
                o->setTrebleWeights(kFocusLevelWeight, kFocusRoughWeight);
                o->setTrebleLimits(std::max(level, kLevelFloorDb) + kTrebleSlackDb,
                                   std::max(rough, kRoughFloorDb) + kTrebleSlackDb);
            }
            // Two starts for the final objective: the balanced design re-fitted, and a fresh search.
            objp_ = &coarse_;
            offset_ = obj().bestOffset(filters_);
            lm(params(placed, false), 40);
            objp_ = &mid_;
            const double continued = lm(params(placed, false), 10, 1e-5);
            const auto balanced = filters_;
            filters_ = initial;
            search(fixed, movable, reseatRounds);
            objp_ = &mid_;
            if (continued < obj().cost(filters_, obj().bestOffset(filters_)))
                filters_ = balanced;
            offset_ = obj().bestOffset(filters_);
        }
        // 3. Leave local minima: perturb, re-fit, keep what is better.
        hop(movable, placed, hops);
        // 4. Store what the output format can hold, then re-fit the gains to the rounded fc and Q.
        finish(placed);
        // 5. The guarantees: no opposing pairs, the boost limit on the realised EQ.
        enforceLimits(placed);
        for (auto& f : filters_)
            if (f.gainDb == 0.0) f.gainDb = 0.0;  // no "-0.0 dB" in exports
        return filters_;
    }

private:
    PeqObjective& obj() { return *objp_; }

    std::vector<ParamRef> params(const std::vector<int>& which, bool gainsOnly) const
    {
        std::vector<ParamRef> ps;
        for (int k : which) {
            const Slot& sl = slots_[static_cast<std::size_t>(k)];
            if (!gainsOnly && !sl.fixedFc()) ps.push_back({ k, 0 });
            if (!gainsOnly && !sl.fixedQ()) ps.push_back({ k, 1 });
            if (sl.gainLo < sl.gainHi) ps.push_back({ k, 2 });
        }
        return ps;
    }

    void apply(std::vector<PeqFilter>& f, const std::vector<ParamRef>& ps, const Eigen::VectorXd& step) const
    {
        for (std::size_t p = 0; p < ps.size(); ++p) {
            const Slot& sl = slots_[static_cast<std::size_t>(ps[p].filter)];
            PeqFilter& x = f[static_cast<std::size_t>(ps[p].filter)];
            const double d = step[static_cast<Eigen::Index>(p)];
            switch (ps[p].kind) {
            case 0: x.fc = std::clamp(x.fc * std::exp(std::clamp(d, -0.7, 0.7)), sl.fcLo, sl.fcHi); break;
            case 1: x.q = std::clamp(x.q * std::exp(std::clamp(d, -1.0, 1.0)), sl.qLo, sl.qHi); break;
            default: x.gainDb = std::clamp(x.gainDb + std::clamp(d, -6.0, 6.0), sl.gainLo, sl.gainHi); break;
            }
            x.q = std::min(x.q, qMax(sl, x));
        }
    }

    // The largest Q section `f` may have in slot `sl`: the slot's, or less for a peak in a calm treble.
    double qMax(const Slot& sl, const PeqFilter& f) const
    {
        if (calmTreble_ && f.type == FilterType::Peaking && f.fc > treble::kCalmAboveHz)
            return std::max(sl.qLo, std::min(sl.qHi, treble::kCalmMaxQ));
        return sl.qHi;
    }

    // Bounded Levenberg-Marquardt (Marquardt's diagonal scaling; steps projected onto the box).
    double lm(const std::vector<ParamRef>& ps, int maxIter, double tol = kStopRelative)
    {
        if (ps.empty()) {
            offset_ = obj().bestOffset(filters_);
            return obj().cost(filters_, offset_);
        }
        Eigen::VectorXd r;
        Eigen::MatrixXd J;
        double cost = obj().linearise(filters_, offset_, ps, r, J);
        double mu = 1e-3;
        const Eigen::Index n = J.cols();
        for (int it = 0; it < maxIter; ++it) {
            Eigen::MatrixXd H(n, n);
            H.setZero();
            H.selfadjointView<Eigen::Lower>().rankUpdate(J.transpose());
            H = H.selfadjointView<Eigen::Lower>();
            const Eigen::VectorXd g = J.transpose() * r;
            bool accepted = false;
            for (int tries = 0; tries < 8 && !accepted; ++tries) {
                Eigen::MatrixXd A = H;
                for (Eigen::Index i = 0; i < n; ++i)
                    A(i, i) += mu * std::max(H(i, i), 1e-9) + 1e-12;
                const Eigen::VectorXd step = A.ldlt().solve(-g);
                auto trial = filters_;
                apply(trial, ps, step);
                const double to = offset_ + step[n - 1];
                const double c = obj().cost(trial, to);
                if (c < cost) {
                    filters_ = trial;
                    offset_ = to;
                    accepted = true;
                    mu = std::max(mu * 0.3, 1e-9);
                    const double prev = cost;
                    cost = obj().linearise(filters_, offset_, ps, r, J);
                    if (prev - cost <= tol * prev)
                        return cost;
                } else {
                    mu *= 4.0;
                }
            }
            if (!accepted)
                break;
        }
        return cost;
    }

    // Places section k on the largest remaining error region (by squared error), as a peak
    // whose bandwidth matches the region's half-height width, or as a shelf when the region
    // runs off an end of the band and the slot allows it; keeps the candidate that fits best.
    void seed(int k)
    {
        const Slot& sl = slots_[static_cast<std::size_t>(k)];
        filters_[static_cast<std::size_t>(k)].gainDb = 0.0;
        const auto e = obj().remaining(filters_, offset_);
        const auto& fr = obj().fitFreq();
        const auto& w = obj().fitWeight();
        const std::size_t n = e.size();
        // The largest region of each sign: when boosts are capped (no preamp, boost limit) the
        // best move is often a cut next to a deficit rather than a boost into it.
        struct Region { double score = -1.0; std::size_t a = 0, b = 0, p = 0; };
        Region best[2];
        for (std::size_t a = 0; a < n;) {
            std::size_t b = a;
            double score = 0.0;
            std::size_t p = n;
            while (b < n && (e[b] >= 0.0) == (e[a] >= 0.0)) {
                score += w[b] * e[b] * e[b];
                if (fr[b] >= sl.fcLo && fr[b] <= sl.fcHi && (p == n || std::abs(e[b]) > std::abs(e[p])))
                    p = b;
                ++b;
            }
            Region& r = best[e[a] >= 0.0 ? 0 : 1];
            if (p < n && score > r.score)
                r = { score, a, b - 1, p };
            a = b;
        }
        std::vector<PeqFilter> candidates;
        for (const Region& r : best) {
            if (r.score <= 0.0)
                continue;
            const double peak = e[r.p];
            std::size_t lo = r.p, hi = r.p;
            while (lo > r.a && std::abs(e[lo - 1]) >= 0.5 * std::abs(peak)) --lo;
            while (hi < r.b && std::abs(e[hi + 1]) >= 0.5 * std::abs(peak)) ++hi;
            const double bw = std::max(std::log2(fr[hi] / fr[lo]), 1.0 / 6.0);
            // RBJ peaking: 1/Q = 2 sinh(ln2/2 * BW) with BW between the half-gain (in dB) points.
            const double qBw = 1.0 / (2.0 * std::sinh(0.5 * std::log(2.0) * bw));
            for (FilterType t : sl.types) {
                PeqFilter c { t, fr[r.p], std::clamp(peak, sl.gainLo, sl.gainHi), std::clamp(qBw, sl.qLo, sl.qHi) };
                if (t == FilterType::LowShelf) {
                    if (r.a != 0) continue;
                    c.fc = fr[hi];
                    c.q = std::clamp(0.7, sl.qLo, sl.qHi);
                } else if (t == FilterType::HighShelf) {
                    if (r.b != n - 1) continue;
                    c.fc = fr[lo];
                    c.q = std::clamp(0.7, sl.qLo, sl.qHi);
                }
                c.fc = std::clamp(c.fc, sl.fcLo, sl.fcHi);
                c.q = std::min(c.q, qMax(sl, c));
                candidates.push_back(c);
            }
        }
        if (candidates.empty()) {
            lm(params({ k }, false), 10);
            return;
        }
        double bestCost = 1e300;
        PeqFilter bestF = candidates.front();
        double bestOffset = offset_;
        const double startOffset = offset_;
        for (const auto& c : candidates) {
            filters_[static_cast<std::size_t>(k)] = c;
            offset_ = startOffset;
            const double cost = lm(params({ k }, false), kSeedIterations);
            if (cost < bestCost) {
                bestCost = cost;
                bestF = filters_[static_cast<std::size_t>(k)];
                bestOffset = offset_;
            }
        }
        filters_[static_cast<std::size_t>(k)] = bestF;
        offset_ = bestOffset;
    }


    // From the initial filters: the fixed sections' gains, greedy seeding of the movable ones on
    // the largest error regions, a joint fit, re-seating, a polish on the mid grid.
    void search(const std::vector<int>& fixed, const std::vector<int>& movable, int reseatRounds)
    {
        // The boost limit is relaxed while the filters find their places and tightened afterwards:
        // started at the hard limit, the greedy stage stalls in designs that cannot trade a
        // boost here for a cut there (continuation on the constraint).
        objp_ = &coarse_;
        const double limit = fine_.maxBoost();
        coarse_.setMaxBoost(limit + kBoostSlackDb);
        offset_ = obj().bestOffset(filters_);
        if (!fixed.empty())
            lm(params(fixed, false), 30);
        std::vector<int> placed = fixed;
        for (int k : movable) {
            seed(k);
            placed.push_back(k);
        }
        lm(params(placed, false), 40);
        coarse_.setMaxBoost(limit);
        if (hardBoost_)
            for (PeqObjective* o : { &coarse_, &mid_, &fine_ })
                o->setBoostWeightScale(kHardBoostScale);
        const double cost = lm(params(placed, false), 40);
        reseat(movable, placed, cost, reseatRounds);
        objp_ = &mid_;
        lm(params(placed, false), 10, 1e-5);
    }

    // Re-seat: each section in turn (weakest first) is taken out and seeded again on the
    // largest remaining error, everything re-fitted; kept when the cost drops. Passes repeat
    // while one helps (a local search that leaves most greedy local minima).
    double reseat(const std::vector<int>& movable, const std::vector<int>& placed, double cost, int rounds)
    {
        for (int round = 0; round < rounds && !movable.empty(); ++round) {
            std::vector<std::pair<double, int>> order;
            for (int k : movable) {
                auto trial = filters_;
                trial[static_cast<std::size_t>(k)].gainDb = 0.0;
                order.push_back({ obj().cost(trial, obj().bestOffset(trial)) - cost, k });
            }
            std::stable_sort(order.begin(), order.end());
            bool improved = false;
            for (const auto& [contribution, k] : order) {
                const auto saved = filters_;
                const double savedOffset = offset_;
                filters_[static_cast<std::size_t>(k)].gainDb = 0.0;
                offset_ = obj().bestOffset(filters_);
                seed(k);
                const double c = lm(params(placed, false), 40);
                if (c < cost * (1.0 - 1e-3)) {
                    cost = c;
                    improved = true;
                } else {
                    filters_ = saved;
                    offset_ = savedOffset;
                }
            }
            if (!improved)
                break;
        }
        return cost;
    }

    // Basin hopping: a few sections of the best design so far are moved (fc by up to half an
    // octave, Q by up to a factor 2.1, gain scaled down), everything is re-fitted, and the result
    // is kept when the cost drops. The moves come from a fixed-seed generator, so a design is
    // still a function of its input alone.
    void hop(const std::vector<int>& movable, const std::vector<int>& placed, int rounds)
    {
        if (movable.empty() || rounds <= 0)
            return;
        std::uint32_t state = kHopSeed;
        auto uniform = [&state]() {  // [0, 1), Numerical Recipes' LCG
            state = state * 1664525u + 1013904223u;
            return static_cast<double>(state >> 8) / static_cast<double>(1u << 24);
        };
        objp_ = &mid_;
        double bestCost = obj().cost(filters_, obj().bestOffset(filters_));
        double bestCoarse = coarse_.cost(filters_, coarse_.bestOffset(filters_));
        auto best = filters_;
        for (int round = 0; round < rounds; ++round) {
            filters_ = best;
            for (int k : movable) {
                if (uniform() >= kHopShare)
                    continue;
                PeqFilter& f = filters_[static_cast<std::size_t>(k)];
                const Slot& sl = slots_[static_cast<std::size_t>(k)];
                f.fc = std::clamp(f.fc * std::exp2(uniform() - 0.5), sl.fcLo, sl.fcHi);
                f.q = std::clamp(f.q * std::exp(1.5 * (uniform() - 0.5)), sl.qLo, qMax(sl, f));
                f.gainDb *= uniform();
            }
            objp_ = &coarse_;
            offset_ = obj().bestOffset(filters_);
            const double coarse = lm(params(placed, false), kHopIterations);
            if (coarse > kHopPromising * bestCoarse)
                continue;  // not worth the polish on the finer grid
            objp_ = &mid_;
            const double c = lm(params(placed, false), 10, 1e-5);
            if (c < bestCost) {
                bestCost = c;
                bestCoarse = coarse_.cost(filters_, coarse_.bestOffset(filters_));
                best = filters_;
            }
        }
        filters_ = best;
        offset_ = obj().bestOffset(filters_);
    }

    // Rounds fc and Q to their steps, re-fits the gains on the full grid, rounds them, polishes.
    void finish(const std::vector<int>& placed)
    {
        objp_ = &fine_;
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            const Slot& sl = slots_[k];
            if (!sl.fixedFc()) filters_[k].fc = quantise(filters_[k].fc, sl.fcStep, sl.fcLo, sl.fcHi);
            if (!sl.fixedQ()) filters_[k].q = quantise(filters_[k].q, sl.qStep, sl.qLo, qMax(sl, filters_[k]));
        }
        lm(params(placed, true), 6, 1e-5);
        for (std::size_t k = 0; k < slots_.size(); ++k)
            filters_[k].gainDb = quantise(filters_[k].gainDb, slots_[k].gainStep, slots_[k].gainLo, slots_[k].gainHi);
        polishGains();
    }

    // The first pair of peaks that cancel each other (opposingPeakPairs' rule), if any.
    std::optional<std::pair<int, int>> opposingPair() const
    {
        for (std::size_t k = 0; k < filters_.size(); ++k)
            for (std::size_t l = k + 1; l < filters_.size(); ++l)
                if (opposing(filters_, k, l))
                    return std::pair { static_cast<int>(k), static_cast<int>(l) };
        return std::nullopt;
    }

    // Of an opposing pair, the side with the smaller (clustered) gain: its peak and that peak's
    // same-signed neighbours, largest |gain| first.
    std::vector<int> weakerSide(const std::pair<int, int>& pair) const
    {
        const auto k = static_cast<std::size_t>(pair.first), l = static_cast<std::size_t>(pair.second);
        const std::size_t w = std::abs(clusteredPeakGainDb(filters_, k)) <= std::abs(clusteredPeakGainDb(filters_, l)) ? k : l;
        std::vector<int> side;
        for (std::size_t j = 0; j < filters_.size(); ++j)
            if (sameCluster(filters_[j], filters_[w]))
                side.push_back(static_cast<int>(j));
        std::stable_sort(side.begin(), side.end(), [this](int a, int b) {
            return std::abs(filters_[static_cast<std::size_t>(a)].gainDb) > std::abs(filters_[static_cast<std::size_t>(b)].gainDb);
        });
        return side;
    }

    void setMaxBoost(double db)
    {
        for (PeqObjective* o : { &coarse_, &mid_, &fine_ })
            o->setMaxBoost(db);
    }

    // Repairs what the penalties left: an opposing pair loses its smaller filter's room above
    // kPairLimitDb, a boost above the limit (measured on the realised EQ, DC..Nyquist) tightens
    // the limit the optimiser sees; each time everything is re-fitted and rounded again. What a
    // few rounds do not fix, shrinking gains towards 0 does (it only ever removes pairs and boost).
    void enforceLimits(const std::vector<int>& placed)
    {
        double seen = hardLimit_;
        double boostScale = hardBoost_ ? kHardBoostScale : 1.0;
        for (int round = 0; round < kRepairRounds; ++round) {
            bool changed = false;
            if (const auto pair = opposingPair()) {
                // The weaker side keeps one peak below the rule; its stacked neighbours go flat.
                const std::vector<int> side = weakerSide(*pair);
                for (std::size_t i = 0; i < side.size(); ++i) {
                    Slot& sl = slots_[static_cast<std::size_t>(side[i])];
                    const double room = i == 0 ? kPairLimitDb : 0.0;
                    sl.gainLo = std::max(sl.gainLo, -room);
                    sl.gainHi = std::min(sl.gainHi, room);
                }
                changed = true;
            }
            const ResponsePeak peak = cascadePeak(filters_, fs_);
            if (peak.db > hardLimit_ + 1e-9) {
                seen -= peak.db - hardLimit_ + 0.02;
                boostScale *= 10.0;
                setMaxBoost(seen);
                for (PeqObjective* o : { &coarse_, &mid_, &fine_ })
                    o->setBoostWeightScale(boostScale);
                changed = true;
            }
            if (!changed)
                return;
            for (std::size_t k = 0; k < slots_.size(); ++k)
                filters_[k].gainDb = std::clamp(filters_[k].gainDb, slots_[k].gainLo, slots_[k].gainHi);
            objp_ = &mid_;
            offset_ = obj().bestOffset(filters_);
            lm(params(placed, false), 20, 1e-5);
            finish(placed);
        }
        for (int guard = 0; guard < 100000; ++guard) {
            int k = -1;
            if (const auto pair = opposingPair()) {
                k = weakerSide(*pair).front();
            } else {
                const ResponsePeak peak = cascadePeak(filters_, fs_);
                if (peak.db <= hardLimit_ + 1e-9)
                    break;
                double most = 0.0;
                for (std::size_t j = 0; j < filters_.size(); ++j) {
                    const double contribution = eqResponseDb({ filters_[j] }, peak.hz, fs_);
                    if (contribution > most) { most = contribution; k = static_cast<int>(j); }
                }
                if (k < 0)
                    break;  // nothing boosts there (cannot happen with a peak above 0 dB)
            }
            PeqFilter& f = filters_[static_cast<std::size_t>(k)];
            const Slot& sl = slots_[static_cast<std::size_t>(k)];
            const double step = sl.gainStep > 0.0 ? sl.gainStep : 0.1;
            const double smaller = f.gainDb > 0.0 ? std::max(0.0, f.gainDb - step) : std::min(0.0, f.gainDb + step);
            f.gainDb = quantise(smaller, sl.gainStep, std::min(0.0, sl.gainLo), std::max(0.0, sl.gainHi));
        }
        offset_ = obj().bestOffset(filters_);
    }

    // One gain step up or down per section while that lowers the cost (after rounding).
    void polishGains()
    {
        double cost = obj().cost(filters_, obj().bestOffset(filters_));
        for (int pass = 0; pass < 2; ++pass) {
            bool moved = false;
            for (std::size_t k = 0; k < slots_.size(); ++k) {
                const Slot& sl = slots_[k];
                if (!(sl.gainLo < sl.gainHi))
                    continue;
                for (double dir : { 1.0, -1.0 }) {
                    auto trial = filters_;
                    trial[k].gainDb = quantise(trial[k].gainDb + dir * sl.gainStep, sl.gainStep, sl.gainLo, sl.gainHi);
                    const double c = obj().cost(trial, obj().bestOffset(trial));
                    if (c < cost) {
                        cost = c;
                        filters_ = trial;
                        moved = true;
                        break;
                    }
                }
            }
            if (!moved)
                break;
        }
        offset_ = obj().bestOffset(filters_);
    }

    // Every grid point matters only at the end: the search and the polish run on coarser subsets.
    static int stride(const FrequencyCurve& m, double pointsPerOctave)
    {
        const double octaves = std::log2(m.freq.back() / m.freq.front());
        const double perOctave = octaves > 0.0 ? static_cast<double>(m.size() - 1) / octaves : 1.0;
        return std::max(1, static_cast<int>(std::floor(perOctave / pointsPerOctave)));
    }

    PeqObjective fine_, mid_, coarse_;
    PeqObjective* objp_ = &coarse_;
    std::vector<Slot> slots_;
    bool hardBoost_ = false;
    double hardLimit_ = 6.0, fs_ = 48000.0;
    bool calmTreble_ = true;  // Smooth/Off: peaks above treble::kCalmAboveHz are kept broad
    double level_ = 0.0, rough_ = 0.0;
    std::vector<PeqFilter> filters_;
    double offset_ = 0.0;
};

int typeOrder(FilterType t)
{
    return t == FilterType::LowShelf ? 0 : t == FilterType::Peaking ? 1 : 2;
}

} // namespace

FilterBounds filterBoundsFor(const PeqSettings& settings, FilterType t)
{
    for (const Slot& sl : makeSlots(settings))
        if (std::find(sl.types.begin(), sl.types.end(), t) != sl.types.end()) {
            FilterBounds b;
            b.fcLo = sl.fcLo;
            b.fcHi = sl.fcHi;
            b.qLo = sl.qLo;
            b.qHi = sl.qHi;
            b.gainLo = sl.gainLo;
            b.gainHi = sl.gainHi;
            b.fcStep = sl.fcStep;
            b.qStep = sl.qStep;
            b.gainStep = sl.gainStep;
            return b;
        }
    throw Error(std::string("design: these settings have no place for a ") + apoName(t) + " filter");
}

bool sameCluster(const PeqFilter& a, const PeqFilter& b)
{
    return a.type == FilterType::Peaking && b.type == FilterType::Peaking && a.gainDb * b.gainDb > 0.0
           && octavesApart(a, b) <= kPeakClusterOctaves + 1e-12;
}

double clusteredPeakGainDb(const std::vector<PeqFilter>& filters, std::size_t k)
{
    double sum = 0.0;
    for (const auto& f : filters)
        if (sameCluster(f, filters[k]))
            sum += f.gainDb;
    return sum;
}

int opposingPeakPairs(const std::vector<PeqFilter>& filters)
{
    int n = 0;
    for (std::size_t k = 0; k < filters.size(); ++k)
        for (std::size_t l = k + 1; l < filters.size(); ++l)
            n += opposing(filters, k, l);
    return n;
}

PeqDesign designPeq(const FrequencyCurve& measurement, const FrequencyCurve& target, const PeqSettings& s)
{

    if (measurement.size() != target.size() || measurement.empty())
        throw Error("design: measurement and target must be on the same non-empty grid");
    if (!(s.fs >= 8000.0) || !(s.fitLoHz > 0.0) || !(s.fitHiHz > s.fitLoHz))
        throw Error("design: invalid sample rate or fit band");
    const bool preamp = !s.device || s.device->preamp;
    // Without a preamp the device cannot lower the level, so the EQ may only cut.
    const double maxBoost = preamp ? s.maxBoostDb : std::min(s.maxBoostDb, 0.0);
    Designer designer(measurement, target, s, maxBoost, !preamp);
    PeqDesign d;
    d.filters = designer.run(s.reseatRounds, s.hops);
    std::stable_sort(d.filters.begin(), d.filters.end(), [](const PeqFilter& a, const PeqFilter& b) {
        return typeOrder(a.type) != typeOrder(b.type) ? typeOrder(a.type) < typeOrder(b.type) : a.fc < b.fc;
    });
    d.preampDb = preamp ? autoPreampDb(d.filters, s.fs) : 0.0;
    return d;
}

} // namespace iemeq
