#pragma once
// A preset in the formats people already use, and presets made from them:
//  export: Equalizer APO ParametricEQ.txt, AutoEq GraphicEQ.txt, a WAV impulse response
//          (minimum or linear phase, any sample rate), a CSV of the curves;
//  import: ParametricEQ.txt (AutoEq/APO/Peace, decimal commas) and GraphicEQ.txt.
#include "../design/FirDesigner.h"
#include "Preset.h"

#include <string>
#include <vector>

namespace iemeq {

enum class PresetFileFormat { Json, Apo, GraphicEq, Wav, Csv };

// From the file name: .json, .wav, .csv; "...GraphicEQ.txt" (or a file starting with
// "GraphicEQ:") is GraphicEq, any other .txt is Apo. Throws iemeq::Error for other extensions.
PresetFileFormat formatFromPath(const std::string& path);

// The PEQ result's realised response in dB (preamp included) at `fs`, on `grid`.
FrequencyCurve presetEqCurve(const Preset& p, const std::vector<double>& grid, double fs);

// Columns: frequency, each measurement channel, measurement mean, target (adjusted), eq
// (preamp included, realised at the preset's rate), corrected (measurement + eq), on the
// design grid; numbers with 3 decimals.
std::string presetCurvesCsv(const Preset& p);

// The correction as an FIR kernel at `fs`: the PEQ's realised response at that rate (preamp
// included) designed by designFir (minimum or linear phase); taps 0 = defaultFirLength(fs).
FirKernel presetImpulseResponse(const Preset& p, FirPhase phase, double fs, int taps = 0);

// A preset holding only a result (no curves): what a ParametricEQ.txt carries.
Preset presetFromDesign(const PeqDesign& design, const std::string& name, double fs = 48000.0);

// A GraphicEQ.txt curve fitted with `numFilters` free parametric filters at `fs`; the curve is
// kept as the preset's target (measurement flat 0 dB) so the fit can be re-run and checked.
Preset presetFromGraphicEq(const FrequencyCurve& graphic, const std::string& name, int numFilters = 20,
                           double fs = 48000.0);

// Reads any importable file (JSON preset, ParametricEQ.txt, GraphicEQ.txt) as a preset.
Preset importPresetFile(const std::string& path);

// Writes `p` to `path` in `format` (WAV: `phase`, `fs` (0 = the preset's), 32-bit float or
// 24-bit). Returns a one-line description of what was written.
struct ExportOptions {
    FirPhase phase = FirPhase::Minimum;
    double fs = 0.0;
    int taps = 0;
    bool pcm24 = false;
};
std::string exportPreset(const Preset& p, const std::string& path, PresetFileFormat format, const ExportOptions& options = {});

} // namespace iemeq
