#pragma once
// The command line's way to a CorrectionSpec: every command that designs (design, batch, report,
// demo) reads the same flags here and hands the spec to designCorrection(), the function the
// plugin and the preset reader use too.
#include "Args.h"

#include "dsp/correction/CorrectionSpec.h"

#include <string>
#include <vector>

namespace iemeq::cli {

// --mode, --channels, --amount, --fir-length, --device, --no-preamp (the correction's own flags;
// the measurement, target and PEQ flags come from Inputs.h).
const std::vector<FlagSpec>& correctionFlags();

// Every flag a spec is built from: measurement, target, target shaping, PEQ settings, correction.
std::vector<FlagSpec> designFlags();

// The spec for `frFiles` (L, R) and the parsed flags. `--fs` is the rate it is fitted for.
CorrectionSpec specFromArgs(const Args& args, const std::vector<std::string>& frFiles);

// specFromArgs in two steps, for commands that design many IEMs with one set of flags (batch):
// every flag checked and the named target read once, then the spec for each IEM's files.
CorrectionSpec specSettingsFromArgs(const Args& args);
CorrectionSpec specForFiles(CorrectionSpec settings, const Args& args, const std::vector<std::string>& frFiles);

// The rate to design for (--fs, default 48000).
double designRateFromArgs(const Args& args);

} // namespace iemeq::cli
