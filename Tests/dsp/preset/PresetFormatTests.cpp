// Exports and imports of a Correction (what designCorrection gives for a preset's spec):
// ParametricEQ.txt round trip to the printed precision, GraphicEQ export within 0.1 dB of the
// design at its 127 points, the WAV impulse response's magnitude, the curves CSV, GraphicEQ
// import fit, and the user preset library.
#include "../../TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/GraphicEq.h"
#include "dsp/design/PeqDesign.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/PresetExport.h"
#include "dsp/preset/PresetLibrary.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace iemeq;
namespace fs = std::filesystem;

namespace {

Preset shipped(const std::string& iem = "Simgot EW200")
{
    return loadPresetFile(test::repoPath("Presets/harman-in-ear-2019/" + iem + ".json"));
}

// What the preset plays at its own rate (the stored result's).
Correction correctionOf(const Preset& p, double fs = 0.0)
{
    return designCorrection(p.spec, fs > 0.0 ? fs : p.result.fs);
}

fs::path tempDir(const std::string& name)
{
    const fs::path d = fs::temp_directory_path() / ("iemeq-preset-tests-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

} // namespace

TEST_CASE("preset: APO export -> import gives the same filters to the printed precision", "[preset][formats]")
{
    for (const auto& iem : { "Simgot EW200", "FA7", "Odin", "ER4XR" }) {
        const Preset p = shipped(iem);
        const PeqDesign stored = p.firstChannel();
        const PeqDesign back = parseApo(correctionApo(correctionOf(p)), "export");
        REQUIRE(back.filters.size() == stored.filters.size());
        CHECK(back.preampDb == Approx(stored.preampDb).margin(0.05));
        for (std::size_t i = 0; i < back.filters.size(); ++i) {
            CHECK(back.filters[i].type == stored.filters[i].type);
            CHECK(back.filters[i].fc == Approx(stored.filters[i].fc).margin(0.5));     // "%.0f"
            CHECK(back.filters[i].gainDb == Approx(stored.filters[i].gainDb).margin(0.05));  // "%.1f"
            CHECK(back.filters[i].q == Approx(stored.filters[i].q).margin(0.005));     // "%.2f"
        }
        // The designer rounds to what APO prints, so the round trip is in fact exact.
        CHECK(back == stored);
    }
    // Peace-style prefixes and decimal commas import as the same filters.
    const PeqDesign peace = parseApo("Preamp: -4,8 dB\nFilter1: ON PK Fc 1000 Hz Gain 3,5 dB Q 1,41\nFilter2: OFF PK Fc 50 Hz Gain 2 dB Q 1\n", "peace");
    REQUIRE(peace.filters.size() == 1);
    CHECK(peace.filters[0] == PeqFilter { FilterType::Peaking, 1000.0, 3.5, 1.41 });
    CHECK(peace.preampDb == -4.8);
}

TEST_CASE("preset: a ParametricEQ.txt with APO Channel: sections imports one list per channel", "[preset][formats]")
{
    const fs::path dir = tempDir("apo-channels");
    auto import = [&](const std::string& text) {
        const std::string path = (dir / "ParametricEQ.txt").string();
        writeFileAtomically(path, text);
        return importPresetFile(path);
    };
    const PeqFilter a { FilterType::Peaking, 100.0, 2.0, 1.0 }, b { FilterType::Peaking, 200.0, -2.0, 1.0 },
        shelf { FilterType::HighShelf, 10000.0, -1.0, 0.7 }, centre { FilterType::Peaking, 50.0, 6.0, 1.0 };
    // L and R differ: a separate preset; filters before any Channel: line and under "all" apply
    // to both, filters for other channels (C) to neither.
    const Preset p = import("Preamp: -3 dB\nFilter 1: ON HSC Fc 10000 Hz Gain -1 dB Q 0.7\nChannel: L\n"
                            "Filter 2: ON PK Fc 100 Hz Gain 2 dB Q 1\nChannel: C\nFilter 3: ON PK Fc 50 Hz Gain 6 dB Q 1\n"
                            "Channel: 2\nFilter 4: ON PK Fc 200 Hz Gain -2 dB Q 1\nChannel: all\n");
    CHECK(p.spec.channels == ChannelMode::Separate);
    REQUIRE(p.spec.manualFilters.size() == 2);
    CHECK(p.spec.manualFilters[0] == std::vector<PeqFilter> { shelf, a });
    CHECK(p.spec.manualFilters[1] == std::vector<PeqFilter> { shelf, b });
    REQUIRE(p.result.filters.size() == 2);
    CHECK(p.result.filters[1] == p.spec.manualFilters[1]);
    CHECK(presetToJson(presetFromJson(presetToJson(p), "p")) == presetToJson(p));
    // The same filters for L and R ("Channel: L R"): one list, linked.
    const Preset same = import("Channel: L R\nFilter 1: ON PK Fc 100 Hz Gain 2 dB Q 1\nChannel: C\nFilter 2: ON PK Fc 50 Hz Gain 6 dB Q 1\n");
    CHECK(same.spec.channels == ChannelMode::Average);
    CHECK(same.spec.manualFilters == std::vector<std::vector<PeqFilter>> { { a } });
    CHECK(std::find(same.spec.manualFilters[0].begin(), same.spec.manualFilters[0].end(), centre) == same.spec.manualFilters[0].end());
    // No filter for L or R at all: not a preset, said in one line.
    CHECK_THROWS_WITH(import("Channel: C\nFilter 1: ON PK Fc 50 Hz Gain 6 dB Q 1\n"), Catch::Contains("not a preset"));
}

TEST_CASE("preset: a ParametricEQ.txt's own preamp is kept unless it would clip, and survives the JSON round trip",
          "[preset][formats]")
{
    const fs::path dir = tempDir("apo-preamp");
    auto import = [&](const std::string& text) {
        const std::string path = (dir / "ParametricEQ.txt").string();
        writeFileAtomically(path, text);
        return importPresetFile(path);
    };
    const std::string filters = "Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1\nFilter 2: ON LSC Fc 105 Hz Gain 2 dB Q 0.7\n";
    const double clipSafe = autoPreampDb({ { FilterType::Peaking, 1000.0, 3.0, 1.0 }, { FilterType::LowShelf, 105.0, 2.0, 0.7 } }, 48000.0);
    REQUIRE(clipSafe < -3.0);
    REQUIRE(clipSafe > -5.1);
    // More headroom than needed (the user's loudness choice): kept, exactly.
    const Preset quieter = import("Preamp: -6.5 dB\n" + filters);
    REQUIRE(quieter.spec.givenPreampDb.has_value());
    CHECK(*quieter.spec.givenPreampDb == -6.5);
    CHECK(quieter.result.preampDb == -6.5);
    const Preset back = presetFromJson(presetToJson(quieter), "p.json");
    CHECK(back.spec.givenPreampDb == quieter.spec.givenPreampDb);
    CHECK(resultOf(designCorrection(back.spec, back.result.fs)) == back.result);  // preset show --check
    CHECK(presetToJson(back) == presetToJson(quieter));
    // A preamp that would let a full-scale sine clip: the clip-safe one, and a note says so.
    const Preset louder = import("Preamp: -1 dB\n" + filters);
    CHECK(louder.result.preampDb == clipSafe);
    const Correction c = designCorrection(louder.spec, 48000.0);
    CHECK(c.preampDb == clipSafe);
    bool noted = false;
    for (const auto& n : c.notes)
        noted = noted || n.find("would let the filters clip") != std::string::npos;
    CHECK(noted);
    // No Preamp line: the clip-safe preamp, nothing "given".
    const Preset none = import(filters);
    CHECK_FALSE(none.spec.givenPreampDb.has_value());
    CHECK(none.result.preampDb == clipSafe);
}

TEST_CASE("preset: GraphicEQ export matches the design within 0.1 dB at its 127 points", "[preset][formats]")
{
    for (const auto& iem : { "Simgot EW200", "FA7", "Timeless" }) {
        const Preset p = shipped(iem);
        const Correction c = correctionOf(p);
        const FrequencyCurve g = parseGraphicEq(correctionGraphicEq(c), "export");
        REQUIRE(g.size() == 127);
        double worst = 0.0;
        for (std::size_t i = 0; i < g.size(); ++i)
            worst = std::max(worst, std::abs(g.db[i] - (eqResponseDb(p.result.filters[0], g.freq[i], p.result.fs) + p.result.preampDb)));
        CHECK(worst <= 0.05 + 1e-9);  // one decimal printed: at most half a step off
    }
}

TEST_CASE("preset: GraphicEQ import is fitted with parametric filters", "[preset][formats]")
{
    const Preset p = shipped("Moondrop Chu");
    const std::string text = correctionGraphicEq(correctionOf(p));
    const Preset g = presetFromGraphicEq(parseGraphicEq(text, "g"), "Chu GraphicEQ");
    const PeqDesign fitted = g.firstChannel();
    const FrequencyCurve graphic = parseGraphicEq(text, "g");
    double sq = 0.0;
    for (std::size_t i = 0; i < graphic.size(); ++i)
        if (graphic.freq[i] <= 10000.0) {
            const double e = eqResponseDb(fitted.filters, graphic.freq[i], 48000.0) + fitted.preampDb - graphic.db[i];
            sq += e * e;
        }
    const double rms = std::sqrt(sq / 112.0);
    INFO("RMS fit error " << rms << " dB");
    CHECK(rms < 0.5);
    CHECK(presetToJson(presetFromJson(presetToJson(g), "g")) == presetToJson(g));
    // Its filters are kept as fitted: the preset reproduces its own result.
    CHECK(resultOf(designCorrection(g.spec, g.result.fs)) == g.result);
}

TEST_CASE("preset: a GraphicEQ.txt with Channel: L and R curves imports one fit per channel", "[preset][formats]")
{
    const fs::path dir = tempDir("graphic-channels");
    CorrectionSpec spec = shipped("FA7").spec;  // FA7: a 12 dB L-R difference at 4.7 kHz
    REQUIRE(spec.measurement.size() == 2);
    spec.channels = ChannelMode::Separate;
    const std::string text = correctionGraphicEq(designCorrection(spec, 48000.0));
    const std::string path = (dir / "GraphicEQ.txt").string();
    writeFileAtomically(path, text);
    const Preset p = importPresetFile(path);
    CHECK(p.spec.channels == ChannelMode::Separate);
    REQUIRE(p.result.filters.size() == 2);
    CHECK(p.result.filters[0] != p.result.filters[1]);
    // Each channel's filters fit that channel's curve (not the left one twice).
    std::size_t at = 0;
    for (int ch = 0; ch < 2; ++ch) {
        at = text.find("GraphicEQ:", at + 1);
        REQUIRE(at != std::string::npos);
        const FrequencyCurve graphic = parseGraphicEq(text.substr(at, text.find('\n', at) - at), "g");
        double sq = 0.0;
        int n = 0;
        for (std::size_t i = 0; i < graphic.size(); ++i)
            if (graphic.freq[i] <= 10000.0) {
                const double e = eqResponseDb(p.result.filters[ch], graphic.freq[i], 48000.0) + p.result.preampDb - graphic.db[i];
                sq += e * e;
                ++n;
            }
        INFO("channel " << ch << " RMS fit error " << std::sqrt(sq / n) << " dB");
        CHECK(std::sqrt(sq / n) < 0.5);
    }
    CHECK(presetToJson(presetFromJson(presetToJson(p), "p")) == presetToJson(p));
    CHECK(resultOf(designCorrection(p.spec, p.result.fs)) == p.result);
    // The same curve for L and R: one fit, linked.
    const std::string one = text.substr(text.find("GraphicEQ:"), text.find('\n', text.find("GraphicEQ:")) - text.find("GraphicEQ:"));
    writeFileAtomically(path, "Channel: L\n" + one + "\nChannel: R\n" + one + "\nChannel: all\n");
    CHECK(importPresetFile(path).spec.channels == ChannelMode::Average);
}

TEST_CASE("preset: WAV impulse responses realise the design (min and linear phase, any rate)", "[preset][formats]")
{
    const Preset p = shipped();
    const fs::path dir = tempDir("ir");
    for (const FirPhase phase : { FirPhase::Minimum, FirPhase::Linear })
        for (const double fs : { 44100.0, 96000.0 }) {
            // The correction as it plays at fs (re-fitted there), exported as an impulse response.
            const Correction c = correctionOf(p, fs);
            ExportOptions o;
            o.impulse.phase = phase;
            const std::string path = (dir / "ir.wav").string();
            exportCorrection(p, c, path, PresetFileFormat::Wav, o);
            const AudioData ir = readWav(path);
            CHECK(ir.sampleRate == fs);
            REQUIRE(ir.channels.size() == 2);
            CHECK(ir.channels[0] == ir.channels[1]);  // linked: one correction for both
            const auto n = ir.channels[0].size();
            CHECK(static_cast<int>(n) >= defaultFirLength(fs) - 1);
            std::vector<double> taps(ir.channels[0].begin(), ir.channels[0].end());
            double worst = 0.0;
            for (double f = 50.0; f <= 10000.0; f *= 1.1)
                worst = std::max(worst, std::abs(firMagnitudeDb(taps, f, fs) - (eqResponseDb(c.perChannel[0].filters, f, fs) + c.preampDb)));
            INFO("phase " << (phase == FirPhase::Linear ? "linear" : "min") << " fs " << fs << " worst " << worst);
            CHECK(worst < 0.3);
            const auto peak = std::max_element(taps.begin(), taps.end(), [](double a, double b) { return std::abs(a) < std::abs(b); }) - taps.begin();
            if (phase == FirPhase::Linear)
                CHECK(std::abs(static_cast<double>(peak) - static_cast<double>(n - 1) / 2.0) <= 1.0);
            else
                CHECK(peak < 64);
        }
}

TEST_CASE("preset: the curves CSV holds the design's numbers", "[preset][formats]")
{
    const Preset p = shipped();
    const Correction c = correctionOf(p);
    const std::string csv = correctionCurvesCsv(p.spec, c);
    CHECK(csv.rfind("frequency,measurement left,measurement right,measurement,target,eq,corrected\n", 0) == 0);
    const auto lines = std::count(csv.begin(), csv.end(), '\n');
    CHECK(static_cast<std::size_t>(lines) == designGrid().size() + 1);
    // The eq column at 1 kHz is the filters' response plus the preamp (3 decimals printed).
    const auto row = std::find_if(designGrid().begin(), designGrid().end(), [](double f) { return f >= 1000.0; }) - designGrid().begin();
    std::size_t pos = 0;
    for (long i = 0; i <= row; ++i)
        pos = csv.find('\n', pos) + 1;
    const std::string line = csv.substr(pos, csv.find('\n', pos) - pos);
    std::vector<double> cells;
    for (std::size_t a = 0, b; a < line.size(); a = b + 1) {
        b = line.find(',', a);
        b = b == std::string::npos ? line.size() : b;
        cells.push_back(std::stod(line.substr(a, b - a)));
    }
    REQUIRE(cells.size() == 7);
    CHECK(cells[5] == Approx(eqResponseDb(p.result.filters[0], designGrid()[static_cast<std::size_t>(row)], p.result.fs) + p.result.preampDb).margin(0.0005));
    CHECK(formatFromPath("a/My GraphicEQ.txt") == PresetFileFormat::GraphicEq);
    CHECK(formatFromPath("ParametricEQ.txt") == PresetFileFormat::Apo);
    CHECK_THROWS_WITH(formatFromPath("x.doc"), Catch::Contains("unknown preset format"));
    CHECK(formatFromName("wav") == PresetFileFormat::Wav);
    CHECK_THROWS_WITH(formatFromName("flac"), Catch::Contains("unknown format 'flac'"));
}

TEST_CASE("preset library: bundled and user presets, save/rename/delete", "[preset][library]")
{
    const fs::path user = tempDir("user");
    const PresetLibrary lib(user.string(), { test::repoPath("Presets") });
    auto list = lib.list();
    const auto bundled = std::count_if(list.begin(), list.end(), [](const PresetEntry& e) { return e.bundled; });
    CHECK(bundled == 20);  // 16 Harman + 4 diffuse field; devices/ and measurements/ skipped
    CHECK(list.size() == 20);

    const Preset p = shipped();
    const PresetEntry e = lib.save(p, "My EW200: warm/bright?");
    CHECK(e.name == "My EW200_ warm_bright_");
    CHECK_THROWS_WITH(lib.save(p, "My EW200: warm/bright?"), Catch::Contains("already exists"));
    CHECK(lib.load(e).name == "My EW200: warm/bright?");
    CHECK(lib.load(e).result == p.result);
    const PresetEntry r = lib.rename("My EW200: warm/bright?", "EW200 warm");
    CHECK_FALSE(fs::exists(e.path));
    CHECK(lib.load(r).name == "EW200 warm");
    list = lib.list();
    REQUIRE(list.size() == 21);
    CHECK_FALSE(list.back().bundled);
    CHECK(list.back().name == "EW200 warm");
    lib.remove("EW200 warm");
    CHECK(lib.list().size() == 20);
    CHECK_THROWS_WITH(lib.remove("EW200 warm"), Catch::Contains("no such user preset"));
    CHECK_THROWS(presetFileName(" .. "));
    CHECK(presetFileName("con") == "_con");
    // No temporary files left behind by the atomic writes.
    CHECK(std::distance(fs::directory_iterator(user), fs::directory_iterator()) == 0);
}

TEST_CASE("preset library: platform user folder", "[preset][library]")
{
#if !defined(_WIN32) && !defined(__APPLE__)
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
    CHECK(userPresetFolder() == "/tmp/xdg/iemeq/presets");
    setenv("XDG_DATA_HOME", "relative", 1);  // invalid per the XDG spec: ignored
    CHECK(userPresetFolder() == std::string(std::getenv("HOME")) + "/.local/share/iemeq/presets");
    if (old)
        setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else
        unsetenv("XDG_DATA_HOME");
#endif
}
