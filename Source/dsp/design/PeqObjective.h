#pragma once
// The least-squares objective the parametric designer minimises, as residual rows so that
// Levenberg-Marquardt can use them directly:
//   fit rows     sqrt(w_i) * (eq_i + a_i c - need_i)  need = target - measurement, c = free level
//                                                     offset (the mean is not error); by treble
//                                                     policy (TreblePolicy.h): Fit up to fitHi;
//                                                     Smooth fading out from 6 to 8 kHz; Off fading
//                                                     to "no correction" (need, a_i -> 0)
//   treble row   (Fit) mean over fitHi..20 kHz of (eq + c - need): matched on average
//   level rows   (Smooth) 6..16 kHz: 1-octave mean of (eq + c - need): the broad treble level
//   rough rows   (Smooth) 6..16 kHz: eq_i - its 1-octave mean: no narrow structure in the treble
//   boost rows   eq_i - maxBoost where the EQ boosts more than allowed, on the fit grid plus
//                guard points from ~DC to Nyquist (the limit holds for the realised EQ everywhere)
//   notch rows   gain * ln(Q / maxBoostQ) for boosts narrower than maxBoostQ
//   pair rows    two peaks within 1/3 octave with opposite gains: the smaller gain beyond 2 dB
//                (filters that cancel each other waste headroom and the budget)
//   small ridge on every gain, so two huge opposing filters never pay off.
#include "PeqDesigner.h"
#include "PeqJacobian.h"

#include <Eigen/Dense>

#include <vector>

namespace iemeq {

// Which parameter of which filter: 0 = ln fc, 1 = ln Q, 2 = gain (dB).
struct ParamRef {
    int filter = 0;
    int kind = 0;
};

class PeqObjective {
public:
    // stride > 1 keeps every stride-th grid point: a coarser, faster copy of the same objective
    // (weights are normalised, so costs on either grid are comparable).
    PeqObjective(const FrequencyCurve& measurement, const FrequencyCurve& target, const PeqSettings& s, double maxBoostDb,
                 int stride = 1);

    // Sum of squared residual rows.
    double cost(const std::vector<PeqFilter>& filters, double offset);
    // Residual rows and their Jacobian; columns follow `params`, the last column is the offset.
    double linearise(const std::vector<PeqFilter>& filters, double offset, const std::vector<ParamRef>& params,
                     Eigen::VectorXd& r, Eigen::MatrixXd& J);
    // Offset minimising the fit and treble rows for the given filters.
    double bestOffset(const std::vector<PeqFilter>& filters);
    // need - eq - offset at the fit-band points (what is still to be corrected), and their frequencies.
    std::vector<double> remaining(const std::vector<PeqFilter>& filters, double offset);
    const std::vector<double>& fitFreq() const { return fitFreq_; }
    const std::vector<double>& fitWeight() const { return fitW_; }
    // Total EQ (dB) on the objective's grid.
    const std::vector<double>& eq(const std::vector<PeqFilter>& filters);
    const std::vector<double>& freq() const { return grid_.freq; }
    void setMaxBoost(double db) { maxBoost_ = db; }
    // Scales the boost rows (1 = default); a device without a preamp needs the limit nearly hard.
    void setBoostWeightScale(double scale);
    double maxBoost() const { return maxBoost_; }
    // Smooth policy: per-point weights of the treble level and roughness rows, and RMS limits
    // (dB) beyond which each costs steeply (infinite limits: no such rows).
    void setTrebleWeights(double level, double roughness);
    void setTrebleLimits(double levelDb, double roughDb) { levelLimit_ = levelDb; roughLimit_ = roughDb; }
    // RMS over 6-16 kHz of the 1-octave level error and of the EQ's roughness; false when the
    // policy has no treble rows.
    bool trebleRms(const std::vector<PeqFilter>& filters, double offset, double& level, double& rough);

private:
    void updateFilter(std::size_t k, const PeqFilter& f);

    ResponseGrid grid_;
    void pairTerm(const std::vector<PeqFilter>& filters, std::size_t k, std::size_t l, double& r, double d[4]) const;
    void windowMeans(const std::vector<double>& e, std::vector<double>& means);

    std::vector<double> need_;       // what the fit rows aim at (policy-shaped)
    std::vector<double> sw_;         // sqrt of fit weight per grid point (0 outside the fit rows)
    std::vector<double> a_;          // coefficient of the offset c per grid point
    std::vector<std::size_t> fitIdx_, hiIdx_;
    std::size_t first_ = 0, last_ = 0;  // the measurement's points are [first_, last_) (the rest guard)
    // Smooth policy: treble points with their 1-octave window [lo, hi) and the need's mean there.
    std::vector<std::size_t> levelIdx_;
    std::vector<std::pair<std::size_t, std::size_t>> window_;
    std::vector<double> broadNeed_, means_, prefix_;
    double sLevel_ = 0.0, sRough_ = 0.0, fitTotal_ = 1.0;
    double levelLimit_ = 1e9, roughLimit_ = 1e9;
    std::vector<double> fitFreq_, fitW_;
    double sTreble_ = 0.0, needHi_ = 0.0;
    double sBoost_ = 0.0, sBoostBase_ = 0.0, sNotch_ = 0.0, sRidge_ = 0.0, sPair_ = 0.0;
    double maxBoost_ = 6.0, maxBoostQ_ = 3.0;
    // Per-filter response cache: filters that did not change are not re-evaluated.
    std::vector<PeqFilter> cachedFilter_;
    std::vector<std::vector<double>> cachedPow_;  // |H|^2 per grid point
    std::vector<bool> cacheValid_;
    std::vector<double> eq_, prod_;
    std::vector<double> gFc_, gQ_, gGain_;  // scratch gradients, one filter
};

} // namespace iemeq
