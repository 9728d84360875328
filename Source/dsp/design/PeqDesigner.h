#pragma once
// Parametric EQ design: filters that bring measurement + EQ closest to the target.
//
// Method (PeqDesigner.cpp): greedy seeding on the largest error regions, bounded Levenberg-Marquardt
// in (ln fc, ln Q, gain) with an exact Jacobian (PeqJacobian), re-seating of every filter while it
// helps; with the Smooth treble policy a balanced design first sets the treble reference and the
// final objective lets the reliable band (20 Hz-6 kHz) lead (PeqObjective.h); basin hopping from a
// fixed-seed generator; then rounding to what the output format stores (fc 1 Hz, Q 0.01, gain
// 0.1 dB or the device's steps), a re-fit of the gains, and the guarantees (no cancelling pairs,
// the boost limit on the realised response) checked and repaired. Deterministic: no threads, the
// same input gives the same filters bit for bit.
//
// Sample rate: the objective is the response of the biquads as realised at settings.fs (bilinear
// transform), not the analog prototype, so the fit itself absorbs the frequency warping: a design
// for 44.1 kHz realised at 44.1 kHz matches the same curve as a design for 192 kHz. Near Nyquist
// the warp squeezes sections, so movable fc is kept at or below 0.45 fs (fixed device bands above
// it are clamped there), and rbjCoefficients clamps anything at or above 0.499 fs.
#include "../curve/FrequencyCurve.h"
#include "DeviceProfile.h"
#include "PeqDesign.h"
#include "TreblePolicy.h"

#include <optional>

namespace iemeq {

enum class PeqLayout {
    Free,    // N filters, everything free (peaking, plus shelves when freeShelves)
    AutoEq,  // LSC 105 Hz Q 0.7 (gain free) + 8 PK + HSC 10 kHz Q 0.7 (gain free)
};

struct PeqSettings {
    PeqLayout layout = PeqLayout::AutoEq;
    int numFilters = 10;          // Free layout: total sections
    double fs = 48000.0;          // sample rate the biquads are realised at
    // What is fitted above the coupler's reliable band (TreblePolicy.h): Smooth fits the full
    // resolution to 6 kHz and only the 1-octave level above 8 kHz; Fit uses fitHiHz below.
    TreblePolicy treble = TreblePolicy::Smooth;
    double fitLoHz = 20.0;        // band the error is minimised over
    double fitHiHz = 10000.0;     // top of the full-resolution band (TreblePolicy::Fit only)
    // Hard limit on the EQ's maximum gain, DC to Nyquist at fs (the preamp then keeps it clip-safe).
    double maxBoostDb = 6.0;
    double maxGainDb = 12.0;      // per filter, peaks and shelves alike
    double minQ = 0.18, maxQ = 6.0;

    bool freeShelves = true;           // Free layout: the designer may pick low/high shelves
    // Fit policy: couplers are unreliable in the top octaves: fit-band points above this count less ...
    double deweightAboveHz = 8000.0;
    double deweightFactor = 0.5;
    // ... and above fitHiHz (up to 20 kHz) only the mean level is matched, with this weight
    // (relative to the fit band's mean squared error; 0 disables).
    double trebleMeanWeight = 0.05;
    // Smooth: weights (per point, against a point of the reliable band) of the treble's broad
    // level error and of the EQ's roughness there (6-16 kHz, 1-octave windows). Off: weight of
    // the "EQ = 0 dB" points above the transition.
    double trebleWeight = 0.3;
    double trebleRoughnessWeight = 1.0;
    // Boosts narrower than this Q are penalised in proportion to their gain, so the EQ does not
    // fill measurement notches (which are usually seal/coupler artefacts) with sharp peaks.
    double maxBoostQ = 3.0;
    int reseatRounds = 3;              // passes of re-seating every movable filter (while one helps)
    int hops = 16;                     // basin-hopping rounds after the local search (0: none)

    // When set, the device's limits replace layout/numFilters/ranges (see DeviceProfile.h).
    std::optional<DeviceProfile> device;
};

// The box a designed filter of type `t` lives in: what the designer lets it reach under these
// settings (a device's ranges, else +-maxGainDb, minQ..maxQ and the fit band; AutoEq layout:
// shelves fixed at 105 Hz / 10 kHz Q 0.7, peaks up to 10 kHz; fc at most 0.45 fs), and the steps
// its values are stored with. For checks on a design (DesignWarnings); throws like designPeq.
struct FilterBounds {
    double fcLo = 20.0, fcHi = 10000.0, qLo = 0.18, qHi = 6.0, gainLo = -12.0, gainHi = 12.0;
    double fcStep = 1.0, qStep = 0.01, gainStep = 0.1;
    bool fixedFc() const { return fcLo == fcHi; }
    bool fixedQ() const { return qLo == qHi; }
};
FilterBounds filterBoundsFor(const PeqSettings& settings, FilterType t);

// Filters that waste headroom cancelling each other: two peaks within 1/3 octave with opposite
// gains of 3 dB or more, where a peak's gain counts its same-signed neighbours within 1/6 octave
// (a stack of small peaks is one peak in pieces). The designer never returns such a pair; this
// counts them (for checks).
int opposingPeakPairs(const std::vector<PeqFilter>& filters);

// Same-signed peaks within kPeakClusterOctaves act as one filter (their gains add), so a stack of
// small peaks beside an opposite one is the same cancelling pair in pieces. The rule above and the
// designer's penalty (PeqObjective) both count a peak's gain this way.
inline constexpr double kPeakClusterOctaves = 1.0 / 6.0;
bool sameCluster(const PeqFilter& a, const PeqFilter& b);  // both peaks, same sign, that close
double clusteredPeakGainDb(const std::vector<PeqFilter>& filters, std::size_t k);

// `measurement` and `target` must be on the same grid (any grid; AutoEq's 1.01-ratio grid or a
// 1/48-octave log grid is what the callers use). The returned preamp follows autoPreampDb.
// Guarantees (checked after rounding, repaired if needed): every gain within its slot's range,
// the realised EQ's maximum (DC..Nyquist) at most maxBoostDb, no opposing peak pairs.
PeqDesign designPeq(const FrequencyCurve& measurement, const FrequencyCurve& target, const PeqSettings& settings);

} // namespace iemeq
