#include "PresetExport.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"
#include "../curve/LogGrid.h"
#include "../io/ApoFormat.h"
#include "../io/FileKind.h"
#include "../io/GraphicEq.h"
#include "../io/ImpulseResponseWav.h"
#include "../core/Limits.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

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

PresetFileFormat formatFromName(const std::string& name)
{
    if (name == "json") return PresetFileFormat::Json;
    if (name == "apo") return PresetFileFormat::Apo;
    if (name == "graphiceq") return PresetFileFormat::GraphicEq;
    if (name == "wav") return PresetFileFormat::Wav;
    if (name == "csv") return PresetFileFormat::Csv;
    throw Error("unknown format '" + name + "' (json, apo, graphiceq, wav or csv)");
}

FrequencyCurve correctionEqCurve(const Correction& c, int channel, const std::vector<double>& grid)
{
    const ChannelCorrection& ch = c.forOutput(channel);
    FrequencyCurve out;
    if (!ch.firTaps.empty()) {
        out.freq = grid;
        out.db.resize(grid.size());
        for (std::size_t i = 0; i < grid.size(); ++i)
            out.db[i] = firMagnitudeDb(ch.firTaps, std::min(grid[i], 0.499 * c.fs), c.fs);
    } else {
        out = eqCurve(ch.filters, grid, c.fs);
    }
    for (auto& v : out.db)
        v += c.preampDb;
    out.name = "eq";
    return out;
}

namespace {

bool perChannel(const Correction& c) { return c.perChannel.size() > 1; }

void requireParametric(const Correction& c, const char* what)
{
    if (c.mode != CorrectionMode::Parametric)
        throw Error(std::string(what) + " holds parametric filters only: this is an FIR correction "
                    "(export it as a WAV impulse response or a GraphicEQ instead)");
}

std::string filterLines(const std::vector<PeqFilter>& filters)
{
    // formatApo writes AutoEq's exact syntax; keep only its filter lines for one channel.
    PeqDesign d;
    d.filters = filters;
    std::string out, line;
    for (char ch : formatApo(d) + "\n") {
        if (ch != '\n') {
            line += ch;
            continue;
        }
        if (line.rfind("Filter", 0) == 0)
            out += line + "\n";
        line.clear();
    }
    return out;
}

} // namespace

std::string correctionApo(const Correction& c)
{
    requireParametric(c, "a ParametricEQ.txt");
    char head[160];
    std::snprintf(head, sizeof head, "# iemeq: fitted for %.0f Hz; at another rate re-fit it (iemeq render/plugin do)\n"
                                     "Preamp: %.1f dB\n", c.fs, c.preampDb);
    std::string out = head;
    if (!perChannel(c))
        return out + filterLines(c.perChannel.front().filters);
    const char* names[] = { "L", "R" };
    for (std::size_t ch = 0; ch < 2; ++ch)
        out += std::string("Channel: ") + names[ch] + "\n" + filterLines(c.perChannel[ch].filters);
    return out + "Channel: all\n";
}

std::string correctionGraphicEq(const Correction& c)
{
    const auto freqs = graphicEqFrequencies();
    auto one = [&](int ch) {
        FrequencyCurve eq = correctionEqCurve(c, ch, freqs);
        return formatGraphicEq(eq);
    };
    if (!perChannel(c))
        return one(0);
    return "Channel: L\n" + one(0) + "Channel: R\n" + one(1) + "Channel: all\n";
}

std::string correctionCurvesCsv(const CorrectionSpec& spec, const Correction& c)
{
    const auto& grid = designGrid();
    std::vector<FrequencyCurve> cols;
    std::string header = "frequency";
    const char* side[] = { "left", "right" };
    for (std::size_t i = 0; i < spec.measurement.size(); ++i) {
        cols.push_back(resample(spec.measurement[i], grid));
        header += std::string(",measurement ") + side[i];
    }
    const bool two = perChannel(c);
    for (std::size_t ch = 0; ch < c.perChannel.size(); ++ch)
        if (!c.perChannel[ch].measurement.empty()) {
            cols.push_back(c.perChannel[ch].measurement);
            header += two ? std::string(",corrected channel ") + side[ch] : std::string(",measurement");
        }
    if (c.hasCurves()) {
        cols.push_back(c.target);
        header += ",target";
    }
    for (std::size_t ch = 0; ch < c.perChannel.size(); ++ch) {
        const FrequencyCurve eq = correctionEqCurve(c, static_cast<int>(ch), grid);
        cols.push_back(eq);
        header += two ? std::string(",eq ") + side[ch] : std::string(",eq");
        if (!c.perChannel[ch].measurement.empty()) {
            cols.push_back(add(c.perChannel[ch].measurement, eq));
            header += two ? std::string(",corrected ") + side[ch] : std::string(",corrected");
        }
    }
    std::string out = header + "\n";
    char buf[32];
    for (std::size_t i = 0; i < grid.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.2f", grid[i]);
        out += buf;
        for (const auto& col : cols) {
            std::snprintf(buf, sizeof buf, ",%.3f", col.db[i]);
            out += buf;
        }
        out += "\n";
    }
    return out;
}

