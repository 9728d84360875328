// `iemeq report` as a user runs it: the files it writes, its numbers against hand computations
// on the raw measurement files, the PNG's curves at the pixels the data maps to, a preset's
// filters used as the correction, a comparison, and one-line errors.
#include "../TestData.h"

#include "dsp/analysis/PreferenceScore.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/PeqDesign.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/CurveReader.h"
#include "dsp/preset/Preset.h"
#include "graphics/GraphLayout.h"
#include "graphics/PngGraph.h"

#include "CliRunner.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

using namespace iemeq;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

// The cells of the Markdown table row that starts with "| label |".
std::vector<std::string> rowCells(const std::string& md, const std::string& label)
{
    const auto pos = md.find("| " + label + " |");
    REQUIRE(pos != std::string::npos);
    const std::string line = md.substr(pos, md.find('\n', pos) - pos);
    std::vector<std::string> cells;
    std::size_t a = 1;
    for (auto b = line.find('|', a); b != std::string::npos; a = b + 1, b = line.find('|', a)) {
        std::string c = line.substr(a, b - a);
        c.erase(0, c.find_first_not_of(' '));
        c.erase(c.find_last_not_of(' ') + 1);
        cells.push_back(c);
    }
    return cells;
}

std::string pair(const std::string& name)
{
    return "--fr " + quoted(test::dataPath("measurements/regancipher/" + name + " L.txt")) + " --fr "
           + quoted(test::dataPath("measurements/regancipher/" + name + " R.txt"));
}

fs::path freshDir(const std::string& name)
{
    const fs::path d = fs::temp_directory_path() / ("iemeq-report-test-" + name);
    fs::remove_all(d);
    return d;
}

// Hand computation from the raw files: the dB mean of L and R minus the target, read with
// straight lines in log-frequency, level-matched by a midpoint-rule mean over 300 Hz-3 kHz.
struct RawPair {
    FrequencyCurve l, r, t;
    double err(double f) const { return 0.5 * (levelAt(l, f) + levelAt(r, f)) - levelAt(t, f); }
    double meanErr(double lo, double hi) const
    {
        const int n = 4000;
        double s = 0.0;
        for (int i = 0; i < n; ++i)
            s += err(lo * std::pow(hi / lo, (i + 0.5) / n));
        return s / n;
    }
};

RawPair loadRaw(const std::string& name)
{
    return { readCurveFile(test::dataPath("measurements/regancipher/" + name + " L.txt")),
             readCurveFile(test::dataPath("measurements/regancipher/" + name + " R.txt")),
             readCurveFile(test::repoPath("Targets/Harman in-ear 2019 v2.csv")) };
}

// Olive et al. by hand on AutoEq's 1.01 grid from 20 Hz: SD and slope over 20 Hz-10 kHz, AE over 40 Hz-10 kHz
// relative to the error at 500 Hz.
// The in-ear model as AutoEq computes it, by hand: the error read (linear in log f) at the R40
// preferred frequencies 20 Hz-10 kHz, sample standard deviation (N - 1), least-squares slope on
// ln f, mean |e - e(500 Hz)| over 40 Hz-10 kHz.
double handScore(const std::vector<double>& f, const std::vector<double>& e, double e500)
{
    auto at = [&](double x) {
        const auto it = std::lower_bound(f.begin(), f.end(), x);
        if (it == f.begin()) return e.front();
        if (it == f.end()) return e.back();
        const std::size_t i = static_cast<std::size_t>(it - f.begin());
        const double t = std::log(x / f[i - 1]) / std::log(f[i] / f[i - 1]);
        return e[i - 1] + t * (e[i] - e[i - 1]);
    };
    const double r40[] = { 1.00, 1.06, 1.12, 1.18, 1.25, 1.32, 1.40, 1.50, 1.60, 1.70, 1.80, 1.90, 2.00, 2.12,
                           2.24, 2.36, 2.50, 2.65, 2.80, 3.00, 3.15, 3.35, 3.55, 3.75, 4.00, 4.25, 4.50, 4.75,
                           5.00, 5.30, 5.60, 6.00, 6.30, 6.70, 7.10, 7.50, 8.00, 8.50, 9.00, 9.50 };
    std::vector<double> xs, ys;
    double ae = 0, m = 0;
    for (double decade : { 10.0, 100.0, 1000.0 , 10000.0 })
        for (double r : r40) {
            const double x = std::round(r * decade * 10.0) / 10.0;
            if (x < 20.0 || x > 10000.0)
                continue;
            xs.push_back(std::log(x));
            ys.push_back(at(x));
            if (x >= 40.0) {
                ae += std::fabs(at(x) - e500);
                m += 1;
            }
        }
    const double n = static_cast<double>(xs.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        mx += xs[i] / n;
        my += ys[i] / n;
    }
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        sxx += (xs[i] - mx) * (xs[i] - mx);
        sxy += (xs[i] - mx) * (ys[i] - my);
        syy += (ys[i] - my) * (ys[i] - my);
    }
    const double sd = std::sqrt(syy / (n - 1.0));
    return 100.0795 - 8.5 * sd - 6.796 * std::fabs(sxy / sxx) - 3.475 * ae / m;
}

