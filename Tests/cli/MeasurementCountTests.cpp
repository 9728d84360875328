// One IEM is one or two files (L and R). A third --fr is an error that says how to compare with
// another IEM, unless averaging every file was asked for with --average-all.
#include "../TestData.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <string>

using namespace iemeq::test;

namespace {

std::string fr(const std::string& file) { return " --fr " + shq(dataPath("measurements/regancipher/" + file)); }

const std::string kThree = fr("EPZ Q1 L.txt") + fr("EPZ Q1 R.txt") + fr("Moondrop Chu L.txt");

void checkThreeRefused(const std::string& args)
{
    const CliRun r = runCli(args);
    INFO(args);
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(lineCount(r.out) == 1);
    for (const char* hint : { "3 --fr", "L and R", "--target-iem", "report --vs", "--average-all" })
        CHECK(r.out.find(hint) != std::string::npos);
}

} // namespace

TEST_CASE("cli: more than two --fr is an error that points to --target-iem and report --vs", "[cli][flags][fr]")
{
    ScratchDir dir("fr-count");
    checkThreeRefused("design" + kThree);
    checkThreeRefused("info" + kThree);
    checkThreeRefused("report" + kThree + " -o " + shq(dir / "r"));
    REQUIRE(runCli("design" + fr("EPZ Q1 L.txt") + " --format json --output " + shq(dir / "p.json")).exitCode == 0);
    checkThreeRefused("preset apply " + shq(dir / "p.json") + kThree);
    CHECK_FALSE(std::filesystem::exists(dir / "r"));
}

TEST_CASE("cli: --average-all averages every --fr, and is only accepted with more than two", "[cli][flags][fr]")
{
    const CliRun r = runCli("design" + kThree + " --average-all");
    INFO(r.out);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("Filter 1:") != std::string::npos);
    // The mean of three files is not the mean of the first two.
    const CliRun two = runCli("design" + fr("EPZ Q1 L.txt") + fr("EPZ Q1 R.txt"));
    CHECK(two.exitCode == 0);
    CHECK(two.out != r.out);

    const CliRun pointless = runCli("design" + fr("EPZ Q1 L.txt") + fr("EPZ Q1 R.txt") + " --average-all");
    INFO(pointless.out);
    CHECK(pointless.exitCode == 1);
    CHECK(pointless.out.find("--average-all") != std::string::npos);
}

TEST_CASE("cli: more than two --target-iem is an error", "[cli][flags][fr]")
{
    const std::string three = " --target-iem " + shq(dataPath("measurements/regancipher/EPZ Q1 L.txt")) + " --target-iem "
                              + shq(dataPath("measurements/regancipher/EPZ Q1 R.txt")) + " --target-iem "
                              + shq(dataPath("measurements/regancipher/Moondrop Chu L.txt"));
    const CliRun r = runCli("design" + fr("CCA CRA L.txt") + three);
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("--target-iem") != std::string::npos);
    CHECK(r.out.find("L and R") != std::string::npos);
}
