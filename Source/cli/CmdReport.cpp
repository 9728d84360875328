// iemeq report: the objective part of a review, before and after correction — a graph in the
// style reviews use (PNG and SVG), a Markdown summary (score, RMS, band deviations, channel
// balance, tonal words, the correction) and the correction as ParametricEQ.txt. With --vs, the
// comparison with other IEMs and the EQ that makes this IEM sound like each of them.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"
#include "LibraryInputs.h"
#include "SpecFromArgs.h"
#include "report/ReviewReport.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/CurveReader.h"
#include "dsp/listening/ListeningReport.h"
#include "dsp/preset/PresetExport.h"
#include "graphics/PngGraph.h"
#include "graphics/SvgGraph.h"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace iemeq::cli {

namespace fs = std::filesystem;

static std::vector<FlagSpec> reportFlags()
{
    std::vector<FlagSpec> flags = {
        { "fr", "FILE", "measurement file of the IEM; give L then R", true },
        iemFlag(),
        averageAllFlag(),
        { "target", "FILE|NAME", "target curve file or bundled target name (default: harman2019)", false },
        { "preset", "P.json", "use this preset's filters as the correction instead of designing one", false },
        { "vs", "FILE|LIB:IEM", "another IEM to compare with (its L then R: --vs L --vs R, or a library entry); repeat --vs-name per IEM", true },
        { "vs-name", "TEXT", "name of the --vs IEM (default: from its file name); several IEMs: one per file pair", true },
        { "name", "TEXT", "name of the IEM (default: from the first file name)", false },
        { "db-range", "LO:HI", "vertical range of the graphs in dB, e.g. -20:15 (default: from the data)", false },
        { "output", "DIR", "folder to write report.md, graph.png, graph.svg and ParametricEQ.txt into (also -o DIR)", false },
        { "listening", "RESULTS.json", "add a 'Listening test' section from a blind ABX or preference test's results (without --fr: only that section)", false },
    };
    for (const auto& f : withFlags(withFlags(targetShapingFlags(), peqSettingsFlags()), correctionFlags()))
        flags.push_back(f);
    return flags;
}

// --vs files grouped per IEM: consecutive files whose names differ only by the L/R marker.
static std::vector<std::vector<std::string>> groupVsFiles(const std::vector<std::string>& files)
{
    std::vector<std::vector<std::string>> groups;
    std::string lastName;
    for (const auto& f : files) {
        const std::string name = iemNameFromChannel(fs::path(f).stem().string());
        if (groups.empty() || name != lastName || groups.back().size() >= 2)
            groups.emplace_back();
        groups.back().push_back(f);
        lastName = name;
    }
    return groups;
}

static void parseDbRange(const Args& args, double& lo, double& hi)
{
    const auto v = args.get("db-range");
    if (!v)
        return;
    const auto colon = v->find(':', 1);
    try {
        std::size_t used1 = 0, used2 = 0;
        if (colon == std::string::npos)
            throw Error("");
        lo = std::stod(v->substr(0, colon), &used1);
        hi = std::stod(v->substr(colon + 1), &used2);
        if (used1 != colon || used2 != v->size() - colon - 1 || !(hi > lo) || hi - lo > 200.0)
            throw Error("");
    } catch (const std::exception&) {
        throw Error("--db-range must be LO:HI in dB with LO < HI, e.g. -20:15, not '" + *v + "'");
    }
}

static std::string outputDir(const Args& args)
{
    if (const auto o = args.get("output"))
        return *o;
    const auto& pos = args.positional();
    if (pos.size() == 2 && pos[0] == "-o")
        return pos[1];
    if (!pos.empty())
        throw Error("unexpected argument '" + pos.front() + "' (the output folder is given with -o DIR)");
    throw Error("no output folder given (use -o DIR)");
}

// --listening without --fr: report.md holds only the listening test.
static int writeListeningReport(const std::string& dir, const listening::ListeningResults& results)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(dir + ": cannot create the output folder (" + ec.message() + ")");
    const std::string path = (fs::path(dir) / "report.md").string();
    writeFileAtomically(path, "# " + results.a.label + " vs " + results.b.label + "\n\n" + listening::resultsMarkdown(results));
    std::printf("wrote %s (listening test: %s)\n", path.c_str(), results.verdict.c_str());
    return 0;
}