int colourDistance(const graphics::Rgb& a, const graphics::Rgb& b)
{
    return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

// Mean row of the pixels of `colour` in column x within the plot, or NaN if none.
double curveRow(const graphics::RgbImage& img, const graphics::GraphLayout& L, int x, const graphics::Rgb& colour)
{
    double sum = 0.0;
    int n = 0;
    for (int y = static_cast<int>(L.top) + 1; y < static_cast<int>(L.bottom); ++y)
        if (colourDistance(img.at(x, y), colour) < 60) {
            sum += y + 0.5;
            ++n;
        }
    return n ? sum / n : std::nan("");
}

} // namespace

TEST_CASE("report: Simgot EW200 numbers match hand computations on the raw files", "[cli][report]")
{
    const fs::path dir = freshDir("ew200");
    const CliRun run = runCli("report " + pair("Simgot EW200") + " --target harman2019 --db-range -20:15 -o " + quoted(dir.string()));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    for (const char* f : { "report.md", "graph.png", "graph.svg", "ParametricEQ.txt" })
        REQUIRE(fs::exists(dir / f));
    const std::string md = readFileBytes((dir / "report.md").string());
    const RawPair raw = loadRaw("Simgot EW200");

    // Score before: on the 1.01 grid, from the raw files directly.
    std::vector<double> f, e;
    for (double x = 20.0; x <= 20000.0; x *= 1.01) {
        f.push_back(x);
        e.push_back(raw.err(x));
    }
    const double scoreBefore = handScore(f, e, raw.err(500.0));
    const auto summary = rowCells(md, "predicted preference (Olive et al. in-ear)");
    REQUIRE(std::stod(summary[1]) == Approx(scoreBefore).margin(0.051));
    CHECK(scoreBefore == Approx(81.8).margin(0.05));  // AutoEq's figure for this pair (its R40 points, N - 1)

    // Score after: the written ParametricEQ.txt applied to the raw pair, by hand again.
    const PeqDesign eq = parseApo(readFileBytes((dir / "ParametricEQ.txt").string()), "ParametricEQ.txt");
    std::vector<double> eAfter;
    for (std::size_t i = 0; i < f.size(); ++i)
        eAfter.push_back(e[i] + eqResponseDb(eq.filters, f[i], 48000.0));
    const double scoreAfter = handScore(f, eAfter, raw.err(500.0) + eqResponseDb(eq.filters, 500.0, 48000.0));
    REQUIRE(std::stod(summary[2]) == Approx(scoreAfter).margin(0.051));
    REQUIRE(scoreAfter > scoreBefore + 10.0);

    // Band deviations before EQ: midpoint-rule means of the raw error, minus the 300 Hz-3 kHz mean.
    const double ref = raw.meanErr(300.0, 3000.0);
    const std::pair<const char*, std::pair<double, double>> bands[] = {
        { "sub-bass", { 20, 60 } }, { "bass", { 60, 250 } }, { "lower mids", { 250, 500 } }, { "mids", { 500, 2000 } },
        { "upper mids", { 2000, 5000 } }, { "treble", { 5000, 10000 } }, { "air", { 10000, 20000 } },
    };
    for (const auto& [label, range] : bands) {
        const double hand = raw.meanErr(range.first, range.second) - ref;
        const auto cells = rowCells(md, label);
        INFO(label << ": report " << cells[2] << ", by hand " << hand);
        REQUIRE(std::stod(cells[2]) == Approx(hand).margin(0.051));
    }
    REQUIRE(md.find("Before EQ: **full and punchy**") != std::string::npos);
    REQUIRE(md.find("| 1 | LSC | 105 Hz |") != std::string::npos);
    REQUIRE(md.find("Within 3 dB: no imbalance.") != std::string::npos);
}

