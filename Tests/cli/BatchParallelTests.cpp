// `iemeq batch -j N` designs in parallel and writes exactly what a single-threaded run writes:
// the same summary on stdout, the same progress lines in a log and byte-identical presets.
#include "../TestData.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

struct BatchRun {
    CliRun run;
    std::string summary, log;
};

BatchRun batch(const ScratchDir& dir, const std::string& jobs, const std::string& presetDir, const std::string& extra = "")
{
    const std::string out = dir / ("summary" + jobs + ".txt"), log = dir / ("log" + jobs + ".txt");
    BatchRun b;
    // In a subshell: runShell adds its own 2>&1 after the command line.
    b.run = runShell("(" + std::string(IEMEQ_CLI_PATH) + " batch " + shq(dataPath("measurements/regancipher")) + " " + jobs
                     + " --preset-dir " + shq(presetDir) + extra + " > " + shq(out) + " 2> " + shq(log) + ")");
    b.summary = fileBytes(out);
    b.log = fileBytes(log);
    return b;
}

} // namespace

TEST_CASE("cli: batch -j 2 writes the same summary, log and presets as -j 1", "[cli][batch][parallel]")
{
    ScratchDir dir("batch-parallel");
    const BatchRun one = batch(dir, "-j 1", dir / "p1");
    const BatchRun two = batch(dir, "-j 2", dir / "p2");
    const BatchRun many = batch(dir, "--jobs=5", dir / "p5");
    const BatchRun deflt = batch(dir, "", dir / "pd");
    REQUIRE(one.run.exitCode == 0);
    REQUIRE(two.run.exitCode == 0);
    REQUIRE(many.run.exitCode == 0);
    REQUIRE(deflt.run.exitCode == 0);
    // Two header lines, 14 IEMs and the mean, then the warnings.
    CHECK(lineCount(one.summary.substr(0, one.summary.find("\n\nwarnings:\n") + 1)) == 17);
    CHECK(two.summary == one.summary);
    CHECK(many.summary == one.summary);
    CHECK(deflt.summary == one.summary);
    CHECK(two.log == one.log);
    CHECK(many.log == one.log);

    int compared = 0;
    for (const auto& e : fs::directory_iterator(dir / "p1")) {
        const std::string name = e.path().filename().string();
        INFO(name);
        const std::string ref = fileBytes(e.path().string());
        CHECK(!ref.empty());
        CHECK(fileBytes(dir / ("p2/" + name)) == ref);
        CHECK(fileBytes(dir / ("p5/" + name)) == ref);
        CHECK(fileBytes(dir / ("pd/" + name)) == ref);
        ++compared;
    }
    CHECK(compared == 14);
}

TEST_CASE("cli: batch -j reports a failing IEM in its place, whatever the number of jobs", "[cli][batch][parallel]")
{
    // A folder with one unreadable measurement among good ones.
    ScratchDir dir("batch-parallel-error");
    fs::create_directories(dir / "in");
    for (const char* f : { "EPZ Q1 L.txt", "EPZ Q1 R.txt", "Moondrop Chu L.txt", "Moondrop Chu R.txt" })
        fs::copy_file(dataPath(std::string("measurements/regancipher/") + f), dir / (std::string("in/") + f));
    writeText(dir / "in/Broken L.txt", "this is not a measurement\n");
    std::string summaries[2];
    int i = 0;
    for (const std::string jobs : { "-j 1", "-j 2" }) {
        const CliRun r = runShell("(" + std::string(IEMEQ_CLI_PATH) + " batch " + shq(dir / "in") + " " + jobs + " 2>/dev/null)");
        INFO(r.out);
        CHECK(r.exitCode == 1);
        CHECK(r.out.rfind("IEM ", 0) == 0);
        CHECK(r.out.find("Broken") < r.out.find("EPZ Q1"));
        CHECK(r.out.find("1 failed") != std::string::npos);
        summaries[i++] = r.out;
    }
    CHECK(summaries[0] == summaries[1]);
}

TEST_CASE("cli: batch -j must be a whole number of jobs", "[cli][batch][parallel]")
{
    for (const char* bad : { "-j 0", "-j x", "-j 1.5", "-j", "--jobs=-2" }) {
        const CliRun r = runCli("batch " + shq(dataPath("measurements/regancipher")) + " " + bad);
        INFO(bad);
        INFO(r.out);
        CHECK(r.exitCode == 1);
        CHECK(r.out.find("--jobs") != std::string::npos);
    }
}
