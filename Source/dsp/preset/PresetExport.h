#pragma once
// A correction in the formats people already use, and presets made from them. Every export
// takes the Correction that designCorrection() gave (what plays), never a design of its own:
//  export: iemeq preset JSON, Equalizer APO ParametricEQ.txt (Channel: L / R when separate),
//          GraphicEQ.txt, a WAV impulse response (stereo when separate), a CSV of the curves;
//  import: ParametricEQ.txt (AutoEq/APO/Peace, decimal commas; APO's Channel: L / R sections
//          become one list of filters per channel) and GraphicEQ.txt.
#include "../design/FirDesigner.h"
#include "Preset.h"

#include <string>
#include <vector>

namespace iemeq {

enum class PresetFileFormat { Json, Apo, GraphicEq, Wav, Csv };

// From the file name: .json, .wav, .csv; "...GraphicEQ.txt" (or a file starting with
// "GraphicEQ:") is GraphicEq, any other .txt is Apo. Throws iemeq::Error for other extensions.
PresetFileFormat formatFromPath(const std::string& path);
// "json", "apo", "graphiceq", "wav", "csv" (the CLI's --format); throws iemeq::Error otherwise.
PresetFileFormat formatFromName(const std::string& name);

// One channel's realised response in dB (preamp included) at c.fs, on `grid`.
FrequencyCurve correctionEqCurve(const Correction& c, int channel, const std::vector<double>& grid);

// Equalizer APO text: a comment naming the rate the filters were fitted for, the preamp, and the
// filters (per channel with APO's "Channel:" syntax when L and R differ). Parametric only.
std::string correctionApo(const Correction& c);
// GraphicEQ text of the realised response (preamp included); per channel when L and R differ.
std::string correctionGraphicEq(const Correction& c);
// Columns: frequency, each measurement channel, what is corrected, target (adjusted), eq per
// channel (preamp included), corrected per channel, on the design grid; 3 decimals.
std::string correctionCurvesCsv(const CorrectionSpec& spec, const Correction& c);

struct ImpulseOptions {
    FirPhase phase = FirPhase::Minimum;  // parametric only: linear designs an FIR from the response
    int taps = 0;                        // parametric: 0 = defaultFirLength(fs); FIR: the kernel's own
};
// The correction as impulse responses (one per channel), preamp included. FIR corrections give
// their kernels exactly; parametric ones the biquads' own impulse response (minimum phase) or a
// linear-phase FIR of their response.
std::vector<std::vector<double>> correctionImpulseResponses(const Correction& c, const ImpulseOptions& o = {});

// A preset holding only filters (no curves): what a ParametricEQ.txt carries. Realised as given.
Preset presetFromDesign(const PeqDesign& design, const std::string& name, double fs = 48000.0);

// A GraphicEQ.txt curve fitted with `numFilters` free parametric filters; the curve is kept as
// the preset's target (measurement flat 0 dB) so the fit can be re-run and checked.
Preset presetFromGraphicEq(const FrequencyCurve& graphic, const std::string& name, int numFilters = 20,
                           double fs = 48000.0);

// A GraphicEQ.txt with different Channel: L and R curves: a separate preset, each curve fitted as
// above and kept inverted as its channel's measurement against a flat target.
Preset presetFromGraphicEqChannels(const FrequencyCurve& left, const FrequencyCurve& right, const std::string& name,
                                   int numFilters = 20, double fs = 48000.0);

// Reads any importable file (JSON preset, ParametricEQ.txt, GraphicEQ.txt) as a preset; a
// ParametricEQ.txt or GraphicEQ.txt whose Channel: L and R sections differ gives a separate
// (per-channel) preset. Throws iemeq::Error saying what the file is when it is none of these
// (e.g. a measurement or a WAV).
Preset importPresetFile(const std::string& path);

struct ExportOptions {
    ImpulseOptions impulse;
    bool pcm24 = false;
};
// Writes `p` (JSON) or `c` (every other format) to `path`. Returns a one-line description.
std::string exportCorrection(const Preset& p, const Correction& c, const std::string& path, PresetFileFormat format,
                             const ExportOptions& options = {});

} // namespace iemeq
