#pragma once
// designCorrection(spec, fs): the one function that turns a CorrectionSpec into what plays.
// The plugin's design worker, `iemeq design|batch|report|render|demo|preset` and the preset
// reader all call it, so the same spec gives bit-identical filters and kernels everywhere.
//
// Sample-rate policy: a parametric correction is fitted at spec.designRate. Realised at another
// rate (a host at 96 kHz, `render` of a 44.1 kHz file) its filters are re-fitted there to the
// response they have at the design rate (RateRefit.h), so it sounds the same at every rate. FIR
// corrections are designed at the rate they run at from the same request curve. Manual filters
// (hand-edited, imported from a ParametricEQ.txt that names no rate) are realised as they are.
#include "CorrectionSpec.h"

#include <string>
#include <vector>

namespace iemeq {

// The grid every correction is designed, compared and drawn on: AutoEq's 1.01-ratio grid,
// 20 Hz-20 kHz (dense enough for Q 6; the preference score and AutoEq's results use it).
const std::vector<double>& designGrid();

// The spec's target with its adjustments, on designGrid(): the one place adjustments apply.
FrequencyCurve adjustedTargetOnGrid(const CorrectionSpec& spec);

// What is corrected, on designGrid(): the dB mean of the channels (linked, or one channel), or
// L and R each (separate with two channels).
std::vector<FrequencyCurve> measurementsOnGrid(const CorrectionSpec& spec);

struct ChannelCorrection {
    FrequencyCurve measurement;      // on designGrid() (empty for manual filters without curves)
    std::vector<PeqFilter> filters;  // parametric: the sections as realised at fs
    std::vector<float> firTaps;      // FIR: the kernel at fs
    FrequencyCurve eq;               // what the correction does at fs (dB, without preamp), designGrid()
    double ownPreampDb = 0.0;        // the preamp this channel alone would need
    double rmsBeforeDb = 0.0, rmsAfterDb = 0.0;  // vs the adjusted target (analysis/Metrics.h)
    double scoreBefore = 0.0, scoreAfter = 0.0;  // predicted preference (analysis/PreferenceScore.h)
};

struct Correction {
    double fs = 48000.0;
    CorrectionMode mode = CorrectionMode::Parametric;
    ChannelMode channels = ChannelMode::Average;
    FrequencyCurve target;                     // adjusted target on designGrid() (empty: manual)
    std::vector<ChannelCorrection> perChannel; // 1 (linked) or 2 (separate L, R)
    double preampDb = 0.0;                     // one preamp for both channels (keeps their balance)
    int latencySamples = 0;                    // linear-phase FIR: (taps - 1) / 2
    double rmsBeforeDb = 0.0, rmsAfterDb = 0.0, scoreBefore = 0.0, scoreAfter = 0.0;  // channel mean
    std::vector<std::string> notes;            // what the user should know (re-fit, warnings)

    const ChannelCorrection& forOutput(int channel) const
    {
        return perChannel[std::min<std::size_t>(static_cast<std::size_t>(channel < 0 ? 0 : channel), perChannel.size() - 1)];
    }
    bool hasCurves() const { return !target.empty(); }
};

// Throws iemeq::Error when the spec cannot be designed (no curves and no filters, bad sizes).
Correction designCorrection(const CorrectionSpec& spec, double fs);

} // namespace iemeq
