#pragma once
// Loading what every command needs: measurement files (--fr, L and R), the target, the grid.
#include "dsp/curve/FrequencyCurve.h"

#include <string>
#include <vector>

namespace iemeq::cli {

struct LoadedInputs {
    std::vector<FrequencyCurve> channels;  // as read, one per --fr
    FrequencyCurve measurement;            // dB mean of the channels on the design grid
    FrequencyCurve target;                 // on the design grid (empty if no target given)
    std::vector<double> grid;
};

// Resolves a target argument: an existing path, or the name of a bundled curve in Targets/
// ("harman2019" or a file stem such as "Harman in-ear 2019 v2").
std::string resolveTargetPath(const std::string& nameOrPath);

LoadedInputs loadInputs(const std::vector<std::string>& frFiles, const std::string& targetNameOrPath,
                        const std::vector<double>& grid);

} // namespace iemeq::cli
