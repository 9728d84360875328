#include "MeasurementOrigin.h"

namespace iemeq::library {

std::string creditLine(const MeasurementOrigin& o)
{
    std::string s = o.library.empty() ? o.site : o.library + " (" + o.site + ")";
    if (!o.iem.empty())
        s += ": " + o.iem;
    for (std::size_t i = 0; i < o.files.size(); ++i) {
        s += (i == 0 ? " \xE2\x80\x94 " : ", ") + o.files[i];
        if (i < o.sha256.size())
            s += " (sha256 " + o.sha256[i].substr(0, 16) + "...)";
    }
    return s;
}

} // namespace iemeq::library