std::vector<std::vector<double>> correctionImpulseResponses(const Correction& c, const ImpulseOptions& o)
{
    const double preamp = std::pow(10.0, c.preampDb / 20.0);
    std::vector<std::vector<double>> out;
    for (std::size_t ch = 0; ch < c.perChannel.size(); ++ch) {
        const ChannelCorrection& cc = c.perChannel[ch];
        std::vector<double> ir;
        if (!cc.firTaps.empty()) {
            for (float t : cc.firTaps)
                ir.push_back(preamp * static_cast<double>(t));
        } else if (o.phase == FirPhase::Minimum) {
            // The biquads' own impulse response, in double: exactly what the cascade does.
            const int n = o.taps > 0 ? o.taps : defaultFirLength(c.fs);
            ir.assign(static_cast<std::size_t>(n), 0.0);
            ir[0] = preamp;
            for (const auto& f : cc.filters) {
                const BiquadCoeffs k = rbjCoefficients(f, c.fs);
                double s1 = 0.0, s2 = 0.0;
                for (auto& x : ir) {
                    const double y = k.b0 * x + s1;
                    s1 = k.b1 * x - k.a1 * y + s2;
                    s2 = k.b2 * x - k.a2 * y;
                    x = y;
                }
            }
        } else {
            const std::vector<double> grid = makeLogGrid(5.0, 0.49 * c.fs, 96.0);
            FirSettings s;
            s.phase = FirPhase::Linear;
            s.fs = c.fs;
            s.taps = o.taps;
            ir = designFir(correctionEqCurve(c, static_cast<int>(ch), grid), s).taps;
        }
        out.push_back(std::move(ir));
    }
    return out;
}

Preset presetFromDesign(const PeqDesign& design, const std::string& name, double fs)
{
    Preset p;
    p.name = name;
    p.notes = "Imported from an Equalizer APO ParametricEQ file: filters only (no curves), realised as given.";
    p.spec.peq.layout = PeqLayout::Free;
    p.spec.peq.numFilters = std::clamp<int>(static_cast<int>(design.filters.size()), 1, kMaxFilters);
    p.spec.designRate = fs;
    p.spec.manualFilters = { design.filters };
    p.result = resultOf(designCorrection(p.spec, fs));
    return p;
}

namespace {

FrequencyCurve flatCurve(const std::string& name)
{
    FrequencyCurve flat;
    flat.name = name;
    flat.freq = { 20.0, 20000.0 };
    flat.db = { 0.0, 0.0 };
    return flat;
}

// A graphic curve is an EQ, not a coupler measurement: the spec fits it all, evenly, and keeps
// the filters as they are (the fit's special weighting is not part of a spec).
CorrectionSpec graphicSpec(int numFilters, double fs)
{
    CorrectionSpec spec;
    spec.peq.layout = PeqLayout::Free;
    spec.peq.numFilters = numFilters;
    spec.peq.fitHiHz = 20000.0;
    spec.peq.maxBoostDb = 30.0;
    spec.peq.maxGainDb = 30.0;
    spec.designRate = fs;
    return spec;
}

std::vector<PeqFilter> fitGraphic(const CorrectionSpec& spec, const FrequencyCurve& graphic)
{
    PeqSettings s = spec.peq;
    s.fs = spec.designRate;
    s.treble = TreblePolicy::Fit;
    s.deweightFactor = 1.0;
    s.trebleMeanWeight = 0.0;
    s.maxBoostQ = s.maxQ;
    const auto& grid = designGrid();
    return designPeq(resample(flatCurve("flat"), grid), resample(graphic, grid), s).filters;
}

} // namespace

Preset presetFromGraphicEq(const FrequencyCurve& graphic, const std::string& name, int numFilters, double fs)
{
    Preset p;
    p.name = name;
    p.notes = "Imported from a GraphicEQ file: its curve (the target) fitted with " + std::to_string(numFilters)
              + " parametric filters, kept as given.";
    p.spec = graphicSpec(numFilters, fs);
    p.spec.targetName = "GraphicEQ";
    p.spec.target = graphic;
    p.spec.target.name = "GraphicEQ";
    p.spec.measurement = { flatCurve("flat") };
    p.spec.manualFilters = { fitGraphic(p.spec, graphic) };
    p.result = resultOf(designCorrection(p.spec, fs));
    return p;
}

