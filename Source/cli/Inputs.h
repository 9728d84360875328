#pragma once
// Loading what every command needs: measurement files (--fr, L and R), the target, the grid.
#include "Args.h"

#include "dsp/curve/FrequencyCurve.h"
#include "dsp/curve/TargetAdjustments.h"
#include "dsp/design/PeqDesigner.h"

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

// The --fr files: one IEM is one or two (L, R). More is an error pointing to the ways to compare
// with another IEM, unless --average-all (averageAllFlag) asks for their mean; --average-all
// with fewer than three is an error too.
std::vector<std::string> measurementFiles(const Args& args);
const FlagSpec& averageAllFlag();

// The files read; with averageAll, one curve: their dB mean on the design grid.
std::vector<FrequencyCurve> readMeasurements(const std::vector<std::string>& files, bool averageAll);

// --target-iem files (one IEM: L and R, two at most).
std::vector<std::string> targetIemFiles(const Args& args);

LoadedInputs loadInputs(const std::vector<std::string>& frFiles, const std::string& targetNameOrPath,
                        const std::vector<double>& grid);

// Flags that reshape the target, shared by every command that takes one: --bass, --tilt,
// --treble-gain, --ear-gain (real filter responses, see dsp/curve/TargetAdjustments.h), --signature
// FILE (a custom curve added on top) and --target-iem FILE (another IEM's L/R as the target).
const std::vector<FlagSpec>& targetShapingFlags();

TargetAdjustments adjustmentsFromArgs(const Args& args);

// in.target reshaped by those flags, on in.grid. With --target-iem the base target is that IEM
// (dB mean of its files) brought to the level of in.measurement; otherwise in.target.
// Throws iemeq::Error when neither a target nor --target-iem is given but shaping flags are.
FrequencyCurve shapedTarget(const LoadedInputs& in, const Args& args);

// --layout, --filters, --fs, --max-boost, --treble: the designer's settings, shared by design and batch.
const std::vector<FlagSpec>& peqSettingsFlags();
PeqSettings peqSettingsFromArgs(const Args& args);

// `base` followed by every flag of each extra list, for commands that share flag groups.
std::vector<FlagSpec> withFlags(std::vector<FlagSpec> base, const std::vector<FlagSpec>& extra);

} // namespace iemeq::cli
