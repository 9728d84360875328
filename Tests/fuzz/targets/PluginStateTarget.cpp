// The plugin's saved state (what a host hands back from a session file): an accepted state is
// written again and reloads to the same parameters, curves and filters.
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "plugin/PluginState.h"

namespace iemeq::fuzz {

bool pluginState(const std::uint8_t* data, std::size_t size)
{
    plugin::PluginStateData s;
    try {
        s = plugin::stateFromJson(text(data, size));
    } catch (const Error&) {
        return false;
    }
    require(s.inputs.measurement.size() <= 2, "state: more than two measurement channels");
    plugin::PluginStateData again;
    try {
        again = plugin::stateFromJson(plugin::stateToJson(s));
    } catch (const Error& e) {
        throw Broken(std::string("state: our own output is rejected: ") + e.what());
    }
    require(again.parameters == s.parameters, "state: parameters change in a round trip");
    require(again.inputs.measurement.size() == s.inputs.measurement.size(), "state: measurement count changes");
    for (std::size_t i = 0; i < s.inputs.measurement.size(); ++i)
        require(again.inputs.measurement[i].freq == s.inputs.measurement[i].freq
                    && again.inputs.measurement[i].db == s.inputs.measurement[i].db,
                "state: a measurement changes in a round trip");
    require(again.inputs.target.freq == s.inputs.target.freq && again.inputs.target.db == s.inputs.target.db,
            "state: the target changes in a round trip");
    require(again.inputs.manual == s.inputs.manual && again.inputs.manualFilters == s.inputs.manualFilters,
            "state: manual filters change in a round trip");
    require(again.designs == s.designs, "state: designs change in a round trip");
    return true;
}

} // namespace iemeq::fuzz
