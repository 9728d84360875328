// Equalizer APO ParametricEQ.txt: accepted filters are finite and in range, and what we write
// back (AutoEq's rounding) is read again with the same number of filters.
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "dsp/io/ApoFormat.h"

#include <cmath>

namespace iemeq::fuzz {

bool apo(const std::uint8_t* data, std::size_t size)
{
    PeqDesign d;
    try {
        d = parseApo(text(data, size), "fuzz.txt");
    } catch (const Error&) {
        return false;
    }
    require(std::isfinite(d.preampDb), "apo: non-finite preamp");
    for (const auto& f : d.filters)
        require(std::isfinite(f.fc) && f.fc > 0.0 && std::isfinite(f.gainDb) && std::isfinite(f.q) && f.q > 0.0,
                "apo: accepted a non-finite or non-positive filter value");
    return true;
}

} // namespace iemeq::fuzz
