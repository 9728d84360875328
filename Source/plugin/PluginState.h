#pragma once
// The plugin's saved state: versioned JSON holding everything needed to reproduce the sound on
// another machine (the curves themselves, every parameter, the designed filters).
#include "DesignTypes.h"

#include <map>
#include <string>

namespace iemeq::plugin {

inline constexpr int kStateVersion = 1;

struct PluginStateData {
    CorrectionInputs inputs;
    std::map<std::string, float> parameters;  // parameter ID -> plain value
    std::vector<PeqDesign> designs;           // as designed when saved (informative; re-designed on load)
    std::string designMode = "automatic";     // "manual" when inputs.manualFilters were hand-edited
};

std::string stateToJson(const PluginStateData& state);

// Throws iemeq::Error on corrupt, truncated or future-version state; the caller keeps its
// current state and shows the message.
PluginStateData stateFromJson(const std::string& json);

} // namespace iemeq::plugin
