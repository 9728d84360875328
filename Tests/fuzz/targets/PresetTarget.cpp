// Preset JSON: an accepted preset is written canonically, and that text loads again and is
// written byte for byte the same (the documented save(load(save(p))) == save(p)).
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "dsp/preset/Preset.h"

namespace iemeq::fuzz {

bool preset(const std::uint8_t* data, std::size_t size)
{
    Preset p;
    try {
        p = presetFromJson(text(data, size), "fuzz.json");
    } catch (const Error&) {
        return false;
    }
    const std::string once = presetToJson(p);
    Preset again;
    try {
        again = presetFromJson(once, "rewritten.json");
    } catch (const Error& e) {
        throw Broken(std::string("preset: our own output is rejected: ") + e.what());
    }
    require(presetToJson(again) == once, "preset: canonical output is not stable");
    return true;
}

} // namespace iemeq::fuzz