TEST_CASE("report: the PNG is 1200x600 and its curves sit where the data puts them", "[cli][report]")
{
    const fs::path dir = freshDir("png");
    const CliRun run = runCli("report " + pair("Simgot EW200") + " --db-range -20:15 -o " + quoted(dir.string()));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    const graphics::RgbImage img = graphics::readPng((dir / "graph.png").string());
    REQUIRE(img.width == 1200);
    REQUIRE(img.height == 600);

    // The axis mapping of a 1200x600 graph with a subtitle and a -20..15 dB range.
    graphics::GraphSpec spec;
    spec.subtitle = "x";
    spec.dbMin = -20;
    spec.dbMax = 15;
    const graphics::GraphLayout L = graphics::layoutGraph(spec);

    // Expected curves by hand: target normalised to 0 dB over 300 Hz-3 kHz, the IEM (and the IEM
    // + the written EQ) level-matched to it over the same band.
    const RawPair raw = loadRaw("Simgot EW200");
    auto meanOf = [](auto fn) {
        const int n = 4000;
        double s = 0.0;
        for (int i = 0; i < n; ++i)
            s += fn(300.0 * std::pow(10.0, (i + 0.5) / n));
        return s / n;
    };
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const PeqDesign eq = parseApo(readFileBytes((dir / "ParametricEQ.txt").string()), "eq");
    // Grid-resampled like the report, so straight segments between the same points are compared.
    const FrequencyCurve m = averageDb({ raw.l, raw.r }, grid), t = resample(raw.t, grid);
    const FrequencyCurve corrected = add(m, eqCurve(eq.filters, grid, 48000.0));
    const double tRef = meanOf([&](double x) { return levelAt(t, x); });
    const double mRef = meanOf([&](double x) { return levelAt(m, x); });
    const double cRef = meanOf([&](double x) { return levelAt(corrected, x); });
    auto target = [&](double x) { return levelAt(t, x) - tRef; };
    auto iem = [&](double x) { return levelAt(m, x) - mRef; };
    auto fixedIem = [&](double x) { return levelAt(corrected, x) - cRef; };

    // The corrected curve is drawn last, so it is visible everywhere.
    for (double hz : { 100.0, 1000.0, 3000.0, 5000.0 }) {
        const int x = static_cast<int>(std::lround(L.xForHz(hz)));
        INFO("corrected at " << hz << " Hz");
        // Evaluated at the column's centre: on steep slopes half a pixel sideways moves the row.
        REQUIRE(curveRow(img, L, x, graphics::palette::corrected) == Approx(L.yForDb(fixedIem(L.hzForX(x + 0.5)))).margin(1.0));
    }
    // The raw IEM where no other curve is within 2.5 dB of it (so nothing covers it).
    int checked = 0;
    for (double hz : { 100.0, 120.0, 150.0, 200.0, 250.0, 6500.0, 7000.0, 9000.0, 9500.0 }) {
        if (std::fabs(iem(hz) - target(hz)) < 2.5 || std::fabs(iem(hz) - fixedIem(hz)) < 2.5)
            continue;
        const int x = static_cast<int>(std::lround(L.xForHz(hz)));
        INFO("IEM at " << hz << " Hz, " << iem(hz) << " dB");
        REQUIRE(curveRow(img, L, x, graphics::palette::iem) == Approx(L.yForDb(iem(L.hzForX(x + 0.5)))).margin(1.0));
        ++checked;
    }
    REQUIRE(checked >= 3);
    // Above 8 kHz the background is shaded, below it is white (points clear of grid lines and text).
    REQUIRE(colourDistance(img.at(static_cast<int>(L.xForHz(15000.0)), static_cast<int>(L.yForDb(7.5))), { 0xfb, 0xe9, 0xd0 }) < 10);
    REQUIRE(colourDistance(img.at(static_cast<int>(L.xForHz(6500.0)), static_cast<int>(L.yForDb(12.5))), { 255, 255, 255 }) < 10);
}

