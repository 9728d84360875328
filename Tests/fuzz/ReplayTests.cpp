// Replays, in every normal build (Release and ASan+UBSan), what the fuzzers are seeded with and
// every crashing input the fuzzers ever found (Tests/fuzz/regressions/<target>/), through the
// same target functions libFuzzer runs. Real files must be accepted; regressions must be
// accepted or rejected with iemeq::Error, never crash or break an invariant.
#include "FuzzTargets.h"
#include "TestData.h"

#include "dsp/core/AtomicFile.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using iemeq::fuzz::Broken;

namespace {

using Target = std::function<bool(const std::uint8_t*, std::size_t)>;

struct Outcome {
    int files = 0, accepted = 0, rejected = 0;
    std::string rejectedFiles;  // for the failure message
};

std::vector<std::string> filesUnder(const std::string& dir, const std::string& extension = {})
{
    std::vector<std::string> out;
    if (!fs::is_directory(dir))
        return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename() != "README.md" && e.path().filename() != "MANIFEST.txt"
            && (extension.empty() || e.path().extension() == extension))
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

Outcome replay(const Target& target, const std::vector<std::string>& files)
{
    Outcome o;
    for (const auto& f : files) {
        INFO("input: " << f);
        const std::string bytes = iemeq::readFileBytes(f, 64u << 20);
        bool accepted = false;
        REQUIRE_NOTHROW(accepted = target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        ++o.files;
        (accepted ? o.accepted : o.rejected) += 1;
        if (!accepted)
            o.rejectedFiles += f + "\n";
    }
    return o;
}

std::string regressions(const char* target) { return iemeq::test::repoPath("Tests/fuzz/regressions/") + target; }
std::string seeds(const char* target) { return iemeq::test::repoPath("Tests/fuzz/seeds/") + target; }

} // namespace

TEST_CASE("Fuzz seeds: every real file is accepted", "[fuzz]")
{
    SECTION("measurements and targets")
    {
        auto files = filesUnder(iemeq::test::dataPath("measurements"));
        for (const auto& dir : { iemeq::test::dataPath("targets"), iemeq::test::repoPath("Targets"),
                                 iemeq::test::repoPath("Presets/measurements"), seeds("curve_text") })
            for (const auto& f : filesUnder(dir))
                if (f.ends_with(".txt") || f.ends_with(".csv"))
                    files.push_back(f);
        const Outcome o = replay(iemeq::fuzz::curveText, files);
        CHECK(o.files >= 60);
        INFO("rejected:\n" << o.rejectedFiles);
        CHECK(o.accepted == o.files);
    }
    SECTION("APO ParametricEQ files")
    {
        std::vector<std::string> files;
        for (const auto& f : filesUnder(iemeq::test::dataPath("autoeq_rerun")))
            if (f.ends_with("ParametricEQ.txt"))
                files.push_back(f);
        for (const auto& f : filesUnder(seeds("apo")))
            files.push_back(f);
        const Outcome o = replay(iemeq::fuzz::apo, files);
        CHECK(o.files >= 4);
        INFO("rejected:\n" << o.rejectedFiles);
        CHECK(o.accepted == o.files);
    }
    SECTION("GraphicEQ files")
    {
        const Outcome o = replay(iemeq::fuzz::graphicEq, filesUnder(seeds("graphic_eq")));
        CHECK(o.files >= 1);
        INFO("rejected:\n" << o.rejectedFiles);
        CHECK(o.accepted == o.files);
    }
    SECTION("shipped presets round-trip")
    {
        std::vector<std::string> files;
        for (const auto& dir : { "Presets/harman-in-ear-2019", "Presets/diffuse-field" })
            for (const auto& f : filesUnder(iemeq::test::repoPath(dir), ".json"))
                files.push_back(f);
        for (const auto& f : filesUnder(seeds("preset")))
            files.push_back(f);
        const Outcome o = replay(iemeq::fuzz::preset, files);
        CHECK(o.files >= 22);
        INFO("rejected:\n" << o.rejectedFiles);
        CHECK(o.accepted == o.files);
    }
    SECTION("plugin states round-trip")
    {
        const Outcome o = replay(iemeq::fuzz::pluginState, filesUnder(seeds("plugin_state")));
        CHECK(o.files >= 2);
        INFO("rejected:\n" << o.rejectedFiles);
        CHECK(o.accepted == o.files);
    }
    SECTION("graph-site phone books")
    {
        auto files = filesUnder(iemeq::test::dataPath("sites"), ".json");
        for (const auto& f : filesUnder(seeds("phone_book")))
            files.push_back(f);
        const Outcome o = replay(iemeq::fuzz::phoneBook, files);
        CHECK(o.files >= 4);
        INFO("rejected:\n" << o.rejectedFiles);
        CHECK(o.accepted == o.files);
    }
}

TEST_CASE("Fuzz regressions: inputs that once crashed are handled", "[fuzz]")
{
    const std::pair<const char*, Target> targets[] = {
        { "curve_text", iemeq::fuzz::curveText }, { "apo", iemeq::fuzz::apo },
        { "graphic_eq", iemeq::fuzz::graphicEq }, { "preset", iemeq::fuzz::preset },
        { "plugin_state", iemeq::fuzz::pluginState }, { "phone_book", iemeq::fuzz::phoneBook },
    };
    int total = 0;
    for (const auto& [name, target] : targets) {
        const Outcome o = replay(target, filesUnder(regressions(name)));
        CHECK(o.accepted + o.rejected == o.files);
        total += o.files;
    }
    // Every directory's inputs ran (the count is printed so a run shows how many were replayed).
    WARN("replayed " << total << " regression inputs");
    CHECK(total == static_cast<int>(filesUnder(iemeq::test::repoPath("Tests/fuzz/regressions")).size()));
}
