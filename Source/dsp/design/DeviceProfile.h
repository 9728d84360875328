#pragma once
// What a playback device's parametric EQ can do, loaded from a JSON profile (Presets/devices/):
// how many filters, which types, the fc/Q/gain ranges, fixed band frequencies (graphic EQs),
// the gain step it stores, and whether it has a preamp. The designer never leaves these bounds.
#include "Biquad.h"

#include <string>
#include <vector>

namespace iemeq {

struct DeviceProfile {
    std::string name;
    int maxFilters = 10;
    std::vector<FilterType> types { FilterType::Peaking };  // allowed filter types
    double fcMin = 20.0, fcMax = 20000.0;
    double qMin = 0.1, qMax = 10.0;
    double gainMin = -12.0, gainMax = 12.0;
    std::vector<double> fixedFrequencies;  // non-empty: one peaking band at each, fc not movable
    double fixedQ = 0.0;                   // > 0: every band uses this Q (graphic EQs)
    double gainStep = 0.1;                 // gains are multiples of this (dB)
    double fcStep = 1.0;                   // fc is rounded to multiples of this (Hz)
    double qStep = 0.01;
    bool preamp = true;                    // false: the EQ may only cut (it cannot lower the level)

    bool allows(FilterType t) const;
};

// Parses a profile; throws iemeq::Error naming `sourceName` and the offending field.
DeviceProfile parseDeviceProfile(const std::string& jsonText, const std::string& sourceName);
DeviceProfile loadDeviceProfile(const std::string& path);


} // namespace iemeq
