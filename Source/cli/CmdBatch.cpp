// iemeq batch: design a whole folder of measurements ("X L.txt" + "X R.txt", or "X.txt") to one
// target, writing a preset per IEM, with progress on stderr and a summary table on stdout. IEMs
// are designed in parallel (-j N); the output is byte-identical to a single-threaded run.
#include "Args.h"
#include "Commands.h"
#include "Inputs.h"
#include "OrderedParallel.h"
#include "Progress.h"
#include "SpecFromArgs.h"

#include "dsp/curve/ChannelPair.h"
#include "dsp/analysis/CorrectionErrors.h"
#include "dsp/analysis/DesignWarnings.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/core/ErrorText.h"
#include "dsp/io/CurveReader.h"
#include "dsp/preset/Preset.h"
#include "dsp/correction/DesignCorrection.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace iemeq::cli {

namespace fs = std::filesystem;

static const std::vector<FlagSpec> kBatchFlags = withFlags({
    { "target", "FILE|NAME", "target curve file or bundled target name (default: harman2019)", false },
    { "preset-dir", "DIR", "write one preset per IEM here, '<IEM>.json' (default: only the summary)", false },
    { "only", "NAMES", "comma-separated IEM names to design (default: every pair in the folder)", false },
    { "jobs", "N", "design N IEMs at a time (default: the number of cores); the output is the same", false, 'j' },
    { "author", "TEXT", "author written into the presets", false },
    { "source", "TEXT", "measurement source written into the presets (default: from the folder's\n"
                        "                          MANIFEST.txt when it lists the file, else the folder name)", false },
}, withFlags(withFlags(targetShapingFlags(), peqSettingsFlags()), correctionFlags()));

struct Job {
    std::string iem;
    std::vector<fs::path> files;
};

// IEMs in `dir`: "X L.txt" + "X R.txt" pairs (either alone also works), other "X.txt" single.
static std::vector<Job> findJobs(const fs::path& dir)
{
    std::map<std::string, std::vector<fs::path>> byName;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path p = it->path();
        if (!it->is_regular_file(ec) || (p.extension() != ".txt" && p.extension() != ".csv") || p.filename() == "MANIFEST.txt")
            continue;
        byName[iemNameFromChannelName(p.stem().string())].push_back(p);
    }
    if (ec)
        throw Error(dir.string() + ": cannot read folder: " + ec.message());
    std::vector<Job> jobs;
    for (auto& [name, files] : byName) {
        std::sort(files.begin(), files.end());  // "X L" before "X R"
        jobs.push_back({ name, files });
    }
    return jobs;
}

// "file | source repository | ..." lines of the folder's MANIFEST.txt, by file name.
static std::map<std::string, std::string> manifestSources(const fs::path& dir)
{
    std::map<std::string, std::string> out;
    std::error_code ec;
    if (!fs::exists(dir / "MANIFEST.txt", ec))
        return out;
    std::istringstream in(readFileBytes((dir / "MANIFEST.txt").string()));
    std::string line;
    const auto trim = [](std::string s) {
        s.erase(0, s.find_first_not_of(' '));
        s.erase(s.find_last_not_of(' ') + 1);
        return s;
    };
    while (std::getline(in, line)) {
        const auto a = line.find('|');
        const auto b = a == std::string::npos ? a : line.find('|', a + 1);
        if (b != std::string::npos)
            out[fs::path(trim(line.substr(0, a))).filename().string()] = trim(line.substr(a + 1, b - a - 1));
    }
    return out;
}

