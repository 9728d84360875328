#pragma once
// The versioned, self-contained correction preset (JSON, documented in Presets/README.md and
// Presets/iemeq-preset.schema.json): who made it, which IEM, the raw measurement and target
// curves, the target adjustments, the design settings and the designed result. Because the raw
// curves travel with the preset, re-designing from the preset alone (designFromPreset) gives the
// same filters as the original design, on any machine.
//
// Writing is canonical: fixed key order, numbers in their shortest round-trip form, one curve
// point per line, so save(load(save(p))) == save(p) byte for byte and presets diff cleanly.
#include "../curve/FrequencyCurve.h"
#include "../curve/TargetAdjustments.h"
#include "../design/FirDesigner.h"
#include "../design/PeqDesign.h"
#include "../design/PeqDesigner.h"

#include <string>
#include <vector>

namespace iemeq {

// 1: first format (settings{}, no adjustments). 2: "design" with limits, mode, FIR; adjustments.
inline constexpr int kPresetVersion = 2;
// Presets are small (a few hundred kB with both curves); anything larger is not a preset.
inline constexpr std::size_t kMaxPresetBytes = 16u << 20;

enum class CorrectionKind { Parametric, Fir };

struct PresetDesignSettings {
    PeqLayout layout = PeqLayout::AutoEq;
    int numFilters = 10;  // Free layout
    double fs = 48000.0;  // sample rate the result was designed/realised at
    double fitLoHz = 20.0, fitHiHz = 10000.0;
    double maxBoostDb = 6.0, maxGainDb = 12.0, minQ = 0.18, maxQ = 6.0;
    CorrectionKind mode = CorrectionKind::Parametric;
    int firLength = 0;  // 0 = defaultFirLength(fs)
    FirPhase phase = FirPhase::Minimum;

    PresetDesignSettings() = default;
    // The designer's settings as a preset stores them (device profiles are not stored).
    PresetDesignSettings(const PeqSettings& s);  // NOLINT(google-explicit-constructor)
    bool operator==(const PresetDesignSettings&) const = default;
};

struct Preset {
    std::string name, author, notes;
    std::string iemName, measurementSource;
    std::vector<FrequencyCurve> measurement;  // L (and R), raw as read; the dB mean is corrected
    std::string targetName;
    FrequencyCurve target;                    // raw target, before adjustments
    TargetAdjustments adjustments;
    PresetDesignSettings settings;
    PeqDesign design;                         // the designed result: filters + preamp
};

// The PeqSettings the designer gets for these preset settings.
PeqSettings peqSettings(const PresetDesignSettings& s);

// The grid every preset is designed on (AutoEq's 1.01-ratio grid, 20 Hz-20 kHz).
const std::vector<double>& presetDesignGrid();
// Mean of the measurement channels and the adjusted target, both on presetDesignGrid().
FrequencyCurve presetMeasurementOnGrid(const Preset& p);
FrequencyCurve presetTargetOnGrid(const Preset& p);

// Re-runs the design from the preset's own curves and settings (what `design` must equal).
PeqDesign designFromPreset(const Preset& p);

std::string presetToJson(const Preset& preset);

// Parses and validates; migrates older versions. Throws iemeq::Error naming `sourceName`, the
// field and the reason (invalid JSON, wrong type, missing field, NaN/absurd value, future version).
Preset presetFromJson(const std::string& text, const std::string& sourceName);

// Reads a preset file (refusing files above kMaxPresetBytes).
Preset loadPresetFile(const std::string& path);
void savePresetFile(const std::string& path, const Preset& preset);  // atomic

// For UIs: loads into `out` only on success; on failure `out` is untouched and `error` says why.
bool tryLoadPresetFile(const std::string& path, Preset& out, std::string& error);

} // namespace iemeq
