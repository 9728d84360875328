// GraphicEQ.txt: an accepted curve is finite with strictly increasing frequencies.
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "dsp/io/GraphicEq.h"

#include <cmath>

namespace iemeq::fuzz {

bool graphicEq(const std::uint8_t* data, std::size_t size)
{
    FrequencyCurve c;
    try {
        c = parseGraphicEq(text(data, size), "fuzz.txt");
    } catch (const Error&) {
        return false;
    }
    require(c.freq.size() == c.db.size() && !c.empty(), "graphiceq: empty or mismatched curve");
    for (std::size_t i = 0; i < c.size(); ++i) {
        require(std::isfinite(c.freq[i]) && c.freq[i] > 0.0 && std::isfinite(c.db[i]), "graphiceq: bad point");
        require(i == 0 || c.freq[i] > c.freq[i - 1], "graphiceq: frequencies not strictly increasing");
    }
    return true;
}

} // namespace iemeq::fuzz
