#pragma once
// Loading what every command needs: measurement files (--fr, L and R), the target, the grid.
#include "dsp/curve/FrequencyCurve.h"

#include <string>
#include <utility>
#include <vector>

namespace iemeq::cli {

struct LoadedInputs {
    std::vector<FrequencyCurve> channels;  // as read, one per --fr
    FrequencyCurve measurement;            // dB mean of the channels on the design grid
    FrequencyCurve target;                 // on the design grid (empty if no target given)
    std::vector<double> grid;
};

// Resolves a target argument: an existing path, or the name of a bundled curve in Targets/
// (a short name such as "harman2019", "df", "flat" — see bundledTargetNames() — or a file stem
// such as "Harman in-ear 2019 v2").
std::string resolveTargetPath(const std::string& nameOrPath);

// Short names of the bundled targets and the Targets/ file stem each stands for.
const std::vector<std::pair<std::string, std::string>>& bundledTargetNames();

LoadedInputs loadInputs(const std::vector<std::string>& frFiles, const std::string& targetNameOrPath,
                        const std::vector<double>& grid);

} // namespace iemeq::cli
