#pragma once
// The plugin's saved state: versioned JSON holding everything needed to reproduce the sound on
// another machine: every parameter and the correction spec, stored as an iemeq preset (the same
// reader, validation and fuzzing as preset files), so a session and a preset cannot disagree.
#include "DesignTypes.h"

#include <map>
#include <string>

namespace iemeq::plugin {

// 1: curves and manual filters as loose fields. 2: the spec as an embedded preset.
inline constexpr int kStateVersion = 2;

struct PluginStateData {
    CorrectionInputs inputs;
    std::map<std::string, float> parameters;  // parameter ID -> plain value
};

std::string stateToJson(const PluginStateData& state);

// Throws iemeq::Error on corrupt, truncated or future-version state; the caller keeps its
// current state and shows the message.
PluginStateData stateFromJson(const std::string& json);

} // namespace iemeq::plugin