int runBatch(int argc, char** argv)
{
    const Args args(kBatchFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq batch DIR [--target T] [--preset-dir OUT] [options]",
                                     "Designs a correction for every IEM in DIR (pairs 'X L.txt' / 'X R.txt'; their dB\n"
                                     "mean is corrected) to one target and prints a summary table. Each preset is\n"
                                     "self-contained and reproducible: `iemeq preset show --check` re-designs it.",
                                     kBatchFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    if (args.positional().size() != 1)
        throw Error("batch needs one folder of measurements");
    for (const char* presetOnly : { "author", "source" })
        args.onlyWith(presetOnly, args.has("preset-dir"), "--preset-dir (it is written into the presets)");
    // Flag errors are the command's, not each IEM's: checked, and the target read, once.
    const CorrectionSpec settings = specSettingsFromArgs(args);
    const int threads = args.integer("jobs", defaultJobCount(), 1, 1024);
    const fs::path dir = args.positional()[0];
    std::vector<Job> jobs = findJobs(dir);
    if (const auto only = args.get("only")) {
        std::set<std::string> wanted;
        std::istringstream in(*only);
        for (std::string n; std::getline(in, n, ',');)
            if (!n.empty())
                wanted.insert(n);
        std::vector<Job> kept;
        for (auto& j : jobs)
            if (wanted.erase(j.iem))
                kept.push_back(std::move(j));
        if (!wanted.empty())
            throw Error("--only: no measurement of '" + *wanted.begin() + "' in " + dir.string());
        jobs = std::move(kept);
    }
    if (jobs.empty())
        throw Error(dir.string() + ": no measurement files (*.txt, *.csv) found");

    const std::string author = args.get("author", "");
    const auto sources = manifestSources(dir);
    const auto outDir = args.get("preset-dir");
    if (outDir)
        fs::create_directories(*outDir);

    struct Row {
        std::string iem;
        CorrectionErrors errors;
        double preamp = 0;
        std::size_t filters = 0;
        std::string targetName, error;
        std::vector<std::string> warnings;
    };
    // Each IEM is designed on its own (its own spec, preset and file), so they run in parallel;
    // rows are taken in folder order, which keeps the summary and the log as with -j 1.
    std::vector<Row> rows(jobs.size());
    const auto design = [&](std::size_t i) {
        Row& row = rows[i];
        row.iem = jobs[i].iem;
        try {
            std::vector<std::string> files;
            for (const auto& f : jobs[i].files)
                files.push_back(f.string());
            // The same spec `iemeq design` builds from these files and flags (SpecFromArgs.h).
            CorrectionSpec spec = specForFiles(settings, args, files);
            spec.iemName = jobs[i].iem;
            const auto src = sources.find(jobs[i].files.front().filename().string());
            spec.measurementSource = args.get("source", src != sources.end() ? src->second : dir.filename().string());
            const Correction c = designCorrection(spec, spec.designRate);
            Preset p = makePreset(spec, c, jobs[i].iem + " to " + spec.targetName);
            p.author = author;
            row.targetName = spec.targetName;
            row.errors = correctionErrors(c);
            for (const auto& w : designWarnings(spec, c))
                row.warnings.push_back(w.text);
            row.preamp = c.preampDb;
            row.filters = c.perChannel.front().filters.size();
            if (outDir)
                savePresetFile((fs::path(*outDir) / (jobs[i].iem + ".json")).string(), p);
        } catch (...) {
            row.error = errorLine(errorText(std::current_exception()));  // never a library's raw text
        }
    };
    // A --target-iem that names a library entry is fetched now, once, not by the threads.
    (void)targetIemFiles(args);
    Progress progress(jobs.size());
    runOrdered(jobs.size(), threads, design, [&](std::size_t i) { progress.finished(i + 1, jobs[i].iem); });
    std::string targetName;
    for (const auto& r : rows)
        if (r.error.empty())
            targetName = r.targetName;

    // Where the coupler is reliable (20 Hz-6 kHz) the fit is the headline; above it only the
    // broad (1-octave) treble level is matched by default, so that is what is shown there.
    std::printf("%-32s %17s %17s\n", "IEM", "error 20Hz-6kHz", "treble 6-16kHz");
    std::printf("%-32s %8s %8s %8s %8s %7s %7s %8s\n", "", "before", "after", "before", "after", "preamp", "filters", "warnings");
    int failed = 0;
    CorrectionErrors sum;
    for (const auto& r : rows) {
        if (!r.error.empty()) {
            std::printf("%-32.32s  %s\n", r.iem.c_str(), r.error.c_str());
            ++failed;
            continue;
        }
        const CorrectionErrors& e = r.errors;
        std::printf("%-32.32s %8.2f %8.2f %8.2f %8.2f %7.1f %7zu %8zu\n", r.iem.c_str(), e.reliableBeforeDb, e.reliableAfterDb,
                    e.trebleBeforeDb, e.trebleAfterDb, r.preamp, r.filters, r.warnings.size());
        sum.reliableBeforeDb += e.reliableBeforeDb;
        sum.reliableAfterDb += e.reliableAfterDb;
        sum.trebleBeforeDb += e.trebleBeforeDb;
        sum.trebleAfterDb += e.trebleAfterDb;
    }
    const double ok = static_cast<double>(rows.size()) - failed;
    if (ok > 0)
        std::printf("%-32s %8.2f %8.2f %8.2f %8.2f   (dB vs %s: RMS error 20 Hz-6 kHz, 1-octave treble level 6-16 kHz; %d failed)\n",
                    "mean", sum.reliableBeforeDb / ok, sum.reliableAfterDb / ok, sum.trebleBeforeDb / ok,
                    sum.trebleAfterDb / ok, targetName.c_str(), failed);
    bool header = false;
    for (const auto& r : rows)
        for (const auto& w : r.warnings) {
            if (!header)
                std::printf("\nwarnings:\n");
            header = true;
            std::printf("  %s: %s\n", r.iem.c_str(), w.c_str());
        }
    return failed ? 1 : 0;
}

} // namespace iemeq::cli
