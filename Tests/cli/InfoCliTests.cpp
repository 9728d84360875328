// `iemeq info` as a user runs it: the report's numbers, the imbalance warning, the residual
// against AutoEq's figures, and a one-line error with a non-zero exit for a bad file.
#include "../TestData.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/curve/FrequencyCurve.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/curve/TargetAdjustments.h"
#include "dsp/io/CurveReader.h"

#include "CliRunner.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

using namespace iemeq;
using namespace iemeq::test;

namespace {

// The number after `label` in the output, or NaN.
double numberAfter(const std::string& out, const std::string& label)
{
    const auto pos = out.find(label);
    if (pos == std::string::npos)
        return std::nan("");
    return std::stod(out.substr(pos + label.size()));
}

const std::string kResidual = "residual vs target (RMS, 20 Hz-10 kHz, mean removed): ";

} // namespace

TEST_CASE("info: points, range, level at 1 kHz and channel balance of a pair", "[cli][info]")
{
    const std::string l = test::dataPath("measurements/regancipher/Simgot EW200 L.txt");
    const std::string r = test::dataPath("measurements/regancipher/Simgot EW200 R.txt");
    const CliRun run = runCli("info --fr " + quoted(l) + " --fr " + quoted(r));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    const auto c = readCurveFile(l);
    char expect[256];
    std::snprintf(expect, sizeof expect, "%s: %zu points, %.1f Hz - %.1f Hz, %.2f dB at 1 kHz (", l.c_str(), c.size(),
                  c.freq.front(), c.freq.back(), levelAt(c, 1000.0));
    REQUIRE(run.out.find(expect) != std::string::npos);
    REQUIRE(std::string(expect).find(": 480 points, 20.3 Hz - 20000.0 Hz, 69.98 dB at 1 kHz") != std::string::npos);
    REQUIRE(numberAfter(run.out, "channel balance (L-R, 100 Hz-5 kHz mean): ") == Approx(0.0).margin(0.005));
    REQUIRE(run.out.find("warning") == std::string::npos);
}

TEST_CASE("info: an imbalanced pair gets the warning and still exits 0", "[cli][info]")
{
    const CliRun run = runCli("info --fr " + quoted(test::dataPath("measurements/antdroid/FA7 L.txt")) + " --fr "
                           + quoted(test::dataPath("measurements/antdroid/FA7 R.txt")) + " --target harman2019");
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    REQUIRE(numberAfter(run.out, "channel balance (L-R, 100 Hz-5 kHz mean): ") == Approx(-2.95).margin(0.01));
    REQUIRE(run.out.find("\nwarning: channel imbalance: L-R is -12.1 dB at 4") != std::string::npos);
    REQUIRE(numberAfter(run.out, "predicted preference (Olive et al. in-ear): ") > 0.0);
}

TEST_CASE("info: uncorrected residual of every PAIRS.tsv IEM equals AutoEq's figure within 0.02 dB", "[cli][info][golden]")
{
    std::ifstream in(test::dataPath("PAIRS.tsv"));
    REQUIRE(in);
    const std::string target
        = test::dataPath("targets/autoeq/AutoEq in-ear results target (from Regan Cipher EW200 results CSV).csv");
    std::string line;
    std::getline(in, line);
    int rows = 0;
    while (std::getline(in, line)) {
        std::vector<std::string> col;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');)
            col.push_back(c);
        const std::string base = test::dataPath(col[1].substr(0, col[1].find(" L.txt + R.txt")));
        const CliRun run = runCli("info --fr " + quoted(base + " L.txt") + " --fr " + quoted(base + " R.txt") + " --target " + quoted(target));
        INFO(run.out);
        REQUIRE(run.exitCode == 0);
        const double rms = numberAfter(run.out, kResidual);
        CHECK(std::fabs(rms - std::stod(col[5])) <= 0.02);
        ++rows;
    }
    REQUIRE(rows == 14);
}

TEST_CASE("info: a bad file exits non-zero with a one-line reason", "[cli][info]")
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "iemeq-info-cli";
    fs::create_directories(dir);
    const fs::path bad = dir / "bad.txt";
    {
        std::ofstream out(bad, std::ios::binary);
        out << "* REW export\n20\t80\n30\tloud\n";
    }
    const CliRun run = runCli("info --fr " + quoted(bad.string()));
    REQUIRE(run.exitCode != 0);
    REQUIRE(run.out == "iemeq info: error: " + bad.string() + ":3: level 'loud' is not a number\n");

    const CliRun missing = runCli("info --fr " + quoted((dir / "nope.txt").string()));
    REQUIRE(missing.exitCode != 0);
    REQUIRE(missing.out == "iemeq info: error: " + (dir / "nope.txt").string() + ": cannot open file\n");
    fs::remove_all(dir);
}

TEST_CASE("info: target shaping flags (bass shelf, another IEM as target) change the residual as computed", "[cli][info]")
{
    const std::string l = test::dataPath("measurements/regancipher/Simgot EW200 L.txt");
    const std::string r = test::dataPath("measurements/regancipher/Simgot EW200 R.txt");
    // The IEM as its own target: nothing left to correct.
    CliRun run = runCli("info --fr " + quoted(l) + " --fr " + quoted(r) + " --target-iem " + quoted(l) + " --target-iem " + quoted(r));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    REQUIRE(numberAfter(run.out, kResidual) == 0.0);
    REQUIRE(numberAfter(run.out, "predicted preference (Olive et al. in-ear): ") == Approx(100.1).margin(0.05));

    // --bass 6 means the +6 dB RBJ low shelf added to the target: the CLI's residual must be the
    // one computed here from the library, and closer to AutoEq's bass-boosted results target.
    const std::string targetPath = test::repoPath("Targets/Harman in-ear 2019 v2 without bass.csv");
    const std::string base = "info --fr " + quoted(l) + " --fr " + quoted(r) + " --target " + quoted(targetPath);
    const double plain = numberAfter(runCli(base).out, kResidual);
    const double withBass = numberAfter(runCli(base + " --bass 6").out, kResidual);
    const auto grid = makeRatioGrid(20.0, 20000.0, 1.01);
    const auto m = averageDb({ readCurveFile(l), readCurveFile(r) }, grid);
    TargetAdjustments bass;
    bass.bassGainDb = 6.0;
    const auto t = resample(readCurveFile(targetPath), grid);
    REQUIRE(plain == Approx(rmsErrorDb(m, t)).margin(0.0005));
    REQUIRE(withBass == Approx(rmsErrorDb(m, applyAdjustments(t, bass))).margin(0.0005));
    REQUIRE(withBass < plain - 1.0);

    const CliRun bad = runCli(base + " --bass 40");
    REQUIRE(bad.exitCode != 0);
    REQUIRE(bad.out == "iemeq info: error: target adjustment: bass gain (dB) 40 is outside -30 .. 30\n");
}