TEST_CASE("report: a preset's filters are the correction", "[cli][report]")
{
    const fs::path dir = freshDir("preset");
    const std::string presetPath = test::repoPath("Presets/harman-in-ear-2019/Simgot EW200.json");
    const CliRun run = runCli("report " + pair("Simgot EW200") + " --preset " + quoted(presetPath) + " -o " + quoted(dir.string()));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    const Preset p = presetFromJson(readFileBytes(presetPath), presetPath);
    const PeqDesign written = parseApo(readFileBytes((dir / "ParametricEQ.txt").string()), "eq");
    const PeqDesign stored = p.firstChannel();
    REQUIRE(written.filters.size() == stored.filters.size());
    for (std::size_t i = 0; i < written.filters.size(); ++i) {
        REQUIRE(written.filters[i].fc == Approx(stored.filters[i].fc).margin(0.5));
        REQUIRE(written.filters[i].gainDb == Approx(stored.filters[i].gainDb).margin(0.05));
    }
    const std::string md = readFileBytes((dir / "report.md").string());
    REQUIRE(md.find("Correction from preset Simgot EW200.json") != std::string::npos);
    // Score after = the Olive score of the measurement + the preset's EQ.
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const RawPair raw = loadRaw("Simgot EW200");
    const FrequencyCurve m = averageDb({ raw.l, raw.r }, grid);
    const double after = harmanInEarScore(add(m, eqCurve(stored.filters, grid, p.result.fs)), resample(raw.t, grid)).score;
    REQUIRE(std::stod(rowCells(md, "predicted preference (Olive et al. in-ear)")[2]) == Approx(after).margin(0.051));
}

TEST_CASE("report --vs: where two IEMs differ and the EQ from one to the other", "[cli][report]")
{
    const fs::path dir = freshDir("vs");
    const CliRun run = runCli("report " + pair("Simgot EW200") + " --vs "
                           + quoted(test::dataPath("measurements/regancipher/Simgot EM6L L.txt")) + " --vs "
                           + quoted(test::dataPath("measurements/regancipher/Simgot EM6L R.txt")) + " -o " + quoted(dir.string()));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    REQUIRE(fs::exists(dir / "compare-1.png"));
    REQUIRE(graphics::readPng((dir / "compare-1.png").string()).width == 1200);
    const std::string md = readFileBytes((dir / "report.md").string());
    INFO(md);
    REQUIRE(md.find("## Comparison: Simgot EW200 vs Simgot EM6L") != std::string::npos);
    REQUIRE(md.find("### EQ that makes Simgot EW200 sound like Simgot EM6L") != std::string::npos);
    // Per band, EW200 minus EM6L equals the difference of their deviations from any common target.
    const RawPair a = loadRaw("Simgot EW200"), b = loadRaw("Simgot EM6L");
    const double refDiff = a.meanErr(300.0, 3000.0) - b.meanErr(300.0, 3000.0);
    const double bassDiff = a.meanErr(60.0, 250.0) - b.meanErr(60.0, 250.0) - refDiff;
    const auto cells = rowCells(md.substr(md.find("## Comparison")), "bass");
    REQUIRE(std::stod(cells[2]) == Approx(bassDiff).margin(0.051));
    // The EQ brings the RMS difference down by more than half.
    const auto pos = md.find("RMS difference 20 Hz-10 kHz: ");
    REQUIRE(pos != std::string::npos);
    const double before = std::stod(md.substr(pos + 29));
    const double after = std::stod(md.substr(md.find("before, ", pos) + 8));
    REQUIRE(after < 0.5 * before);
}

