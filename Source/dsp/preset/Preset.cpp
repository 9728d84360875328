#include "Preset.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"
#include "../curve/LogGrid.h"
#include "../engine/BiquadCascade.h"
#include "PresetJsonReader.h"
#include "PresetJsonWriter.h"

#include <cmath>

namespace iemeq {

using ojson = nlohmann::ordered_json;

PresetDesignSettings::PresetDesignSettings(const PeqSettings& s)
    : layout(s.layout), numFilters(s.numFilters), fs(s.fs), fitLoHz(s.fitLoHz), fitHiHz(s.fitHiHz),
      maxBoostDb(s.maxBoostDb), maxGainDb(s.maxGainDb), minQ(s.minQ), maxQ(s.maxQ)
{
}

PeqSettings peqSettings(const PresetDesignSettings& p)
{
    PeqSettings s;
    s.layout = p.layout;
    s.numFilters = p.numFilters;
    s.fs = p.fs;
    s.fitLoHz = p.fitLoHz;
    s.fitHiHz = p.fitHiHz;
    s.maxBoostDb = p.maxBoostDb;
    s.maxGainDb = p.maxGainDb;
    s.minQ = p.minQ;
    s.maxQ = p.maxQ;
    return s;
}

const std::vector<double>& presetDesignGrid()
{
    static const std::vector<double> grid = makeRatioGrid(20.0, 20000.0, 1.01);
    return grid;
}

FrequencyCurve presetMeasurementOnGrid(const Preset& p)
{
    if (p.measurement.empty())
        throw Error("preset '" + p.name + "' has no measurement");
    return averageDb(p.measurement, presetDesignGrid());
}

FrequencyCurve presetTargetOnGrid(const Preset& p)
{
    if (p.target.empty())
        throw Error("preset '" + p.name + "' has no target");
    FrequencyCurve t = resample(p.target, presetDesignGrid());
    if (!p.adjustments.isNeutral())
        t = applyAdjustments(t, p.adjustments);
    t.name = p.target.name;
    return t;
}

PeqDesign designFromPreset(const Preset& p)
{
    return designPeq(presetMeasurementOnGrid(p), presetTargetOnGrid(p), peqSettings(p.settings));
}

// --- writing -----------------------------------------------------------------------------------

namespace {

ojson curveJson(const FrequencyCurve& c)
{
    ojson points = ojson::array();
    for (std::size_t i = 0; i < c.size(); ++i)
        points.push_back(ojson::array({ c.freq[i], c.db[i] }));
    ojson j = ojson::object();
    j["name"] = c.name;
    j["points"] = std::move(points);
    return j;
}

ojson shelfJson(double gain, double freq, double q)
{
    ojson j = ojson::object();
    j["gainDb"] = gain;
    j["freqHz"] = freq;
    j["q"] = q;
    return j;
}

} // namespace

std::string presetToJson(const Preset& p)
{
    ojson j = ojson::object();
    j["format"] = "iemeq-preset";
    j["version"] = kPresetVersion;
    j["name"] = p.name;
    j["author"] = p.author;
    j["notes"] = p.notes;
    j["iem"] = { { "name", p.iemName }, { "source", p.measurementSource } };

    const auto& s = p.settings;
    ojson d = ojson::object();
    d["mode"] = s.mode == CorrectionKind::Fir ? "fir" : "parametric";
    d["layout"] = s.layout == PeqLayout::AutoEq ? "autoeq" : "free";
    d["filters"] = s.numFilters;
    d["sampleRate"] = s.fs;
    d["fitLowHz"] = s.fitLoHz;
    d["fitHighHz"] = s.fitHiHz;
    d["maxBoostDb"] = s.maxBoostDb;
    d["maxGainDb"] = s.maxGainDb;
    d["minQ"] = s.minQ;
    d["maxQ"] = s.maxQ;
    d["firLength"] = s.firLength;
    d["phase"] = s.phase == FirPhase::Linear ? "linear" : "minimum";
    j["design"] = std::move(d);

    ojson filters = ojson::array();
    for (const auto& f : p.design.filters) {
        ojson fj = ojson::object();
        fj["type"] = apoName(f.type);
        fj["fc"] = f.fc;
        fj["gain"] = f.gainDb;
        fj["q"] = f.q;
        filters.push_back(std::move(fj));
    }
    j["result"] = { { "preampDb", p.design.preampDb }, { "filters", std::move(filters) } };

    const auto& a = p.adjustments;
    ojson adj = ojson::object();
    adj["bass"] = shelfJson(a.bassGainDb, a.bassFreqHz, a.bassQ);
    adj["tilt"] = { { "dbPerOctave", a.tiltDbPerOctave }, { "pivotHz", a.tiltPivotHz } };
    adj["treble"] = shelfJson(a.trebleGainDb, a.trebleFreqHz, a.trebleQ);
    adj["earGain"] = shelfJson(a.earGainDb, a.earGainFreqHz, a.earGainQ);
    j["adjustments"] = std::move(adj);

    j["target"] = { { "name", p.targetName }, { "curve", curveJson(p.target) } };
    ojson meas = ojson::array();
    for (const auto& c : p.measurement)
        meas.push_back(curveJson(c));
    j["measurement"] = std::move(meas);
    return writeCanonicalJson(j);
}

// --- reading -----------------------------------------------------------------------------------

namespace {

FrequencyCurve readCurve(const PresetJsonReader& r, const ojson& j, const std::string& path)
{
    FrequencyCurve c;
    c.name = r.text(j, "name", path, "");
    const ojson& pts = r.array(j, "points", path);
    // Empty is allowed: a preset imported from a ParametricEQ.txt carries no curves.
    if (pts.size() == 1 || pts.size() > 100000)
        throw r.error(path + ".points", "needs 0 or 2 to 100000 points, has " + std::to_string(pts.size()));
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const std::string where = path + ".points[" + std::to_string(i) + "]";
        if (!pts[i].is_array() || pts[i].size() != 2)
            throw r.error(where, "expected a [frequency, dB] pair");
        const double f = r.number(pts[i][0], where + "[0]", 1e-3, 1e6);
        const double db = r.number(pts[i][1], where + "[1]", -300.0, 300.0);
        if (!c.freq.empty() && f <= c.freq.back())
            throw r.error(where, "frequencies must increase (" + std::to_string(f) + " Hz after "
                                     + std::to_string(c.freq.back()) + " Hz)");
        c.freq.push_back(f);
        c.db.push_back(db);
    }
    return c;
}

void readShelf(const PresetJsonReader& r, const ojson& parent, const std::string& key, const std::string& path,
               double& gain, double& freq, double& q)
{
    const ojson& j = r.object(parent, key, path);
    const std::string p = path + "." + key;
    gain = r.number(j, "gainDb", p, -30.0, 30.0);
    freq = r.number(j, "freqHz", p, 10.0, 40000.0);
    q = r.number(j, "q", p, 0.1, 20.0);
}

Preset readV2(const PresetJsonReader& r, const ojson& j)
{
    Preset p;
    p.name = r.text(j, "name", "", "");
    p.author = r.text(j, "author", "", "");
    p.notes = r.text(j, "notes", "", "");
    if (j.contains("iem")) {
        const ojson& iem = r.object(j, "iem", "");
        p.iemName = r.text(iem, "name", "iem", "");
        p.measurementSource = r.text(iem, "source", "iem", "");
    }

    const ojson& d = r.object(j, "design", "");
    auto& s = p.settings;
    s.mode = r.choice(d, "mode", "design", { "parametric", "fir" }) == 1 ? CorrectionKind::Fir : CorrectionKind::Parametric;
    s.layout = r.choice(d, "layout", "design", { "autoeq", "free" }) == 0 ? PeqLayout::AutoEq : PeqLayout::Free;
    s.numFilters = r.integer(d, "filters", "design", 1, BiquadCascade::kMaxSections);
    s.fs = r.number(d, "sampleRate", "design", 8000.0, 768000.0);
    s.fitLoHz = r.number(d, "fitLowHz", "design", 1.0, 20000.0);
    s.fitHiHz = r.number(d, "fitHighHz", "design", 20.0, 24000.0);
    if (s.fitHiHz <= s.fitLoHz)
        throw r.error("design.fitHighHz", "must be above fitLowHz");
    s.maxBoostDb = r.number(d, "maxBoostDb", "design", 0.0, 30.0);
    s.maxGainDb = r.number(d, "maxGainDb", "design", 0.0, 30.0);
    s.minQ = r.number(d, "minQ", "design", 0.05, 20.0);
    s.maxQ = r.number(d, "maxQ", "design", 0.05, 20.0);
    if (s.maxQ < s.minQ)
        throw r.error("design.maxQ", "must not be below minQ");
    s.firLength = r.integer(d, "firLength", "design", 0, 1 << 20);
    if (s.firLength != 0 && s.firLength < 16)
        throw r.error("design.firLength", "must be 0 (default) or at least 16 taps");
    s.phase = r.choice(d, "phase", "design", { "minimum", "linear" }) == 1 ? FirPhase::Linear : FirPhase::Minimum;

    const ojson& res = r.object(j, "result", "");
    p.design.preampDb = r.number(res, "preampDb", "result", -60.0, 30.0);
    const ojson& filters = r.array(res, "filters", "result");
    if (filters.size() > static_cast<std::size_t>(BiquadCascade::kMaxSections))
        throw r.error("result.filters", "has " + std::to_string(filters.size()) + " filters (max "
                                            + std::to_string(BiquadCascade::kMaxSections) + ")");
    for (std::size_t i = 0; i < filters.size(); ++i) {
        const std::string where = "result.filters[" + std::to_string(i) + "]";
        if (!filters[i].is_object())
            throw r.error(where, "expected an object {type, fc, gain, q}");
        PeqFilter f;
        const std::string type = r.text(filters[i], "type", where, std::nullopt);
        try {
            f.type = filterTypeFromName(type);
        } catch (const Error&) {
            throw r.error(where + ".type", "unknown filter type '" + type + "' (PK, LSC or HSC)");
        }
        f.fc = r.number(filters[i], "fc", where, 1.0, 100000.0);
        f.gainDb = r.number(filters[i], "gain", where, -30.0, 30.0);
        f.q = r.number(filters[i], "q", where, 0.01, 100.0);
        p.design.filters.push_back(f);
    }

    if (j.contains("adjustments")) {
        const ojson& a = r.object(j, "adjustments", "");
        auto& adj = p.adjustments;
        readShelf(r, a, "bass", "adjustments", adj.bassGainDb, adj.bassFreqHz, adj.bassQ);
        const ojson& tilt = r.object(a, "tilt", "adjustments");
        adj.tiltDbPerOctave = r.number(tilt, "dbPerOctave", "adjustments.tilt", -6.0, 6.0);
        adj.tiltPivotHz = r.number(tilt, "pivotHz", "adjustments.tilt", 10.0, 40000.0);
        readShelf(r, a, "treble", "adjustments", adj.trebleGainDb, adj.trebleFreqHz, adj.trebleQ);
        readShelf(r, a, "earGain", "adjustments", adj.earGainDb, adj.earGainFreqHz, adj.earGainQ);
    }

    const ojson& t = r.object(j, "target", "");
    p.targetName = r.text(t, "name", "target", "");
    p.target = readCurve(r, r.object(t, "curve", "target"), "target.curve");
    const ojson& meas = r.array(j, "measurement", "");
    if (meas.size() > 2)
        throw r.error("measurement", "needs at most 2 curves (L, R), has " + std::to_string(meas.size()));
    for (std::size_t i = 0; i < meas.size(); ++i) {
        const std::string where = "measurement[" + std::to_string(i) + "]";
        if (!meas[i].is_object())
            throw r.error(where, "expected a curve object {name, points}");
        p.measurement.push_back(readCurve(r, meas[i], where));
    }
    return p;
}

} // namespace

