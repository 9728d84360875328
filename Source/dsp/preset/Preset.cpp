#include "Preset.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"
#include "../curve/LogGrid.h"
#include "../core/Limits.h"
#include "../io/FileKind.h"
#include "PresetJsonReader.h"
#include "PresetJsonWriter.h"

#include <cmath>

namespace iemeq {

using ojson = nlohmann::ordered_json;

PeqDesign Preset::firstChannel() const
{
    PeqDesign d;
    d.preampDb = result.preampDb;
    if (!result.filters.empty())
        d.filters = result.filters.front();
    return d;
}

PresetResult resultOf(const Correction& c)
{
    PresetResult r;
    r.fs = c.fs;
    r.preampDb = c.preampDb;
    r.latencySamples = c.latencySamples;
    for (const auto& ch : c.perChannel) {
        if (!ch.firTaps.empty())
            r.firTaps = static_cast<int>(ch.firTaps.size());
        else
            r.filters.push_back(ch.filters);
    }
    return r;
}

Preset makePreset(const CorrectionSpec& spec, const Correction& c, const std::string& name)
{
    Preset p;
    p.name = name;
    p.spec = spec;
    p.result = resultOf(c);
    return p;
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

ojson filtersJson(const std::vector<PeqFilter>& filters)
{
    ojson out = ojson::array();
    for (const auto& f : filters) {
        ojson fj = ojson::object();
        fj["type"] = apoName(f.type);
        fj["fc"] = f.fc;
        fj["gain"] = f.gainDb;
        fj["q"] = f.q;
        out.push_back(std::move(fj));
    }
    return out;
}

// The device profile in its own file format (Presets/devices/), so the reader is the same.
ojson deviceJson(const DeviceProfile& d)
{
    ojson j = ojson::object();
    j["name"] = d.name;
    j["maxFilters"] = d.maxFilters;
    ojson types = ojson::array();
    for (auto t : d.types)
        types.push_back(apoName(t));
    j["types"] = std::move(types);
    if (d.fixedFrequencies.empty())
        j["fc"] = ojson::array({ d.fcMin, d.fcMax });
    else
        j["fixedFrequencies"] = d.fixedFrequencies;
    if (d.fixedQ > 0.0)
        j["fixedQ"] = d.fixedQ;
    else
        j["q"] = ojson::array({ d.qMin, d.qMax });
    j["gain"] = ojson::array({ d.gainMin, d.gainMax });
    j["gainStep"] = d.gainStep;
    j["fcStep"] = d.fcStep;
    j["qStep"] = d.qStep;
    j["preamp"] = d.preamp;
    return j;
}

} // namespace

std::string presetToJson(const Preset& p)
{
    const CorrectionSpec& spec = p.spec;
    ojson j = ojson::object();
    j["format"] = "iemeq-preset";
    j["version"] = kPresetVersion;
    j["name"] = p.name;
    j["author"] = p.author;
    j["notes"] = p.notes;
    j["iem"] = { { "name", spec.iemName }, { "source", spec.measurementSource } };
    if (!spec.measurementOrigin.empty())  // only for library measurements: other presets stay as they were
        j["iem"]["origin"] = library::originToJson(spec.measurementOrigin);

    const PeqSettings& s = spec.peq;
    ojson d = ojson::object();
    d["mode"] = correctionModeName(spec.mode);
    d["channels"] = channelModeName(spec.channels);
    d["amount"] = spec.amount;
    d["autoPreamp"] = spec.autoPreamp;
    d["sampleRate"] = spec.designRate;
    d["layout"] = s.layout == PeqLayout::AutoEq ? "autoeq" : "free";
    d["filters"] = s.numFilters;
    d["fitLowHz"] = s.fitLoHz;
    d["fitHighHz"] = s.fitHiHz;
    d["maxBoostDb"] = s.maxBoostDb;
    d["maxGainDb"] = s.maxGainDb;
    d["minQ"] = s.minQ;
    d["maxQ"] = s.maxQ;
    d["treble"] = treblePolicyName(s.treble);
    d["firLength"] = spec.firLength;
    d["device"] = s.device ? deviceJson(*s.device) : ojson(nullptr);
    ojson manual = ojson::array();
    for (const auto& list : spec.manualFilters)
        manual.push_back(filtersJson(list));
    d["manualFilters"] = std::move(manual);
    d["givenPreampDb"] = spec.givenPreampDb ? ojson(*spec.givenPreampDb) : ojson(nullptr);
    j["design"] = std::move(d);

    const PresetResult& r = p.result;
    ojson res = ojson::object();
    res["sampleRate"] = r.fs;
    res["preampDb"] = r.preampDb;
    res["firTaps"] = r.firTaps;
    res["latencySamples"] = r.latencySamples;
    ojson channels = ojson::array();
    for (const auto& list : r.filters)
        channels.push_back(filtersJson(list));
    res["filters"] = std::move(channels);
    j["result"] = std::move(res);

    const auto& a = spec.adjustments;
    ojson adj = ojson::object();
    adj["bass"] = shelfJson(a.bassGainDb, a.bassFreqHz, a.bassQ);
    adj["tilt"] = { { "dbPerOctave", a.tiltDbPerOctave }, { "pivotHz", a.tiltPivotHz } };
    adj["treble"] = shelfJson(a.trebleGainDb, a.trebleFreqHz, a.trebleQ);
    adj["earGain"] = shelfJson(a.earGainDb, a.earGainFreqHz, a.earGainQ);
    j["adjustments"] = std::move(adj);

    j["target"] = { { "name", spec.targetName }, { "curve", curveJson(spec.target) } };
    ojson meas = ojson::array();
    for (const auto& c : spec.measurement)
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
    if (pts.size() == 1 || pts.size() > static_cast<std::size_t>(kCurveMaxPoints))
        throw r.error(path + ".points", "needs 0 or 2 to " + std::to_string(kCurveMaxPoints) + " points, has "
                                            + std::to_string(pts.size()));
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const std::string where = path + ".points[" + std::to_string(i) + "]";
        if (!pts[i].is_array() || pts[i].size() != 2)
            throw r.error(where, "expected a [frequency, dB] pair");
        const double f = r.number(pts[i][0], where + "[0]", kCurveFreqMinHz, kCurveFreqMaxHz);
        const double db = r.number(pts[i][1], where + "[1]", -kCurveDbMax, kCurveDbMax);
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

std::vector<PeqFilter> readFilters(const PresetJsonReader& r, const ojson& list, const std::string& path)
{
    if (!list.is_array())
        throw r.error(path, "expected a list of filters");
    if (list.size() > static_cast<std::size_t>(kMaxFilters))
        throw r.error(path, "has " + std::to_string(list.size()) + " filters (max " + std::to_string(kMaxFilters) + ")");
    std::vector<PeqFilter> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = path + "[" + std::to_string(i) + "]";
        if (!list[i].is_object())
            throw r.error(where, "expected an object {type, fc, gain, q}");
        PeqFilter f;
        const std::string type = r.text(list[i], "type", where, std::nullopt);
        try {
            f.type = filterTypeFromName(type);
        } catch (const Error&) {
            throw r.error(where + ".type", "unknown filter type '" + type + "' (PK, LSC or HSC)");
        }
        f.fc = r.number(list[i], "fc", where, kFilterFcMinHz, kFilterFcMaxHz);
        f.gainDb = r.number(list[i], "gain", where, -kFilterGainMaxDb, kFilterGainMaxDb);
        f.q = r.number(list[i], "q", where, kFilterQMin, kFilterQMax);
        out.push_back(f);
    }
    return out;
}

// One list of filters per channel: at least one list, at most two (L, R).
std::vector<std::vector<PeqFilter>> readChannelFilters(const PresetJsonReader& r, const ojson& parent,
                                                       const std::string& key, const std::string& path)
{
    const ojson& lists = r.array(parent, key, path);
    if (lists.size() > 2)
        throw r.error(path + "." + key, "needs at most 2 lists of filters (L, R), has " + std::to_string(lists.size()));
    std::vector<std::vector<PeqFilter>> out;
    for (std::size_t c = 0; c < lists.size(); ++c)
        out.push_back(readFilters(r, lists[c], path + "." + key + "[" + std::to_string(c) + "]"));
    return out;
}

// Version 2 to version 3: the FIR phase moves into the mode, the result gets a list per channel,
// and a preset without curves (an imported ParametricEQ.txt) keeps its filters as given.
ojson migrateV2(const ojson& v2)
{
    ojson j = v2;
    j["version"] = 3;
    ojson& d = j["design"];
    const bool fir = d.contains("mode") && d["mode"] == "fir";
    const bool linear = d.contains("phase") && d["phase"] == "linear";
    d["mode"] = fir ? (linear ? "fir-lin" : "fir-min") : "parametric";
    d.erase("phase");
    d["channels"] = "linked";
    d["amount"] = 1.0;
    d["autoPreamp"] = true;
    d["device"] = nullptr;
    const ojson filters = j.contains("result") && j["result"].is_object() && j["result"].contains("filters")
                              ? j["result"]["filters"] : ojson::array();
    const bool curves = j.contains("measurement") && j["measurement"].is_array() && !j["measurement"].empty();
    d["manualFilters"] = curves ? ojson::array() : ojson::array({ filters });
    // A filters-only v2 preset's preamp was the user's (or the imported file's): keep it.
    const bool hasPreamp = j.contains("result") && j["result"].is_object() && j["result"].contains("preampDb");
    d["givenPreampDb"] = !curves && hasPreamp ? j["result"]["preampDb"] : ojson(nullptr);
    ojson res = ojson::object();
    res["sampleRate"] = d.contains("sampleRate") ? d["sampleRate"] : ojson(48000.0);
    res["preampDb"] = j.contains("result") && j["result"].is_object() && j["result"].contains("preampDb")
                          ? j["result"]["preampDb"] : ojson(0.0);
    res["firTaps"] = 0;
    res["latencySamples"] = 0;
    res["filters"] = fir ? ojson::array() : ojson::array({ filters });
    j["result"] = std::move(res);
    return j;
}

Preset readV3(const PresetJsonReader& r, const ojson& j, bool incomplete)
{
    Preset p;
    CorrectionSpec& spec = p.spec;
    p.name = r.text(j, "name", "", "");
    p.author = r.text(j, "author", "", "");
    p.notes = r.text(j, "notes", "", "");
    if (j.contains("iem")) {
        const ojson& iem = r.object(j, "iem", "");
        spec.iemName = r.text(iem, "name", "iem", "");
        spec.measurementSource = r.text(iem, "source", "iem", "");
        if (iem.contains("origin"))
            spec.measurementOrigin = library::originFromJson(iem["origin"], r.source + ": iem.origin");
    }

    const ojson& d = r.object(j, "design", "");
    spec.mode = static_cast<CorrectionMode>(r.choice(d, "mode", "design", { "parametric", "fir-min", "fir-lin" }));
    spec.channels = r.choice(d, "channels", "design", { "linked", "separate" }) == 1 ? ChannelMode::Separate : ChannelMode::Average;
    spec.amount = r.number(d, "amount", "design", 0.0, 1.0);
    if (!d.contains("autoPreamp") || !d["autoPreamp"].is_boolean())
        throw r.error("design.autoPreamp", "expected true or false");
    spec.autoPreamp = d["autoPreamp"].get<bool>();
    spec.designRate = r.number(d, "sampleRate", "design", 8000.0, 768000.0);
    PeqSettings& s = spec.peq;
    s.layout = r.choice(d, "layout", "design", { "autoeq", "free" }) == 0 ? PeqLayout::AutoEq : PeqLayout::Free;
    s.numFilters = r.integer(d, "filters", "design", 1, kMaxFilters);
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
    // Presets written before the treble policy existed were not designed with one we can replay;
    // they get today's default, as the CLI and the editor would design them.
    s.treble = TreblePolicy::Smooth;
    if (d.contains("treble"))
        s.treble = static_cast<TreblePolicy>(r.choice(d, "treble", "design", { "smooth", "fit", "off" }));
    s.fs = spec.designRate;
    spec.firLength = r.integer(d, "firLength", "design", 0, 1 << 20);
    if (spec.firLength != 0 && spec.firLength < 16)
        throw r.error("design.firLength", "must be 0 (default) or at least 16 taps");
    if (d.contains("device") && !d["device"].is_null()) {
        if (!d["device"].is_object())
            throw r.error("design.device", "expected a device profile object or null");
        s.device = parseDeviceProfile(d["device"].dump(), r.source + ": design.device");
    }
    spec.manualFilters = readChannelFilters(r, d, "manualFilters", "design");
    if (d.contains("givenPreampDb") && !d["givenPreampDb"].is_null())
        spec.givenPreampDb = r.number(d, "givenPreampDb", "design", -60.0, 30.0);

    const ojson& res = r.object(j, "result", "");
    p.result.fs = r.number(res, "sampleRate", "result", 8000.0, 768000.0);
    p.result.preampDb = r.number(res, "preampDb", "result", -60.0, 30.0);
    p.result.firTaps = r.integer(res, "firTaps", "result", 0, 1 << 20);
    p.result.latencySamples = r.integer(res, "latencySamples", "result", 0, 1 << 20);
    p.result.filters = readChannelFilters(r, res, "filters", "result");

    if (j.contains("adjustments")) {
        const ojson& a = r.object(j, "adjustments", "");
        auto& adj = spec.adjustments;
        readShelf(r, a, "bass", "adjustments", adj.bassGainDb, adj.bassFreqHz, adj.bassQ);
        const ojson& tilt = r.object(a, "tilt", "adjustments");
        adj.tiltDbPerOctave = r.number(tilt, "dbPerOctave", "adjustments.tilt", -6.0, 6.0);
        adj.tiltPivotHz = r.number(tilt, "pivotHz", "adjustments.tilt", 10.0, 40000.0);
        readShelf(r, a, "treble", "adjustments", adj.trebleGainDb, adj.trebleFreqHz, adj.trebleQ);
        readShelf(r, a, "earGain", "adjustments", adj.earGainDb, adj.earGainFreqHz, adj.earGainQ);
    }

    const ojson& t = r.object(j, "target", "");
    spec.targetName = r.text(t, "name", "target", "");
    spec.target = readCurve(r, r.object(t, "curve", "target"), "target.curve");
    const ojson& meas = r.array(j, "measurement", "");
    if (meas.size() > 2)
        throw r.error("measurement", "needs at most 2 curves (L, R), has " + std::to_string(meas.size()));
    for (std::size_t i = 0; i < meas.size(); ++i) {
        const std::string where = "measurement[" + std::to_string(i) + "]";
        if (!meas[i].is_object())
            throw r.error(where, "expected a curve object {name, points}");
        spec.measurement.push_back(readCurve(r, meas[i], where));
    }
    if (spec.channels == ChannelMode::Separate && spec.measurement.size() == 1)
        throw r.error("design.channels", "is separate but the preset has one measurement channel");
    if (!spec.designable() && !incomplete)
        throw r.error("measurement", "the preset has neither curves to design from nor filters");
    return p;
}

} // namespace

Preset presetFromJson(const std::string& text, const std::string& src, bool incomplete)
{
    if (text.size() > kMaxPresetBytes)
        throw Error(src + ": too large for a preset (" + std::to_string(text.size() >> 20) + " MiB; limit "
                    + std::to_string(kMaxPresetBytes >> 20) + " MiB)");
    // A file that is not JSON at all is named for what it is (a measurement, a WAV...).
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos || (text[first] != '{' && text[first] != '[')) {
        const std::string kind = describeFileContent(text);
        throw Error(src + ": " + (kind.empty() ? "is not JSON" : "is " + kind) + ", not an iemeq preset");
    }
    ojson j;
    try {
        j = ojson::parse(text);
    } catch (const ojson::parse_error& e) {
        throw Error(src + ": not valid JSON (syntax error at " + textPosition(text, e.byte) + ")");
    } catch (const ojson::exception&) {
        throw Error(src + ": not valid JSON");
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
    if (version <= 2) {
        r.object(j, "design", "");
        j = migrateV2(j);
    }
    return readV3(r, j, incomplete);
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