Preset presetFromGraphicEqChannels(const FrequencyCurve& left, const FrequencyCurve& right, const std::string& name,
                                   int numFilters, double fs)
{
    Preset p;
    p.name = name;
    p.notes = "Imported from a GraphicEQ file with Channel: L and R curves, each fitted with "
              + std::to_string(numFilters) + " parametric filters, kept as given. Each channel's curve is "
              + "kept inverted as its measurement against a flat target; the quieter channel's level "
              + "difference is a low + high shelf pair at 1 kHz (together a flat gain).";
    p.spec = graphicSpec(numFilters, fs);
    p.spec.channels = ChannelMode::Separate;
    p.spec.targetName = "flat";
    p.spec.target = flatCurve("flat");
    double level[2] = {};
    for (const FrequencyCurve* c : { &left, &right }) {
        FrequencyCurve inverted = *c;
        for (double& d : inverted.db)
            d = -d;
        inverted.name = std::string("GraphicEQ ") + (c == &left ? "L" : "R") + " (inverted)";
        p.spec.measurement.push_back(std::move(inverted));
        p.spec.manualFilters.push_back(fitGraphic(p.spec, *c));
        // The fit leaves the curve's overall level to the preamp (mean of curve - filters).
        double sum = 0.0;
        for (std::size_t i = 0; i < c->size(); ++i)
            sum += c->db[i] - eqResponseDb(p.spec.manualFilters.back(), c->freq[i], fs);
        level[c == &left ? 0 : 1] = c->empty() ? 0.0 : sum / static_cast<double>(c->size());
    }
    // One preamp serves both channels, so the quieter channel gets its level difference back in
    // its filters: a low and a high shelf at one frequency with the same Q and gain multiply to
    // exactly that gain at every frequency (RBJ shelves: LS(g) HS(g) = g).
    const int quiet = level[0] < level[1] ? 0 : 1;
    const double balanceDb = std::round((level[quiet] - level[1 - quiet]) * 10.0) / 10.0;  // APO's 0.1 dB
    if (balanceDb <= -0.1) {
        auto& filters = p.spec.manualFilters[static_cast<std::size_t>(quiet)];
        filters.push_back({ FilterType::LowShelf, 1000.0, balanceDb, 0.71 });
        filters.push_back({ FilterType::HighShelf, 1000.0, balanceDb, 0.71 });
        p.spec.peq.numFilters = static_cast<int>(std::max(p.spec.manualFilters[0].size(), p.spec.manualFilters[1].size()));
    }
    p.result = resultOf(designCorrection(p.spec, fs));
    return p;
}

namespace {

// APO's "Channel: L R" / "Channel: all" / "Channel: 1" lines select the channels the filters that
// follow apply to (what correctionApo writes for a separate correction). The text for one side
// (0 = L, 1 = R): lines for other channels blanked, so parseApo's line numbers stay right.
std::string apoTextForSide(const std::string& text, int side)
{
    std::string out, line;
    bool selected = true;  // before any Channel: line, filters apply to every channel
    std::istringstream in(text);
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string head;
        ls >> head;
        if (lower(head) == "channel:") {
            selected = false;
            for (std::string ch; ls >> ch;) {
                ch = lower(ch);
                if (ch == "all" || ch == (side == 0 ? "l" : "r") || ch == (side == 0 ? "1" : "2"))
                    selected = true;
            }
        }
        out += (selected ? line : std::string()) + "\n";
    }
    return out;
}

// Whether the file sets a preamp at all (without one, the clip-safe preamp is computed).
bool hasApoPreampLine(const std::string& text)
{
    std::istringstream in(text);
    for (std::string line, head; std::getline(in, line);)
        if (std::istringstream(line) >> head && lower(head).rfind("preamp", 0) == 0)
            return true;
    return false;
}

bool hasApoChannelLines(const std::string& text)
{
    std::istringstream in(text);
    for (std::string line, head; std::getline(in, line);)
        if (std::istringstream(line) >> head && lower(head) == "channel:")
            return true;
    return false;
}

