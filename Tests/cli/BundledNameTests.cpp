// Bundled targets and device profiles by short name: listed by `iemeq targets` / `iemeq devices`,
// accepted wherever a file is, and an unknown name lists the valid ones with the nearest first.
#include "../TestData.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>

using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

const std::string kFr = " --fr " + shq(dataPath("measurements/Simgot EW200 L.txt")) + " --fr "
                        + shq(dataPath("measurements/Simgot EW200 R.txt"));

// The line of `listing` that contains `needle` ("" when none).
std::string lineWith(const std::string& listing, const std::string& needle)
{
    std::istringstream in(listing);
    for (std::string line; std::getline(in, line);)
        if (line.find(needle) != std::string::npos)
            return line;
    return "";
}

} // namespace

TEST_CASE("cli: an unknown target name suggests the nearest and lists the bundled ones", "[cli][names]")
{
    for (const std::string& cmd : { "design" + kFr, "info" + kFr, "batch " + shq(dataPath("measurements/regancipher")) }) {
        const CliRun r = runCli(cmd + " --target harman2020");
        INFO(r.out);
        CHECK(r.exitCode == 1);
        CHECK(lineCount(r.out) == 1);
        CHECK(r.out.find("did you mean 'harman2019'") != std::string::npos);
        for (const char* name : { "harman2016", "harman2019-nobass", "df", "ief2023", "freefield", "autoeq", "flat" })
            CHECK(r.out.find(name) != std::string::npos);
        CHECK(r.out.find("iemeq targets") != std::string::npos);
    }
    // A path that does not exist is reported as a missing file, not as a name.
    const CliRun path = runCli("design" + kFr + " --target ./nowhere/harman.csv");
    INFO(path.out);
    CHECK(path.exitCode == 1);
    CHECK(path.out.find("no such file") != std::string::npos);
}

TEST_CASE("cli: a bundled device profile is accepted by name, an unknown one lists the valid names", "[cli][names]")
{
    const CliRun byName = runCli("design" + kFr + " --device qudelix-5k");
    const CliRun byPath = runCli("design" + kFr + " --device " + shq(repoPath("Presets/devices/qudelix-5k.json")));
    INFO(byName.out);
    CHECK(byName.exitCode == 0);
    CHECK(byName.out == byPath.out);
    CHECK(runCli("design" + kFr + " --device qudelix-5k.json").out == byPath.out);

    const CliRun unknown = runCli("design" + kFr + " --device qudelix5k");
    INFO(unknown.out);
    CHECK(unknown.exitCode == 1);
    CHECK(lineCount(unknown.out) == 1);
    CHECK(unknown.out.find("did you mean 'qudelix-5k'") != std::string::npos);
    for (const char* name : { "generic-5band", "graphic-10band" })
        CHECK(unknown.out.find(name) != std::string::npos);
    CHECK(unknown.out.find("iemeq devices") != std::string::npos);
}

TEST_CASE("cli: `iemeq targets` lists every bundled target: short name, file, description", "[cli][names]")
{
    const CliRun r = runCli("targets");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    int files = 0;
    for (const auto& e : fs::directory_iterator(repoPath("Targets"))) {
        if (e.path().extension() != ".csv")
            continue;
        ++files;
        const std::string line = lineWith(r.out, e.path().filename().string());
        INFO(e.path().filename().string());
        CHECK(!line.empty());
        // More on the line than the file name: its short name(s) and a description.
        CHECK(line.size() > e.path().filename().string().size() + 20);
    }
    CHECK(files >= 9);
    CHECK(lineWith(r.out, "Harman in-ear 2019 v2.csv").find("harman2019") != std::string::npos);
    CHECK(lineWith(r.out, "Diffuse field (KEMAR 711).csv").find("df") != std::string::npos);
    CHECK(lineWith(r.out, "Diffuse field (KEMAR 711).csv").find("diffuse") != std::string::npos);
}

TEST_CASE("cli: `iemeq devices` lists every bundled device profile with what it can do", "[cli][names]")
{
    const CliRun r = runCli("devices");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    int files = 0;
    for (const auto& e : fs::directory_iterator(repoPath("Presets/devices"))) {
        if (e.path().extension() != ".json")
            continue;
        ++files;
        const std::string line = lineWith(r.out, e.path().stem().string() + " ");
        INFO(e.path().filename().string());
        CHECK(line.find(e.path().filename().string()) != std::string::npos);
    }
    CHECK(files >= 3);
    const std::string q = lineWith(r.out, "qudelix-5k ");
    CHECK(q.find("Qudelix 5K") != std::string::npos);
    CHECK(q.find("10 filters") != std::string::npos);
}
