// Libraries that are folders: one laid out like a graph site, and a plain folder of measurement
// files; and the user's list of libraries (where it lives, what it accepts).
#include "../TestData.h"
#include "LoopbackServers.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/library/Sha256.h"
#include "library/IemSpec.h"
#include "library/LibraryConfig.h"
#include "library/MeasurementLibrary.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace iemeq;
using namespace iemeq::library;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one scope.
struct EnvVar {
    std::string name;
    std::optional<std::string> old;
    EnvVar(std::string n, const char* value) : name(std::move(n))
    {
        if (const char* o = std::getenv(name.c_str()))
            old = o;
        if (value)
            ::setenv(name.c_str(), value, 1);
        else
            ::unsetenv(name.c_str());
    }
    ~EnvVar()
    {
        if (old)
            ::setenv(name.c_str(), old->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
};

} // namespace

TEST_CASE("folder library: a folder laid out like a site serves its files in place", "[library][folder]")
{
    ScratchFolder cache("cache");
    MeasurementLibrary lib({ "local", dataPath("sites/antdroid") }, cache.str());
    CHECK(lib.kind() == SourceKind::SiteFolder);
    CHECK(lib.phoneBook().phones.size() == 304);
    const IemFiles f = lib.fetch("Moondrop Blessing 2");
    CHECK(f.paths == std::vector<std::string>{ dataPath("sites/antdroid/data/Blessing 2 L.txt"), dataPath("sites/antdroid/data/Blessing 2 R.txt") });
    CHECK(f.origin.files == std::vector<std::string>{ "data/Blessing 2 L.txt", "data/Blessing 2 R.txt" });
    CHECK(f.origin.sha256[0] == sha256OfFile(f.paths[0]));
    CHECK(filesUnder(cache.path).empty());  // nothing is copied
    try {
        lib.fetch("Moondrop Aria");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "local: \"Moondrop Aria\" is listed but its files are missing: data/Aria L.txt and data/Aria R.txt (in "
                                           + dataPath("sites/antdroid") + ")");
    }
}

TEST_CASE("folder library: a plain folder of measurement files pairs L and R by name", "[library][folder]")
{
    ScratchFolder dir("plain"), cache("cache");
    const std::string src = dataPath("sites/antdroid/data/");
    fs::copy_file(src + "Blessing 2 L.txt", dir.path / "Moondrop Blessing 2 L.txt");
    fs::copy_file(src + "Blessing 2 R.txt", dir.path / "Moondrop Blessing 2 R.txt");
    fs::create_directories(dir.path / "more");
    fs::copy_file(src + "FA7 L.txt", dir.path / "more" / "Fiio FA7 (L).txt");
    fs::copy_file(src + "Odin R.txt", dir.path / "Odin_R.txt");
    fs::copy_file(src + "S8Z L.txt", dir.path / "Mono.txt");
    fs::copy_file(src + "S8Z L.txt", dir.path / ".hidden L.txt");
    std::FILE* notes = std::fopen((dir.path / "notes.md").c_str(), "w");
    std::fclose(notes);
    MeasurementLibrary lib({ "mine", dir.str() }, cache.str());
    CHECK(lib.kind() == SourceKind::PlainFolder);
    std::vector<std::string> names;
    for (const auto& p : lib.phoneBook().phones)
        names.push_back(p.fullName());
    CHECK(names == std::vector<std::string>{ "Mono", "Moondrop Blessing 2", "Odin", "more/Fiio FA7" });
    const IemFiles both = lib.fetch("moondrop blessing 2");
    CHECK(both.channels == std::vector<std::string>{ "L", "R" });
    CHECK(both.notes.empty());
    const IemFiles odin = lib.fetch("Odin");
    CHECK(odin.channels == std::vector<std::string>{ "R" });
    CHECK(odin.notes == std::vector<std::string>{ "only the R channel is in the library (no other file); using R alone" });
    CHECK(lib.fetch("Mono").notes == std::vector<std::string>{ "one file, used as the only channel" });
    CHECK(lib.fetch("more/Fiio FA7").origin.files == std::vector<std::string>{ "more/Fiio FA7 (L).txt" });
}

TEST_CASE("library config: where it lives, and what it accepts", "[library][config]")
{
    ScratchFolder home("home");
    EnvVar h("HOME", home.str().c_str()), x1("XDG_CONFIG_HOME", nullptr), x2("XDG_CACHE_HOME", nullptr), i1("IEMEQ_CONFIG_DIR", nullptr),
        i2("IEMEQ_CACHE_DIR", nullptr);
    CHECK(configFolder() == home.str() + "/.config/iemeq");
    CHECK(cacheFolder() == home.str() + "/.cache/iemeq");
    {
        EnvVar x("XDG_CACHE_HOME", "/xdg/cache"), xr("XDG_CONFIG_HOME", "relative/ignored");
        CHECK(cacheFolder() == "/xdg/cache/iemeq");
        CHECK(configFolder() == home.str() + "/.config/iemeq");
        EnvVar own("IEMEQ_CACHE_DIR", "/own/cache");
        CHECK(cacheFolder() == "/own/cache");
    }
    CHECK(loadLibraries().empty());
    const std::vector<LibraryDef> libs = { { "antdroid", "https://example.org/" }, { "mine", "/data/iems" } };
    saveLibraries(libs);
    CHECK(loadLibraries() == libs);
    CHECK(readFileBytes(libraryConfigPath()) == librariesToJson(libs));
    CHECK_THROWS_WITH(checkLibraryName("a:b"), "library name 'a:b' must be 1-40 letters, digits, '-', '_' or '.' (it is written before the ':' in NAME:IEM)");
    CHECK_THROWS_WITH(checkLibraryName(""), Catch::Contains("must be 1-40"));
    CHECK_NOTHROW(checkLibraryName("crinacle.5128-v2_x"));
    CHECK_THROWS_WITH(librariesFromJson("{\"libraries\": [{\"name\": \"a\", \"location\": \"x\"}, {\"name\": \"a\", \"location\": \"y\"}]}", "l.json"),
                      "l.json: library 'a' is listed twice");
    CHECK_THROWS_WITH(librariesFromJson("[1]", "l.json"), "l.json: expected {\"version\": 1, \"libraries\": [...]}");
    CHECK_THROWS_WITH(librariesFromJson("{", "l.json"), "l.json: not JSON; fix or delete the file (iemeq library add re-creates it)");
    // "LIB:" only when LIB is configured; names may contain ':'.
    CHECK(splitIemSpec("antdroid:Moondrop Blessing 2", libs).library == "antdroid");
    CHECK(splitIemSpec("antdroid:Moondrop Blessing 2", libs).name == "Moondrop Blessing 2");
    CHECK(splitIemSpec("Truthear x Crinacle Zero:RED", libs).library.empty());
    CHECK(splitIemSpec("mine:a:b", libs).name == "a:b");
    CHECK_THROWS_WITH(fetchIem("antdroid:", libs, home.str()), "\"antdroid:\": give the IEM after the library name, e.g. antdroid:Brand Model");
    CHECK_THROWS_WITH(fetchIem("x", {}, home.str()), "\"x\": no measurement libraries are configured (add one: iemeq library add NAME URL|FOLDER)");
}