Preset presetFromChannels(const PeqDesign& left, const PeqDesign& right, const std::string& name)
{
    Preset p = presetFromDesign(left, name);
    p.spec.channels = ChannelMode::Separate;
    p.spec.peq.numFilters = std::clamp<int>(static_cast<int>(std::max(left.filters.size(), right.filters.size())), 1, kMaxFilters);
    p.spec.manualFilters = { left.filters, right.filters };
    p.result = resultOf(designCorrection(p.spec, p.spec.designRate));
    return p;
}

} // namespace

Preset importPresetFile(const std::string& path)
{
    const std::string text = readFileBytes(path, kMaxPresetBytes);
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const std::string stem = std::filesystem::path(path).stem().string();
    const auto notAPreset = [&] {
        const std::string kind = describeFileContent(text);
        return Error(path + ": " + (kind.empty() ? "has no filters" : "is " + kind)
                     + ", not a preset/APO file (iemeq JSON, ParametricEQ.txt or GraphicEQ.txt)");
    };
    if (text.rfind("RIFF", 0) == 0 || text.rfind("fLaC", 0) == 0 || text.find('\0') != std::string::npos)
        throw notAPreset();
    if (first != std::string::npos && (text[first] == '{' || text[first] == '['))
        return presetFromJson(text, path);
    if (text.find("GraphicEQ:") != std::string::npos) {
        // With Channel: sections (what correctionGraphicEq writes for a separate correction): one
        // curve per side, a separate preset when they differ.
        if (!hasApoChannelLines(text))
            return presetFromGraphicEq(parseGraphicEq(text, path), stem);
        const FrequencyCurve left = parseGraphicEq(apoTextForSide(text, 0), path);
        const FrequencyCurve right = parseGraphicEq(apoTextForSide(text, 1), path);
        if (left.freq == right.freq && left.db == right.db)
            return presetFromGraphicEq(left, stem);
        return presetFromGraphicEqChannels(left, right, stem);
    }
    // With APO's Channel: sections: the left channel's filters, or one list per channel when
    // L and R differ (what correctionApo writes for a separate correction).
    const bool sections = hasApoChannelLines(text);
    const PeqDesign d = parseApo(sections ? apoTextForSide(text, 0) : text, path);
    Preset p;
    if (sections) {
        const PeqDesign right = parseApo(apoTextForSide(text, 1), path);
        if (right.filters != d.filters)
            p = presetFromChannels(d, right, stem);
    }
    if (p.spec.manualFilters.empty()) {
        if (d.filters.empty())
            throw notAPreset();
        p = presetFromDesign(d, stem);
    }
    if (hasApoPreampLine(text)) {
        p.spec.givenPreampDb = d.preampDb;
        p.result = resultOf(designCorrection(p.spec, p.spec.designRate));
    }
    return p;
}

std::string exportCorrection(const Preset& p, const Correction& c, const std::string& path, PresetFileFormat format,
                             const ExportOptions& o)
{
    switch (format) {
    case PresetFileFormat::Json:
        savePresetFile(path, p);
        return "iemeq preset JSON";
    case PresetFileFormat::Apo:
        writeFileAtomically(path, correctionApo(c));
        return "Equalizer APO ParametricEQ (" + std::to_string(c.perChannel.front().filters.size()) + " filters"
               + (perChannel(c) ? " per channel)" : ")");
    case PresetFileFormat::GraphicEq:
        writeFileAtomically(path, correctionGraphicEq(c));
        return std::string("GraphicEQ (127 points") + (perChannel(c) ? " per channel)" : ")");
    case PresetFileFormat::Csv:
        writeFileAtomically(path, correctionCurvesCsv(p.spec, c));
        return "CSV of the curves";
    case PresetFileFormat::Wav: {
        const auto irs = correctionImpulseResponses(c, o.impulse);
        const double g = writeImpulseResponseWav(path, irs, c.fs, o.pcm24 ? WavSampleFormat::Pcm24 : WavSampleFormat::Float32);
        const bool fir = c.mode != CorrectionMode::Parametric;
        const bool linear = fir ? c.mode == CorrectionMode::FirLinearPhase : o.impulse.phase == FirPhase::Linear;
        char buf[200];
        std::snprintf(buf, sizeof buf, "%s %s-phase impulse response, %zu taps at %.0f Hz, %s%s",
                      irs.size() > 1 ? "stereo" : "mono-in-stereo", linear ? "linear" : "minimum", irs.front().size(), c.fs,
                      o.pcm24 ? "24-bit" : "32-bit float",
                      g < 0 ? (", attenuated " + std::to_string(-g).substr(0, 4) + " dB to fit 24-bit").c_str() : "");
        return buf;
    }
    }
    return "";
}

} // namespace iemeq
