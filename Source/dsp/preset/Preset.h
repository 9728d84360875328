#pragma once
// The versioned, self-contained correction preset (JSON): the curves themselves, the settings and
// the designed result, so a preset reproduces the same filters on any machine.
#include "../curve/FrequencyCurve.h"
#include "../design/PeqDesign.h"
#include "../design/PeqDesigner.h"

#include <string>
#include <vector>

namespace iemeq {

inline constexpr int kPresetVersion = 1;

struct Preset {
    std::string name, author, notes;
    std::string iemName, measurementSource, targetName;
    std::vector<FrequencyCurve> measurement;  // L (and R) as loaded
    FrequencyCurve target;
    PeqSettings settings;
    PeqDesign design;
};

std::string presetToJson(const Preset& preset);
// Throws iemeq::Error with a clear reason (invalid JSON, wrong type, missing field, bad value).
Preset presetFromJson(const std::string& text, const std::string& sourceName);

} // namespace iemeq
