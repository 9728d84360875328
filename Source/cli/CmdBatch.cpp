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
#include "dsp/analysis/Metrics.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
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
        double before = 0, after = 0, preamp = 0;
        std::size_t filters = 0;
        std::string targetName, error;
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
            row.before = c.rmsBeforeDb;
            row.after = c.rmsAfterDb;
            row.preamp = c.preampDb;
            row.filters = c.perChannel.front().filters.size();
            if (outDir)
                savePresetFile((fs::path(*outDir) / (jobs[i].iem + ".json")).string(), p);
        } catch (const std::exception& e) {
            row.error = e.what();
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

    std::printf("%-32s %9s %9s %8s %7s\n", "IEM", "before dB", "after dB", "preamp", "filters");
    int failed = 0;
    double sumBefore = 0, sumAfter = 0;
    for (const auto& r : rows) {
        if (!r.error.empty()) {
            std::printf("%-32.32s  error: %s\n", r.iem.c_str(), r.error.c_str());
            ++failed;
            continue;
        }
        std::printf("%-32.32s %9.2f %9.2f %8.1f %7zu\n", r.iem.c_str(), r.before, r.after, r.preamp, r.filters);
        sumBefore += r.before;
        sumAfter += r.after;
    }
    const double ok = static_cast<double>(rows.size()) - failed;
    if (ok > 0)
        std::printf("%-32s %9.2f %9.2f   (RMS error vs %s, 20 Hz-10 kHz; %d failed)\n", "mean", sumBefore / ok, sumAfter / ok,
                    targetName.c_str(), failed);
    return failed ? 1 : 0;
}

} // namespace iemeq::cli
