#pragma once
// What the message thread asks the design worker for, and the immutable result the audio thread
// switches to. One request in, one result out.
#include "dsp/curve/FrequencyCurve.h"
#include "dsp/design/PeqDesign.h"
#include "dsp/engine/BiquadCascade.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace iemeq::plugin {

// The user's material: measured channels (L, or L and R) and the target, as loaded.
struct CorrectionInputs {
    std::vector<FrequencyCurve> measurement;
    FrequencyCurve target;
    std::string iemName, targetName;
    // Filters the user edited by hand (table or graph): when `manual` is set they replace the
    // automatic design (both channels), and the state stores them.
    std::vector<PeqFilter> manualFilters;
    bool manual = false;
    bool empty() const { return measurement.empty() || target.empty(); }
};

struct DesignSettings {
    double amount = 1.0;  // 0..1: fraction of (target - measurement) corrected
    double bassDb = 0, tiltDbPerOct = 0, trebleDb = 0, earGainDb = 0;
    bool autoPreamp = true;
    bool separateChannels = false;
    int mode = 0;  // CorrectionMode
    bool operator==(const DesignSettings&) const = default;
};

struct DesignRequest {
    std::shared_ptr<const CorrectionInputs> inputs;
    DesignSettings settings;
    double sampleRate = 48000.0;
    std::uint64_t generation = 0;
};

struct DesignResult {
    std::uint64_t generation = 0;
    double sampleRate = 48000.0;
    // Realised sections per output channel (channel 1 equals channel 0 when linked).
    std::array<std::array<BiquadCoeffs, BiquadCascade::kMaxSections>, 2> sections {};
    int numSections = 0;
    double preampDb = 0.0;         // applied when the correction is on
    double loudnessMatchDb = 0.0;  // gain for the bypassed signal so A/B sounds equally loud
    std::vector<PeqDesign> designs; // per channel (one when linked), for display and state
    int mode = 0;                   // CorrectionMode the result realises
    bool fir = false;               // true: firTaps run in the convolver, sections are identity
    int latencySamples = 0;         // reported to the host ((N-1)/2 for linear phase)
    std::vector<std::vector<float>> firTaps;  // per channel (one when linked)
    std::vector<FrequencyCurve> eqCurves;     // realised EQ per channel on the display grid, no preamp
    double residualBeforeDb = 0.0, residualAfterDb = 0.0;
    double scoreBefore = 0.0, scoreAfter = 0.0;  // predicted preference (Olive et al. 2018)
    std::string message;            // design problems shown in the UI; empty when fine
};

} // namespace iemeq::plugin
