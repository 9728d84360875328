// Warnings and the honest error numbers wherever a design is made on the command line:
// `iemeq design` (stderr "warning: ..." lines), `iemeq batch` (a warnings column and the lines
// after the table) and `iemeq demo`. Numbers are the measured ones (DesignWarnings.h).
#include "../TestData.h"

#include "dsp/design/PeqDesign.h"
#include "dsp/curve/LogGrid.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <sstream>

using namespace iemeq;
using namespace iemeq::test;

namespace {

double numberAfter(const std::string& text, const std::string& label, std::size_t from = 0)
{
    const auto at = text.find(label, from);
    return at == std::string::npos ? NAN : std::strtod(text.c_str() + at + label.size(), nullptr);
}

std::string pairArgs(const std::string& dir, const std::string& iem)
{
    return "--fr " + quoted(dataPath(dir + "/" + iem + " L.txt")) + " --fr " + quoted(dataPath(dir + "/" + iem + " R.txt"));
}

std::string lineWith(const std::string& text, const std::string& what)
{
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find(what) != std::string::npos)
            return line;
    return "";
}

// A measurement file: flat plus the analog response of `filters`, 20 Hz-20 kHz.
void writeCurve(const std::string& path, const std::vector<PeqFilter>& filters)
{
    const auto grid = makeLogGrid(20.0, 20000.0, 48.0);
    const FrequencyCurve eq = eqCurve(filters, grid, 192000.0);
    std::ostringstream o;
    for (std::size_t i = 0; i < grid.size(); ++i)
        o << grid[i] << " " << eq.db[i] << "\n";
    writeText(path, o.str());
}

} // namespace

TEST_CASE("cli: design warns that the FA7's channels differ by 12 dB at 4.7 kHz", "[cli][design][warnings]")
{
    const CliRun r = runCli("design " + pairArgs("measurements/antdroid", "FA7") + " --format apo");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string line = lineWith(r.out, "warning: channel imbalance");
    REQUIRE(!line.empty());
    CHECK(numberAfter(line, "L-R is ") == Approx(-12.1).margin(0.3));  // measured -12.1 dB
    CHECK(numberAfter(line, " dB at ") == Approx(4726.0).margin(150.0));  // measured 4726 Hz
    CHECK(line.find("try separate channels") != std::string::npos);
    // Its linked design also runs into limits: a filter held at one, and the +6 dB boost limit.
    CHECK(r.out.find("is held at a limit: ") != std::string::npos);
    CHECK(numberAfter(lineWith(r.out, "the max-boost limit (6.0 dB)"), "the EQ boosts ") == Approx(6.0).margin(0.15));
}

TEST_CASE("cli: design warns when the boost is held at --max-boost", "[cli][design][warnings]")
{
    const CliRun r = runCli("design " + pairArgs("measurements/regancipher", "EPZ Q1") + " --max-boost 3");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string line = lineWith(r.out, "warning: the EQ boosts");
    CHECK(line.find("the max-boost limit (3.0 dB)") != std::string::npos);
    CHECK(numberAfter(line, "boosts ") == Approx(2.9).margin(0.11));  // measured +2.9 dB at 5.8 kHz
    // FIR corrections obey the same limit and say so too.
    const CliRun fir = runCli("design " + pairArgs("measurements/regancipher", "EPZ Q1") + " --max-boost 3 --mode fir-min --format csv");
    CHECK(fir.out.find("the max-boost limit (3.0 dB)") != std::string::npos);
}

TEST_CASE("cli: design warns about a boost above 8 kHz", "[cli][design][warnings]")
{
    ScratchDir dir("warn-treble");
    writeCurve(dir / "dark.txt", { { FilterType::HighShelf, 9000.0, -8.0, 0.7 } });
    writeCurve(dir / "flat.txt", {});
    const CliRun r = runCli("design --fr " + shq(dir / "dark.txt") + " --target " + shq(dir / "flat.txt"));
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string line = lineWith(r.out, "above 8.0 kHz where coupler measurements are unreliable");
    REQUIRE(line.rfind("warning: the EQ boosts ", 0) == 0);
    CHECK(numberAfter(line, "boosts ") > 3.0);
    CHECK(numberAfter(line, "boosts ") <= 6.0);
    // Left alone (--treble off) there is nothing to warn about.
    CHECK(runCli("design --fr " + shq(dir / "dark.txt") + " --target " + shq(dir / "flat.txt") + " --treble off").out.find("warning:")
          == std::string::npos);
}

