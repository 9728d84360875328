#pragma once
// One description of a correction: everything that decides what the user hears. The plugin's
// worker, every CLI command and the preset reader build one of these and hand it to
// designCorrection() (DesignCorrection.h), so what is heard, drawn, saved and rendered is the
// same thing. A preset is a CorrectionSpec plus the result it gave (dsp/preset/Preset.h).
#include "../curve/ChannelPair.h"
#include "../curve/FrequencyCurve.h"
#include "../curve/TargetAdjustments.h"
#include "../design/PeqDesigner.h"
#include "../library/MeasurementOrigin.h"

#include <optional>
#include <string>
#include <vector>

namespace iemeq {

enum class CorrectionMode { Parametric = 0, FirMinimumPhase = 1, FirLinearPhase = 2 };

// "parametric", "fir-min", "fir-lin" (CLI flags and preset JSON); parse throws iemeq::Error.
const char* correctionModeName(CorrectionMode m);
CorrectionMode correctionModeFromName(const std::string& name);
const char* channelModeName(ChannelMode m);  // "linked" (L and R averaged) or "separate"
ChannelMode channelModeFromName(const std::string& name);

struct CorrectionSpec {
    // --- material
    std::vector<FrequencyCurve> measurement;  // L (and R), raw as read
    std::string iemName, measurementSource;
    library::MeasurementOrigin measurementOrigin;  // when it came from a measurement library: where, which files
    FrequencyCurve target;                    // raw target (another IEM's or a signature already folded in)
    std::string targetName;
    TargetAdjustments adjustments;            // bass, tilt, treble, ear gain on top of the target
    // --- how much and how
    double amount = 1.0;                      // 0..1: fraction of (target - measurement) corrected
    ChannelMode channels = ChannelMode::Average;  // Average = linked (one correction for both)
    CorrectionMode mode = CorrectionMode::Parametric;
    PeqSettings peq;                          // layout or device, limits, treble policy; peq.fs ignored
    int firLength = 0;                        // 0 = firCorrectionTaps(fs)
    bool autoPreamp = true;                   // false: no preamp (the user accepts clipping risk)
    // --- sample-rate policy: parametric corrections are fitted at designRate; realised at
    // another rate they are re-fitted there to the same response (DesignCorrection.h).
    double designRate = 48000.0;
    // --- filters given instead of designed (hand-edited, or imported from a ParametricEQ.txt):
    // one list for both channels, or one per channel when separate. Realised as they are.
    std::vector<std::vector<PeqFilter>> manualFilters;
    // With manual filters: the preamp that came with them (a ParametricEQ.txt's "Preamp:" line).
    // Kept when it leaves at least the clip-safe headroom (the user's own choice, e.g. to match
    // loudness); a preamp that would clip is replaced by the clip-safe one, and a note says so.
    std::optional<double> givenPreampDb;

    bool manual() const { return !manualFilters.empty(); }
    bool fir() const { return mode != CorrectionMode::Parametric; }
    // Whether designCorrection can run: curves for a design, or manual filters.
    bool designable() const { return manual() || (!measurement.empty() && !target.empty()); }
};

} // namespace iemeq
