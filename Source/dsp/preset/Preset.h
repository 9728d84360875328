#pragma once
// The versioned, self-contained correction preset (JSON, documented in Presets/README.md and
// Presets/iemeq-preset.schema.json): a CorrectionSpec (the raw measurement and target curves,
// the adjustments, every design setting) plus the result it gave, for every channel. Because the
// spec travels whole, designCorrection(preset.spec, fs) reproduces the result on any machine,
// and at another sample rate gives the same sound (dsp/correction/DesignCorrection.h).
//
// Writing is canonical: fixed key order, numbers in their shortest round-trip form, one curve
// point per line, so save(load(save(p))) == save(p) byte for byte and presets diff cleanly.
#include "../correction/DesignCorrection.h"

#include <string>
#include <vector>

namespace iemeq {

// 1: first format. 2: "design" with limits, mode, FIR; adjustments. 3: the whole CorrectionSpec
// (channels linked/separate, amount, FIR phase in the mode, device profile, treble policy) and
// the result per channel.
inline constexpr int kPresetVersion = 3;
// Presets are small (a few hundred kB with both curves); anything larger is not a preset.
inline constexpr std::size_t kMaxPresetBytes = 16u << 20;

// What a design gave when the preset was saved (the check `iemeq preset show --check` makes).
struct PresetResult {
    double fs = 48000.0;                           // rate the result was realised at
    double preampDb = 0.0;
    std::vector<std::vector<PeqFilter>> filters;  // parametric: per channel (one when linked)
    int firTaps = 0;                               // FIR: kernel length
    int latencySamples = 0;
    bool operator==(const PresetResult&) const = default;
};

struct Preset {
    std::string name, author, notes;
    CorrectionSpec spec;
    PresetResult result;

    // Channel 0's filters and the preamp: what one-channel formats (APO without Channel:) carry.
    PeqDesign firstChannel() const;
};

// A preset of `spec` and what designCorrection gave (`c`).
Preset makePreset(const CorrectionSpec& spec, const Correction& c, const std::string& name);
PresetResult resultOf(const Correction& c);

std::string presetToJson(const Preset& preset);

// Parses and validates; migrates older versions. Throws iemeq::Error naming `sourceName`, the
// field and the reason (invalid JSON, wrong type, missing field, NaN/absurd value, future version).
// `incomplete`: accept a spec that cannot be designed yet (a plugin state with only a target).
Preset presetFromJson(const std::string& text, const std::string& sourceName, bool incomplete = false);

// Reads a preset file (refusing files above kMaxPresetBytes).
Preset loadPresetFile(const std::string& path);
void savePresetFile(const std::string& path, const Preset& preset);  // atomic

// For UIs: loads into `out` only on success; on failure `out` is untouched and `error` says why.
bool tryLoadPresetFile(const std::string& path, Preset& out, std::string& error);

} // namespace iemeq