Preset presetFromJson(const std::string& text, const std::string& src)
{
    if (text.size() > kMaxPresetBytes)
        throw Error(src + ": too large for a preset (" + std::to_string(text.size() >> 20) + " MiB; limit "
                    + std::to_string(kMaxPresetBytes >> 20) + " MiB)");
    ojson j;
    try {
        j = ojson::parse(text);
    } catch (const ojson::exception& e) {
        // e.what() carries the line and column of the syntax error.
        throw Error(src + ": not valid JSON: " + std::string(e.what()));
    }
    const PresetJsonReader r { src };
    if (!j.is_object() || !j.contains("format") || j["format"] != "iemeq-preset")
        throw Error(src + ": not an iemeq preset (no \"format\": \"iemeq-preset\")");
    const int version = r.integer(j, "version", "", 1, 1000000);
    if (version > kPresetVersion)
        throw Error(src + ": preset version " + std::to_string(version) + " is newer than this iemeq understands ("
                    + std::to_string(kPresetVersion) + "); please update iemeq");
    if (version == 1)
        j = migratePresetV1(r, j);
    return readV2(r, j);
}

Preset loadPresetFile(const std::string& path)
{
    return presetFromJson(readFileBytes(path, kMaxPresetBytes), path);
}

void savePresetFile(const std::string& path, const Preset& preset)
{
    writeFileAtomically(path, presetToJson(preset));
}

bool tryLoadPresetFile(const std::string& path, Preset& out, std::string& error)
{
    try {
        Preset p = loadPresetFile(path);
        out = std::move(p);
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

} // namespace iemeq
