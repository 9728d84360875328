// `iemeq report --listening RESULTS.json`: the "Listening test" section of report.md (what was
// compared, score, p-value, verdict, trials), alone or in a full review, and one-line errors.
#include "../TestData.h"
#include "CliRunner.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/listening/AbxSession.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <unistd.h>

using namespace iemeq;
using namespace iemeq::listening;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name)
{
    const fs::path d = fs::temp_directory_path() / ("iemeq-listening-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1))
        ++n;
    return n;
}

// A finished ABX session, 12 of 16 right, 5 s per trial, two switches each.
ListeningResults abxTwelveOfSixteen()
{
    auto now = std::make_shared<double>(0.0);
    AbxSession s({ "corrected (Harman 2019)", "Simgot EW200, parametric EQ to Harman in-ear 2019" },
                 { "original", "Simgot EW200 as measured" }, 16, 99, [now] { return *now; });
    for (int i = 0; i < 16; ++i) {
        *now += 2.0;
        s.listen('X');
        *now += 2.0;
        s.listen('B');
        *now += 1.0;
        s.answer(i < 12 ? s.xIs() : (s.xIs() == Side::A ? Side::B : Side::A));
    }
    return s.results();
}

} // namespace

TEST_CASE("report --listening alone writes the listening test section", "[cli][listening]")
{
    const fs::path dir = freshDir("alone");
    const ListeningResults r = abxTwelveOfSixteen();
    saveResults(r, (dir / "abx.json").string(), (dir / "abx.csv").string());
    const CliRun run = runCli("report --listening " + quoted((dir / "abx.json").string()) + " -o " + quoted((dir / "out").string()));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.find("listening test: a difference was heard, p = 0.038") != std::string::npos);
    const std::string md = readFileBytes((dir / "out" / "report.md").string());
    CHECK(md.rfind("# corrected (Harman 2019) vs original\n", 0) == 0);
    CHECK(md.find("## Listening test") != std::string::npos);
    CHECK(md.find("- **A**: corrected (Harman 2019) - Simgot EW200, parametric EQ to Harman in-ear 2019") != std::string::npos);
    CHECK(md.find("- **B**: original - Simgot EW200 as measured") != std::string::npos);
    CHECK(md.find("| score | 12 of 16 correct |") != std::string::npos);
    CHECK(md.find("| p = 0.038 (0.03841) |") != std::string::npos);
    CHECK(md.find("| verdict | **a difference was heard, p = 0.038** |") != std::string::npos);
    CHECK(md.find("| time per trial | median 5.0 s |") != std::string::npos);
    CHECK(md.find("| switches per trial | median 2 |") != std::string::npos);
    CHECK(md.find("| random seed | 99 |") != std::string::npos);
    // One table row per trial, with what X was and whether the answer was right.
    CHECK(count(md, " | yes | 2 | 5.0 s |") == 12);
    CHECK(count(md, " | no | 2 | 5.0 s |") == 4);
    const TrialRecord& t1 = r.trials[0];
    CHECK(md.find(std::string("| 1 | ") + sideLetter(t1.hidden) + " | " + sideLetter(t1.answer) + " | yes |") != std::string::npos);
}

TEST_CASE("report --fr ... --listening adds the section to the reviewer's report", "[cli][listening]")
{
    const fs::path dir = freshDir("full");
    // A preference test: the corrected side preferred in 13 of 16 trials.
    auto now = std::make_shared<double>(0.0);
    BlindPreferenceSession s({ "corrected (Harman 2019)", "" }, { "original", "" }, 16, 5, [now] { return *now; });
    for (int i = 0; i < 16; ++i) {
        *now += 4.0;
        const Side wanted = i < 13 ? Side::A : Side::B;
        s.prefer(s.sideOf('1') == wanted ? '1' : '2');
    }
    writeFileAtomically((dir / "pref.json").string(), resultsToJson(s.results()));
    const std::string fr = "--fr " + quoted(dataPath("measurements/regancipher/Simgot EW200 L.txt")) + " --fr "
                           + quoted(dataPath("measurements/regancipher/Simgot EW200 R.txt"));
    const CliRun run = runCli("report " + fr + " --listening " + quoted((dir / "pref.json").string()) + " -o " + quoted((dir / "out").string()));
    INFO(run.out);
    REQUIRE(run.exitCode == 0);
    const std::string md = readFileBytes((dir / "out" / "report.md").string());
    const auto summary = md.find("## Summary"), listening = md.find("## Listening test"), words = md.find("## How the words are chosen");
    CHECK(summary != std::string::npos);
    REQUIRE(listening != std::string::npos);
    CHECK(summary < listening);
    CHECK(listening < words);
    CHECK(md.find("A blind preference test") != std::string::npos);
    CHECK(md.find("| preferred | A (corrected (Harman 2019)) in 13, B (original) in 3 of 16 trials |") != std::string::npos);
    CHECK(md.find("**a preference for A (corrected (Harman 2019)), p = 0.021**") != std::string::npos);
}

TEST_CASE("report --listening with a bad file gives a one-line error and writes nothing", "[cli][listening]")
{
    const fs::path dir = freshDir("bad");
    writeFileAtomically((dir / "bad.json").string(), "{\"format\": \"something else\"}");
    CliRun run = runCli("report --listening " + quoted((dir / "bad.json").string()) + " -o " + quoted((dir / "out").string()));
    CHECK(run.exitCode == 1);
    CHECK(run.out.find("bad.json: not a listening-test result (no \"format\": \"iemeq listening test\")") != std::string::npos);
    CHECK(count(run.out, "\n") == 1);
    CHECK_FALSE(fs::exists(dir / "out" / "report.md"));
    run = runCli("report --listening " + quoted((dir / "missing.json").string()) + " -o " + quoted((dir / "out").string()));
    CHECK(run.exitCode == 1);
    CHECK(run.out.find("missing.json") != std::string::npos);
}