TEST_CASE("report: user mistakes give one clear error line and exit 1", "[cli][report]")
{
    const std::string ok = pair("Simgot EW200");
    CliRun r = runCli("report " + ok);
    REQUIRE(r.exitCode == 1);
    REQUIRE(r.out.find("no output folder given (use -o DIR)") != std::string::npos);
    r = runCli("report " + ok + " --db-range 5:-5 -o /tmp/x");
    REQUIRE(r.exitCode == 1);
    REQUIRE(r.out.find("--db-range must be LO:HI") != std::string::npos);
    r = runCli("report --fr /nonexistent/L.txt -o /tmp/x");
    REQUIRE(r.exitCode == 1);
    REQUIRE(r.out.find("/nonexistent/L.txt") != std::string::npos);
    r = runCli("report " + ok + " --preset /nonexistent/p.json -o /tmp/x");
    REQUIRE(r.exitCode == 1);
    REQUIRE(r.out.find("/nonexistent/p.json") != std::string::npos);
}

TEST_CASE("report: says how the treble is handled and why, for the policy the correction used", "[cli][report][treble]")
{
    const struct { const char* flag; const char* said; } cases[] = {
        { "", "policy `smooth`" }, { " --treble fit", "policy `fit`" }, { " --treble off", "policy `off`" } };
    for (const auto& k : cases) {
        INFO(k.said);
        const fs::path dir = freshDir("treble");
        const CliRun run = runCli("report " + pair("Simgot EW200") + " --target harman2019" + k.flag + " -o " + quoted(dir.string()));
        INFO(run.out);
        REQUIRE(run.exitCode == 0);
        const std::string md = readFileBytes((dir / "report.md").string());
        const auto correction = md.find("## Correction");
        const auto said = md.find(k.said);
        REQUIRE(correction != std::string::npos);
        CHECK(said > correction);  // in the correction's own section
        CHECK(said != std::string::npos);
        CHECK(md.find("reliably only up to about 6 kHz") != std::string::npos);  // and why
        fs::remove_all(dir);
    }
    // The preference score is said to be AutoEq's computation (the numbers users know).
    const fs::path dir = freshDir("treble-score");
    REQUIRE(runCli("report " + pair("Simgot EW200") + " --target harman2019 -o " + quoted(dir.string())).exitCode == 0);
    CHECK(readFileBytes((dir / "report.md").string()).find("computed as AutoEq computes it") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("report: the summary shows the errors `iemeq design` prints, to the digit (one set of numbers)", "[cli][report]")
{
    const fs::path dir = freshDir("same-numbers");
    const CliRun design = runCli("design " + pair("Simgot EW200") + " --target harman2019 --output " + quoted((dir.string() + ".txt")));
    INFO(design.out);
    REQUIRE(design.exitCode == 0);
    const auto at = design.out.find("error 20 Hz-6 kHz: ");
    REQUIRE(at != std::string::npos);
    double before = 0, after = 0, trebleBefore = 0, trebleAfter = 0;
    REQUIRE(std::sscanf(design.out.c_str() + at, "error 20 Hz-6 kHz: %lf -> %lf dB RMS, treble level 6-16 kHz: %lf -> %lf",
                        &before, &after, &trebleBefore, &trebleAfter) == 4);
    REQUIRE(runCli("report " + pair("Simgot EW200") + " --target harman2019 -o " + quoted(dir.string())).exitCode == 0);
    const std::string md = readFileBytes((dir / "report.md").string());
    const auto reliable = rowCells(md, "error 20 Hz-6 kHz, where couplers are reliable (RMS, mean removed)");
    const auto treble = rowCells(md, "treble level 6-16 kHz (1-octave, RMS about the level below 6 kHz)");
    char b[32];
    const auto dB = [&b](double v) { std::snprintf(b, sizeof b, "%.2f dB", v); return std::string(b); };
    CHECK(reliable.at(1) == dB(before));
    CHECK(reliable.at(2) == dB(after));
    CHECK(treble.at(1) == dB(trebleBefore));
    CHECK(treble.at(2) == dB(trebleAfter));
    fs::remove_all(dir);
    fs::remove(dir.string() + ".txt");
}
