// Batch progress: a redrawn bar (carriage returns) on a terminal, plain lines in a log.
#include "../TestData.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <string>

using namespace iemeq::test;

TEST_CASE("cli: batch progress is plain lines without carriage returns when stderr is not a terminal", "[cli][batch][progress]")
{
    ScratchDir dir("progress-log");
    // In a subshell: runShell adds its own 2>&1 after the command line.
    const CliRun r = runShell("(" + std::string(IEMEQ_CLI_PATH) + " batch " + shq(dataPath("measurements/regancipher")) + " 2> "
                              + shq(dir / "log.txt") + " > /dev/null)");
    REQUIRE(r.exitCode == 0);
    const std::string log = fileBytes(dir / "log.txt");
    INFO(log);
    CHECK(log.find('\r') == std::string::npos);
    CHECK(lineCount(log) == 14);
    // One line per IEM, in the summary's order (also when designed in parallel).
    CHECK(log.find("1/14 7Hz Zero2\n") != std::string::npos);
    CHECK(log.find("14/14 Simgot EW200\n") != std::string::npos);
    CHECK(log.find("1/14") < log.find("2/14"));
}

TEST_CASE("cli: batch progress on a terminal is one redrawn bar", "[cli][batch][progress]")
{
    // `script` gives the command a pseudo-terminal; its output is what the terminal showed.
    const std::string cmd = std::string(IEMEQ_CLI_PATH) + " batch " + shq(dataPath("measurements/regancipher")) + " > /dev/null";
    const CliRun r = runShell("script -qec \"" + cmd + "\" /dev/null");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("\r[") != std::string::npos);
    CHECK(r.out.find("14/14") != std::string::npos);
}
