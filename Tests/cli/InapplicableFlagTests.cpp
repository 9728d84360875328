// A flag that does not apply to what was asked is an error naming what it needs, never ignored.
#include "../TestData.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <string>

using namespace iemeq::test;

namespace {

const std::string kFr = " --fr " + shq(dataPath("measurements/Simgot EW200 L.txt")) + " --fr "
                        + shq(dataPath("measurements/Simgot EW200 R.txt"));
const std::string kDevice = shq(repoPath("Presets/devices/qudelix-5k.json"));

void checkRefused(const std::string& args, const std::string& flag, const std::string& needs)
{
    const CliRun r = runCli(args);
    INFO(args);
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(lineCount(r.out) == 1);
    CHECK(r.out.find(flag) != std::string::npos);
    CHECK(r.out.find(needs) != std::string::npos);
}

} // namespace

TEST_CASE("cli: --filters needs --layout free", "[cli][flags]")
{
    checkRefused("design" + kFr + " --filters 5", "--filters", "--layout free");
    checkRefused("design" + kFr + " --layout autoeq --filters 5", "--filters", "--layout free");
    checkRefused("batch " + shq(dataPath("measurements/regancipher")) + " --filters 5", "--filters", "--layout free");
    const CliRun ok = runCli("design" + kFr + " --layout free --filters 5");
    INFO(ok.out);
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.find(", 5 filters") != std::string::npos);
}

TEST_CASE("cli: design flags that a device profile or the output format overrides are errors", "[cli][flags]")
{
    checkRefused("design" + kFr + " --device " + kDevice + " --layout free", "--layout", "--device");
    checkRefused("design" + kFr + " --device " + kDevice + " --layout free --filters 4", "--layout", "--device");
    checkRefused("design" + kFr + " --name Mine", "--name", "--format json");
    checkRefused("design" + kFr + " --format graphiceq --name Mine", "--name", "--format json");
}

TEST_CASE("cli: WAV export flags of preset convert need a .wav output, --fs a format that is realised", "[cli][flags]")
{
    ScratchDir dir("inapplicable-convert");
    REQUIRE(runCli("design" + kFr + " --format json --output " + shq(dir / "p.json")).exitCode == 0);
    for (const char* flag : { "--taps 1024", "--phase linear", "--bits 24" })
        checkRefused("preset convert " + shq(dir / "p.json") + " " + shq(dir / "p.txt") + " " + flag,
                     std::string(flag).substr(0, std::string(flag).find(' ')), ".wav");
    CHECK_FALSE(std::filesystem::exists(dir / "p.txt"));
    // --fs re-fits the filters for ParametricEQ.txt, GraphicEQ.txt, CSV and WAV; a preset keeps its rate.
    checkRefused("preset convert " + shq(dir / "p.json") + " " + shq(dir / "q.json") + " --fs 44100", "--fs", ".json");
    CHECK(runCli("preset convert " + shq(dir / "p.json") + " " + shq(dir / "p.txt") + " --fs 44100").exitCode == 0);
}

TEST_CASE("cli: batch --author and --source need --preset-dir", "[cli][flags]")
{
    const std::string dir = shq(dataPath("measurements/regancipher"));
    checkRefused("batch " + dir + " --author me", "--author", "--preset-dir");
    checkRefused("batch " + dir + " --source somebody", "--source", "--preset-dir");
}

TEST_CASE("cli: report --vs-name needs --vs, design settings do not apply to --preset", "[cli][flags]")
{
    ScratchDir dir("inapplicable-report");
    REQUIRE(runCli("design" + kFr + " --format json --output " + shq(dir / "p.json")).exitCode == 0);
    checkRefused("report" + kFr + " --vs-name Other -o " + shq(dir / "r"), "--vs-name", "--vs");
    checkRefused("report" + kFr + " --preset " + shq(dir / "p.json") + " --max-boost 3 -o " + shq(dir / "r"),
                 "--max-boost", "--preset");
    checkRefused("report" + kFr + " --preset " + shq(dir / "p.json") + " --fs 44100 -o " + shq(dir / "r"), "--fs",
                 "--preset");
    CHECK_FALSE(std::filesystem::exists(dir / "r"));
}
