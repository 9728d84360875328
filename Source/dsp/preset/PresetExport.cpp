#include "PresetExport.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"
#include "../curve/LogGrid.h"
#include "../io/ApoFormat.h"
#include "../io/GraphicEq.h"
#include "../io/ImpulseResponseWav.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace iemeq {

static std::string lower(std::string s)
{
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

PresetFileFormat formatFromPath(const std::string& path)
{
    const std::string name = lower(std::filesystem::path(path).filename().string());
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".json") return PresetFileFormat::Json;
    if (ext == ".wav") return PresetFileFormat::Wav;
    if (ext == ".csv") return PresetFileFormat::Csv;
    if (ext == ".txt") return name.find("graphiceq") != std::string::npos ? PresetFileFormat::GraphicEq : PresetFileFormat::Apo;
    throw Error(path + ": unknown preset format '" + ext + "' (expected .json, ParametricEQ .txt, GraphicEQ .txt, .wav or .csv)");
}

FrequencyCurve presetEqCurve(const Preset& p, const std::vector<double>& grid, double fs)
{
    FrequencyCurve c = eqCurve(p.design.filters, grid, fs);
    for (auto& v : c.db)
        v += p.design.preampDb;
    c.name = "eq";
    return c;
}

std::string presetCurvesCsv(const Preset& p)
{
    const auto& grid = presetDesignGrid();
    std::vector<FrequencyCurve> cols;
    std::string header = "frequency";
    for (std::size_t i = 0; i < p.measurement.size(); ++i) {
        cols.push_back(resample(p.measurement[i], grid));
        header += i == 0 ? ",measurement left" : ",measurement right";
    }
    FrequencyCurve mean;
    if (!p.measurement.empty()) {
        mean = presetMeasurementOnGrid(p);
        cols.push_back(mean);
        header += ",measurement";
    }
    if (!p.target.empty()) {
        cols.push_back(presetTargetOnGrid(p));
        header += ",target";
    }
    const FrequencyCurve eq = presetEqCurve(p, grid, p.settings.fs);
    cols.push_back(eq);
    header += ",eq";
    if (!mean.empty()) {
        cols.push_back(add(mean, eq));
        header += ",corrected";
    }
    std::string out = header + "\n";
    char buf[32];
    for (std::size_t i = 0; i < grid.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.2f", grid[i]);
        out += buf;
        for (const auto& c : cols) {
            std::snprintf(buf, sizeof buf, ",%.3f", c.db[i]);
            out += buf;
        }
        out += "\n";
    }
    return out;
}

FirKernel presetImpulseResponse(const Preset& p, FirPhase phase, double fs, int taps)
{
    // Dense enough for Q 6 at every frequency; designFir holds the ends flat beyond the grid.
    const std::vector<double> grid = makeLogGrid(5.0, 0.49 * fs, 96.0);
    FirSettings s;
    s.phase = phase;
    s.fs = fs;
    s.taps = taps;
    return designFir(presetEqCurve(p, grid, fs), s);
}

Preset presetFromDesign(const PeqDesign& design, const std::string& name, double fs)
{
    Preset p;
    p.name = name;
    p.notes = "Imported from an Equalizer APO ParametricEQ file; no curves.";
    p.settings.layout = PeqLayout::Free;
    p.settings.numFilters = std::max<int>(1, static_cast<int>(design.filters.size()));
    p.settings.fs = fs;
    p.design = design;
    return p;
}

Preset presetFromGraphicEq(const FrequencyCurve& graphic, const std::string& name, int numFilters, double fs)
{
    Preset p;
    p.name = name;
    p.notes = "Imported from a GraphicEQ file: its curve (the target) fitted with " + std::to_string(numFilters)
              + " parametric filters.";
    p.targetName = "GraphicEQ";
    p.target = graphic;
    p.target.name = "GraphicEQ";
    FrequencyCurve flat;
    flat.name = "flat";
    flat.freq = { 20.0, 20000.0 };
    flat.db = { 0.0, 0.0 };
    p.measurement = { flat };
    p.settings.layout = PeqLayout::Free;
    p.settings.numFilters = numFilters;
    p.settings.fs = fs;
    p.settings.fitHiHz = 20000.0;
    p.settings.maxBoostDb = 30.0;
    p.settings.maxGainDb = 30.0;
    PeqSettings s = peqSettings(p.settings);
    s.deweightFactor = 1.0;
    s.trebleMeanWeight = 0.0;
    s.maxBoostQ = s.maxQ;
    const auto& grid = presetDesignGrid();
    p.design = designPeq(resample(flat, grid), resample(graphic, grid), s);
    // The graphic curve already carries its level (its preamp): keep it, do not re-derive it.
    const FrequencyCurve eq = eqCurve(p.design.filters, grid, fs);
    double offset = 0.0;
    for (std::size_t i = 0; i < grid.size(); ++i)
        offset += levelAt(graphic, grid[i]) - eq.db[i];
    p.design.preampDb = std::round(10.0 * offset / static_cast<double>(grid.size())) / 10.0;
    return p;
}

Preset importPresetFile(const std::string& path)
{
    const std::string text = readFileBytes(path, kMaxPresetBytes);
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const std::string stem = std::filesystem::path(path).stem().string();
    if (first != std::string::npos && text[first] == '{')
        return presetFromJson(text, path);
    if (text.find("GraphicEQ:") != std::string::npos)
        return presetFromGraphicEq(parseGraphicEq(text, path), stem);
    return presetFromDesign(parseApo(text, path), stem);
}

std::string exportPreset(const Preset& p, const std::string& path, PresetFileFormat format, const ExportOptions& o)
{
    switch (format) {
    case PresetFileFormat::Json:
        savePresetFile(path, p);
        return "iemeq preset JSON";
    case PresetFileFormat::Apo:
        writeFileAtomically(path, formatApo(p.design));
        return "Equalizer APO ParametricEQ (" + std::to_string(p.design.filters.size()) + " filters)";
    case PresetFileFormat::GraphicEq:
        writeFileAtomically(path, formatGraphicEq(p.design, p.settings.fs));
        return "GraphicEQ (127 points)";
    case PresetFileFormat::Csv:
        writeFileAtomically(path, presetCurvesCsv(p));
        return "CSV of the curves";
    case PresetFileFormat::Wav: {
        const double fs = o.fs > 0 ? o.fs : p.settings.fs;
        const FirKernel k = presetImpulseResponse(p, o.phase, fs, o.taps);
        const double g = writeImpulseResponseWav(path, { k.taps }, fs, o.pcm24 ? WavSampleFormat::Pcm24 : WavSampleFormat::Float32);
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s-phase impulse response, %zu taps at %.0f Hz, %s%s",
                      o.phase == FirPhase::Linear ? "linear" : "minimum", k.taps.size(), fs, o.pcm24 ? "24-bit" : "32-bit float",
                      g < 0 ? (", attenuated " + std::to_string(-g).substr(0, 4) + " dB to fit 24-bit").c_str() : "");
        return buf;
    }
    }
    return "";
}

} // namespace iemeq
