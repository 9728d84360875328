// Files: a write that fails (missing folder, a file in place of the folder, a read-only folder,
// a full disk simulated with RLIMIT_FSIZE) leaves the old file byte for byte as it was and no
// temporary file behind; a preset load that fails leaves the caller's preset untouched.
#include "TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/preset/Preset.h"
#include "dsp/preset/PresetLibrary.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace iemeq;

namespace {

struct TempFolder {
    fs::path path;
    TempFolder()
    {
        path = fs::temp_directory_path() / ("iemeq-filesafety-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempFolder()
    {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
    std::vector<std::string> entries() const
    {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path))
            out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

// The process may write at most `bytes` per file while this lives (a full disk, for real: the
// kernel refuses the write with EFBIG). SIGXFSZ is ignored so the write returns an error.
struct FileSizeLimit {
    rlimit saved {};
    void (*savedHandler)(int) = nullptr;
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &saved);
        savedHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit l = saved;
        l.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &l);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, savedHandler);
    }
};

const std::string kOld = "old contents, must survive\n";

} // namespace

TEST_CASE("A failed atomic write leaves the old file intact and no temporary file", "[reliability][files]")
{
    TempFolder dir;
    const std::string file = (dir.path / "preset.json").string();
    writeFileAtomically(file, kOld);
    const auto before = dir.entries();
    REQUIRE(before == std::vector<std::string> { "preset.json" });

    SECTION("full disk: the new contents do not fit")
    {
        const std::string big(256 * 1024, 'x');
        {
            FileSizeLimit limit(16 * 1024);
            CHECK_THROWS_AS(writeFileAtomically(file, big), Error);
        }
        CHECK(readFileBytes(file) == kOld);
        CHECK(dir.entries() == before);
        // Nothing stuck: with room again, the same write succeeds and replaces the file whole.
        writeFileAtomically(file, big);
        CHECK(readFileBytes(file) == big);
    }
    SECTION("the folder does not exist")
    {
        const std::string missing = (dir.path / "no-such-folder" / "preset.json").string();
        CHECK_THROWS_AS(writeFileAtomically(missing, "new"), Error);
        CHECK_FALSE(fs::exists(dir.path / "no-such-folder"));
        CHECK(readFileBytes(file) == kOld);
    }
    SECTION("a file stands where the folder should be")
    {
        CHECK_THROWS_AS(writeFileAtomically(file + "/inner.json", "new"), Error);
        CHECK(readFileBytes(file) == kOld);
        CHECK(dir.entries() == before);
    }
    SECTION("the destination is a folder")
    {
        fs::create_directory(dir.path / "folder");
        fs::create_directory(dir.path / "folder" / "keep");
        CHECK_THROWS_AS(writeFileAtomically((dir.path / "folder").string(), "new"), Error);
        CHECK(fs::is_directory(dir.path / "folder" / "keep"));
        CHECK(dir.entries() == std::vector<std::string> { "folder", "preset.json" });
    }
    SECTION("a read-only folder")
    {
        fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
        if (::geteuid() == 0) {
            WARN("running as root: folder permissions do not apply (the full-disk section covers failed writes)");
        } else {
            CHECK_THROWS_AS(writeFileAtomically(file, "new"), Error);
            CHECK(readFileBytes(file) == kOld);
        }
        fs::permissions(dir.path, fs::perms::owner_all);
        CHECK(dir.entries() == before);
    }
}

TEST_CASE("Saving a preset over an existing one fails whole when the disk is full", "[reliability][files]")
{
    TempFolder dir;
    const Preset shipped = loadPresetFile(test::repoPath("Presets/harman-in-ear-2019/Simgot EW200.json"));
    const std::string file = (dir.path / "mine.json").string();
    savePresetFile(file, shipped);
    const std::string saved = readFileBytes(file);
    Preset changed = shipped;
    changed.name = "changed";
    changed.notes = std::string(300 * 1024, 'n');  // larger than the limit below
    {
        FileSizeLimit limit(saved.size() + 1024);
        CHECK_THROWS_AS(savePresetFile(file, changed), Error);
    }
    CHECK(readFileBytes(file) == saved);  // byte for byte the preset saved before
    CHECK(dir.entries() == std::vector<std::string> { "mine.json" });

    // The user library's save refuses the same way and keeps the other presets.
    PresetLibrary library(dir.path.string(), {});
    {
        FileSizeLimit limit(saved.size() + 1024);
        CHECK_THROWS_AS(library.save(changed, "mine", true), Error);
    }
    CHECK(readFileBytes(file) == saved);
    REQUIRE(library.list().size() == 1);
    CHECK(presetToJson(library.load(library.list().front())) == saved);
}

TEST_CASE("A failed preset load leaves the current preset untouched", "[reliability][files]")
{
    TempFolder dir;
    const std::string good = test::repoPath("Presets/harman-in-ear-2019/Simgot EW200.json");
    Preset current = loadPresetFile(good);
    const std::string currentJson = presetToJson(current);
    const std::string text = readFileBytes(good);

    const std::vector<std::pair<std::string, std::string>> bad = {
        { "truncated.json", text.substr(0, text.size() / 2) },
        { "empty.json", "" },
        { "not-json.json", "Filter 1: ON PK Fc 1000 Hz Gain 3 dB Q 1" },
        { "future.json", "{\"format\": \"iemeq-preset\", \"version\": 99}" },
        { "nan.json", std::string(text).replace(text.find("\"maxQ\""), 6, "\"maxQ\": NaN, \"x\"") },
    };
    int refused = 0;
    for (const auto& [name, bytes] : bad) {
        const std::string path = (dir.path / name).string();
        writeFileAtomically(path, bytes);
        std::string error;
        INFO(name);
        CHECK_FALSE(tryLoadPresetFile(path, current, error));
        CHECK_FALSE(error.empty());
        CHECK(presetToJson(current) == currentJson);
        refused += error.empty() ? 0 : 1;
    }
    std::string error;
    CHECK_FALSE(tryLoadPresetFile((dir.path / "missing.json").string(), current, error));
    CHECK(error.find("missing.json") != std::string::npos);
    CHECK(presetToJson(current) == currentJson);
    CHECK(refused == static_cast<int>(bad.size()));
}