int runReport(int argc, char** argv)
{
    const auto flags = reportFlags();
    const Args args(flags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq report --fr L.txt --fr R.txt [--target T] [--preset P.json] [--vs B_L.txt --vs B_R.txt] -o DIR",
                                     "Writes the objective part of a review into DIR: report.md (preference score and RMS\n"
                                     "before/after, deviation per band, channel balance, tonal words, the correction),\n"
                                     "graph.png (1200x600) and graph.svg (IEM vs target, normalised, corrected result,\n"
                                     "above 8 kHz shaded) and ParametricEQ.txt. With --vs, compare-N.png and the EQ that\n"
                                     "makes this IEM sound like the other one.",
                                     flags).c_str());
        return argc < 2 ? 2 : 0;
    }
    const std::string dir = outputDir(args);
    double dbLo = 0.0, dbHi = 0.0;  // both 0: the graphs choose their range from the data
    parseDbRange(args, dbLo, dbHi);
    const auto files = measurementFiles(args);
    std::optional<listening::ListeningResults> listeningTest;
    if (const auto path = args.get("listening"))
        listeningTest = listening::resultsFromJson(readFileBytes(*path), *path);
    if (files.empty() && listeningTest)
        return writeListeningReport(dir, *listeningTest);
    if (files.empty())
        throw Error("no measurement given (use --fr FILE, twice for L and R)");
    args.onlyWith("vs-name", args.has("vs"), "--vs (it names the IEM compared with)");
    for (const auto& f : withFlags(peqSettingsFlags(), correctionFlags()))
        args.notWith(f.name, args.has("preset"), "--preset (the preset's own correction is used as it is)");

    // Everything that can fail on input is read before anything is written. The correction is
    // the spec `iemeq design` builds from the same flags, designed by the same function.
    const CorrectionSpec spec = specFromArgs(args, files);
    const auto& grid = designGrid();
    PeqSettings settings = spec.peq;
    settings.fs = spec.designRate;

    ReviewReport r;
    r.iem.name = args.get("name", libraryEntryFor(files) ? spec.iemName : iemNameFromChannel(spec.measurement.front().name));
    for (const auto* entry : { libraryEntryFor(files), libraryEntryFor(targetIemFiles(args)) })
        if (entry)
            r.credits.push_back(library::creditLine(entry->origin));
    r.iem.channels = spec.measurement;
    r.iem.curve = averageDb(spec.measurement, grid);
    r.iem.curve.name = r.iem.name;
    r.targetName = args.has("target-iem") ? "target IEM" : spec.targetName;
    r.target = adjustedTargetOnGrid(spec);
    r.target.name = r.targetName;
    if (spec.measurement.size() == 2)
        r.balance = measureChannelBalance(spec.measurement[0], spec.measurement[1]);

    Correction c;
    if (const auto presetPath = args.get("preset")) {
        const Preset p = importPresetFile(*presetPath);
        c = designCorrection(p.spec, p.result.fs);
        r.correctionSource = "Correction from preset " + fs::path(*presetPath).filename().string();
        r.treble = p.spec.peq.treble;
    } else {
        c = designCorrection(spec, spec.designRate);
        r.correctionSource = spec.fir()                  ? std::string("FIR designed by iemeq (") + correctionModeName(spec.mode) + ")"
                           : spec.peq.device             ? "Designed by iemeq for " + spec.peq.device->name
                           : spec.peq.layout == PeqLayout::Free ? "Designed by iemeq (free layout, " + std::to_string(spec.peq.numFilters) + " filters)"
                                                        : std::string("Designed by iemeq (AutoEq layout: low shelf 105 Hz, 8 peaks, high shelf 10 kHz)");
        r.treble = spec.peq.treble;
    }
    r.fs = c.fs;
    r.correction.filters = c.perChannel.front().filters;
    r.correction.preampDb = c.preampDb;
    // The EQ as heard on the mean of L and R (per-channel corrections averaged in dB).
    FrequencyCurve eq = c.perChannel.front().eq;
    for (std::size_t ch = 1; ch < c.perChannel.size(); ++ch)
        for (std::size_t i = 0; i < eq.size(); ++i)
            eq.db[i] = (eq.db[i] * static_cast<double>(ch) + c.perChannel[ch].eq.db[i]) / static_cast<double>(ch + 1);
    r.analysis = analyseCorrectionCurve(r.iem.curve, r.target, eq);
    r.listeningTest = listeningTest;

    const auto vsNames = args.all("vs-name");
    const auto groups = groupVsFiles(expandLibraryEntries(args.all("vs")));
    for (std::size_t i = 0; i < groups.size(); ++i) {
        ReviewedIem other;
        for (const auto& f : groups[i])
            other.channels.push_back(readCurveFile(f));
        other.curve = averageDb(other.channels, grid);
        const auto* entry = libraryEntryFor(groups[i]);  // named as its library names it
        other.name = i < vsNames.size() ? vsNames[i] : entry ? entry->name : iemNameFromChannel(other.channels.front().name);
        if (entry)
            r.credits.push_back(library::creditLine(entry->origin));
        other.curve.name = other.name;
        r.comparisons.push_back(compareIems(r.iem.curve, other.curve, settings));
        r.others.push_back(std::move(other));
    }

    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(dir + ": cannot create the output folder (" + ec.message() + ")");
    ReportFiles names;
    for (std::size_t i = 0; i < r.comparisons.size(); ++i)
        names.comparisonPngs.push_back("compare-" + std::to_string(i + 1) + ".png");
    const fs::path out(dir);
    graphics::GraphSpec graph = reviewGraph(r);
    graph.dbMin = dbLo;
    graph.dbMax = dbHi;
    graphics::writeGraphPng(graph, (out / names.png).string());
    writeFileAtomically((out / names.svg).string(), graphics::graphSvg(graph));
    for (std::size_t i = 0; i < r.comparisons.size(); ++i) {
        graphics::GraphSpec cg = comparisonGraph(r, i);
        cg.dbMin = dbLo;
        cg.dbMax = dbHi;
        graphics::writeGraphPng(cg, (out / names.comparisonPngs[i]).string());
    }
    if (c.mode == CorrectionMode::Parametric)
        writeFileAtomically((out / names.apo).string(), correctionApo(c));
    writeFileAtomically((out / "report.md").string(), reviewMarkdown(r, names));

    std::printf("wrote %s (score %.1f -> %.1f, %s; %s)\n", (out / "report.md").string().c_str(),
                r.analysis.scoreBefore.score, r.analysis.scoreAfter.score, formatCorrectionErrors(r.analysis.errors).c_str(),
                toneSentence(r.analysis.wordsBefore).c_str());
    return 0;
}

} // namespace iemeq::cli