TEST_CASE("cli: design of a clean IEM prints the reliable-band error and no warning", "[cli][design][warnings]")
{
    const CliRun r = runCli("design " + pairArgs("measurements/regancipher", "CCA CRA"));
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("warning:") == std::string::npos);
    // The headline is where couplers are reliable; the treble is its broad level (issue 13).
    CHECK(numberAfter(r.out, "error 20 Hz-6 kHz: ") == Approx(1.66).margin(0.01));  // measured
    CHECK(numberAfter(r.out, "error 20 Hz-6 kHz: 1.66 -> ") < 0.15);                 // measured 0.08
    CHECK(numberAfter(r.out, "treble level 6-16 kHz: ") == Approx(1.32).margin(0.01));
    CHECK(r.out.find("RMS 20 Hz-10 kHz") == std::string::npos);
}

TEST_CASE("cli: batch shows each IEM's warnings", "[cli][batch][warnings]")
{
    const CliRun r = runShell("(" + std::string(IEMEQ_CLI_PATH) + " batch " + shq(dataPath("measurements/antdroid")) + " 2>/dev/null)");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("warnings") < r.out.find("FA7"));  // the column
    const std::string fa7 = lineWith(r.out, "FA7 "), quintet = lineWith(r.out, "Quintet ");
    std::istringstream row(fa7.substr(4));
    double cols[7] = {};
    for (double& c : cols)
        row >> c;
    CHECK(cols[0] == Approx(5.21).margin(0.01));  // error 20 Hz-6 kHz before (measured)
    CHECK(cols[1] < 0.3);                         // ... after (measured 0.17)
    CHECK(cols[2] == Approx(5.64).margin(0.01));  // treble level before
    CHECK(cols[6] >= 2);                          // warnings (measured 5)
    CHECK(quintet.substr(quintet.find_last_not_of(' ')) == "0");
    // Each warning after the table, named by its IEM.
    const auto after = r.out.find("\nwarnings:\n");
    REQUIRE(after != std::string::npos);
    CHECK(r.out.find("  FA7: channel imbalance: L-R is -12.1 dB at 47", after) != std::string::npos);
    CHECK(r.out.find("Quintet:", after) == std::string::npos);
    CHECK(lineWith(r.out, "mean").find("RMS error 20 Hz-6 kHz, 1-octave treble level 6-16 kHz") != std::string::npos);
}

TEST_CASE("cli: design names filters held at the ends of their Q and frequency ranges", "[cli][design][warnings]")
{
    // BASN MMCX to Harman 2019 (AutoEq layout): a broad sub-bass peak pinned at 20 Hz and Q 0.18,
    // and a narrow cut at Q 6 (measured).
    const CliRun r = runCli("design " + pairArgs("measurements/regancipher", "BASN MMCX"));
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string wide = lineWith(r.out, "widest Q 0.18");
    CHECK(wide.rfind("warning: filter ", 0) == 0);
    CHECK(wide.find("PK 20 Hz") != std::string::npos);
    // Parked at 20 Hz, the edge of hearing, is not worth a warning of its own (it fired on 6 of
    // 15 shared IEMs, none of which loses anything audible there).
    CHECK(wide.find("lowest frequency") == std::string::npos);
    CHECK(lineWith(r.out, "narrowest Q 6.00").rfind("warning: filter ", 0) == 0);
    // A device's own bounds: generic-5band allows Q 0.5 at the widest.
    const CliRun dev = runCli("design " + pairArgs("measurements/antdroid", "FA7") + " --device generic-5band");
    INFO(dev.out);
    REQUIRE(dev.exitCode == 0);
    std::size_t n = 0;
    for (std::size_t at = dev.out.find("widest Q 0.50"); at != std::string::npos; at = dev.out.find("widest Q 0.50", at + 1))
        ++n;
    CHECK(n >= 3);  // measured 4 of its 5 bands
    CHECK(dev.out.find("widest Q 0.18") == std::string::npos);
}
