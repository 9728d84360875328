#pragma once
// The least-squares objective the parametric designer minimises, as residual rows so that
// Levenberg-Marquardt can use them directly:
//   fit rows     sqrt(w_i) * (eq_i + c - need_i)      need = target - measurement, fit band only,
//                                                     c = free level offset (the mean is not error)
//   treble row   mean over fitHi..20 kHz of (eq + c - need), weighted: that band is matched on average
//   boost rows   eq_i - maxBoost where the EQ boosts more than allowed
//   notch rows   gain * ln(Q / maxBoostQ) for boosts narrower than maxBoostQ
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

private:
    void updateFilter(std::size_t k, const PeqFilter& f);

    ResponseGrid grid_;
    std::vector<double> need_;
    std::vector<double> sw_;         // sqrt of fit weight per grid point (0 outside the fit band)
    std::vector<std::size_t> fitIdx_, hiIdx_;
    std::vector<double> fitFreq_, fitW_;
    double sTreble_ = 0.0, needHi_ = 0.0;
    double sBoost_ = 0.0, sBoostBase_ = 0.0, sNotch_ = 0.0, sRidge_ = 0.0;
    double maxBoost_ = 6.0, maxBoostQ_ = 3.0;
    // Per-filter response cache: filters that did not change are not re-evaluated.
    std::vector<PeqFilter> cachedFilter_;
    std::vector<std::vector<double>> cachedPow_;  // |H|^2 per grid point
    std::vector<bool> cacheValid_;
    std::vector<double> eq_, prod_;
    std::vector<double> gFc_, gQ_, gGain_;  // scratch gradients, one filter
};

} // namespace iemeq
