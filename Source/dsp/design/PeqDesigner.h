#pragma once
// Parametric EQ design: filters that bring measurement + EQ closest to the target.
//
// Method (PeqDesigner.cpp): greedy seeding on the largest error regions, bounded Levenberg-Marquardt
// in (ln fc, ln Q, gain) with an exact Jacobian (PeqJacobian), re-seating of the weakest filter,
// then rounding to what the output format stores (fc 1 Hz, Q 0.01, gain 0.1 dB or the device's
// steps) followed by a re-fit of the gains. Deterministic: no threads, no randomness, fixed order.
//
// Sample rate: the objective is the response of the biquads as realised at settings.fs (bilinear
// transform), not the analog prototype, so the fit itself absorbs the frequency warping: a design
// for 44.1 kHz realised at 44.1 kHz matches the same curve as a design for 192 kHz. Near Nyquist
// the warp squeezes sections, so movable fc is kept at or below 0.45 fs (fixed device bands above
// it are clamped there), and rbjCoefficients clamps anything at or above 0.499 fs.
#include "../curve/FrequencyCurve.h"
#include "DeviceProfile.h"
#include "PeqDesign.h"

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
    double fitLoHz = 20.0;        // band the error is minimised over
    double fitHiHz = 10000.0;
    double maxBoostDb = 6.0;      // limit on the total boost of the EQ (soft, enforced by penalty)
    double maxGainDb = 12.0;      // per filter
    double minQ = 0.18, maxQ = 6.0;

    bool freeShelves = true;           // Free layout: the designer may pick low/high shelves
    // Couplers are unreliable in the top octaves: fit-band points above this count less ...
    double deweightAboveHz = 8000.0;
    double deweightFactor = 0.5;
    // ... and above fitHiHz (up to 20 kHz) only the mean level is matched, with this weight
    // (relative to the fit band's mean squared error; 0 disables).
    double trebleMeanWeight = 0.05;
    // Boosts narrower than this Q are penalised in proportion to their gain, so the EQ does not
    // fill measurement notches (which are usually seal/coupler artefacts) with sharp peaks.
    double maxBoostQ = 3.0;
    int reseatRounds = 3;              // how many times the weakest filter may be moved

    // When set, the device's limits replace layout/numFilters/ranges (see DeviceProfile.h).
    std::optional<DeviceProfile> device;
};

// `measurement` and `target` must be on the same grid (any grid; AutoEq's 1.01-ratio grid or a
// 1/48-octave log grid is what the callers use). The returned preamp follows autoPreampDb.
PeqDesign designPeq(const FrequencyCurve& measurement, const FrequencyCurve& target, const PeqSettings& settings);

} // namespace iemeq
