// The plugin's saved state (what a host hands back from a session file): an accepted state is
// written again and reloads to the same parameters, curves, filters and correction settings.
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "plugin/core/PluginState.h"

namespace iemeq::fuzz {

bool pluginState(const std::uint8_t* data, std::size_t size)
{
    plugin::PluginStateData s;
    try {
        s = plugin::stateFromJson(text(data, size));
    } catch (const Error&) {
        return false;
    }
    const CorrectionSpec& spec = s.inputs.spec;
    require(spec.measurement.size() <= 2, "state: more than two measurement channels");
    plugin::PluginStateData again;
    try {
        again = plugin::stateFromJson(plugin::stateToJson(s));
    } catch (const Error& e) {
        throw Broken(std::string("state: our own output is rejected: ") + e.what());
    }
    const CorrectionSpec& back = again.inputs.spec;
    require(again.parameters == s.parameters, "state: parameters change in a round trip");
    require(back.measurement.size() == spec.measurement.size(), "state: measurement count changes");
    for (std::size_t i = 0; i < spec.measurement.size(); ++i)
        require(back.measurement[i].freq == spec.measurement[i].freq && back.measurement[i].db == spec.measurement[i].db,
                "state: a measurement changes in a round trip");
    require(back.target.freq == spec.target.freq && back.target.db == spec.target.db,
            "state: the target changes in a round trip");
    require(back.manualFilters == spec.manualFilters, "state: manual filters change in a round trip");
    require(back.mode == spec.mode && back.channels == spec.channels && back.amount == spec.amount
                && back.designRate == spec.designRate && back.firLength == spec.firLength,
            "state: the correction's settings change in a round trip");
    return true;
}

} // namespace iemeq::fuzz
