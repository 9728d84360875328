#pragma once
// What the message thread asks the design worker for, and the immutable result the audio thread
// switches to. One request in, one result out. The design itself is designCorrection() of the
// JUCE-free core (dsp/correction/DesignCorrection.h), the same function the CLI and presets use.
#include "dsp/correction/DesignCorrection.h"
#include "dsp/engine/BiquadCascade.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace iemeq::plugin {

// The user's material and design settings as loaded (measurement, target, layout/device, manual
// filters, design rate). The automatable parameters (amount, mode, channel mode, adjustments,
// preamp) are not read from here: specFor() takes them from DesignSettings.
struct CorrectionInputs {
    CorrectionSpec spec;
    bool empty() const { return spec.measurement.empty() || (spec.target.empty() && !spec.manual()); }
};

// The automatable parameters that shape a design.
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
    int mode = 0;                   // CorrectionMode the result realises
    bool fir = false;               // true: firTaps run in the convolver, sections are identity
    int latencySamples = 0;         // reported to the host ((N-1)/2 for linear phase)
    std::vector<std::vector<float>> firTaps;  // per channel (one when linked)
    // The spec that was designed and what designCorrection gave: for the graph, the numbers, the
    // filter table, saving and exporting (null when nothing could be designed).
    std::shared_ptr<const CorrectionSpec> spec;
    std::shared_ptr<const Correction> correction;
    std::string message;            // design problems shown in the UI; empty when fine
};

} // namespace iemeq::plugin
