// A measurement library on a graph site served from 127.0.0.1 (python3 -m http.server over the
// copy of antdroid's site in Tests/data/sites): the phone book, the files of one IEM byte for
// byte, the cache and its sidecars, one channel only, files missing on the site, and offline use.
#include "../TestData.h"
#include "LoopbackServers.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/library/Sha256.h"
#include "library/IemSpec.h"
#include "library/MeasurementLibrary.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>

using namespace iemeq;
using namespace iemeq::library;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

const std::string kSite = "sites/antdroid";

HttpLimits quickLimits()
{
    HttpLimits l;
    l.connectTimeoutS = 5;
    l.stallTimeoutS = 5;
    l.totalTimeoutS = 20;
    return l;
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// A copy of the fixture site that a test may change.
void copySite(const fs::path& to)
{
    fs::create_directories(to);
    fs::copy(dataPath(kSite), to, fs::copy_options::recursive);
}

} // namespace

TEST_CASE("site library: the phone book over HTTP lists all 304 entries of 85 brands", "[library][site]")
{
    ScratchFolder cache("cache");
    SiteServer server(dataPath(kSite));
    MeasurementLibrary lib({ "antdroid", server.url("/") }, cache.str(), quickLimits());
    const PhoneBook& book = lib.phoneBook();
    CHECK(book.brands == 85);
    CHECK(book.phones.size() == 304);
    CHECK(book.rejected.empty());
    CHECK(lib.notes().empty());
    // The phone book is cached with its sidecar.
    const auto files = filesUnder(cache.path);
    REQUIRE(files.size() == 3);
    CHECK(std::regex_match(files[0], std::regex("sites/127\\.0\\.0\\.1-[0-9]+-[0-9a-f]{12}/phone_book\\.json")));
    CHECK(files[1] == files[0] + ".source.json");
    CHECK(fs::path(files[2]).filename() == "site.txt");
}

TEST_CASE("site library: searching the site finds every one of its 304 models, typed carelessly", "[library][site][search]")
{
    ScratchFolder cache("cache");
    SiteServer server(dataPath(kSite));
    std::vector<MeasurementLibrary> libs;
    libs.emplace_back(LibraryDef{ "antdroid", server.url("/") }, cache.str(), quickLimits());
    // The models as the fixture lists them, read independently of the library code under test.
    const auto book = nlohmann::json::parse(readFileBytes(dataPath(kSite + "/data/phone_book.json")));
    std::size_t models = 0, found = 0;
    for (const auto& brand : book)
        for (const auto& phone : brand["phones"]) {
            const std::string model = phone.is_string() ? phone.get<std::string>() : phone["name"].get<std::string>();
            std::string careless;
            for (const char c : model)
                if (c != ' ' && c != '-')
                    careless += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            const std::string brandName = brand["name"].get<std::string>();
            const LibrarySearchResult r = searchLibraries(libs, careless);
            ++models;
            found += std::any_of(r.hits.begin(), r.hits.end(), [&](const LibraryHit& h) {
                return h.library == "antdroid" && h.phone.brand == brandName && h.phone.model == model;
            });
            REQUIRE(r.problems.empty());
        }
    CHECK(models == 304);
    CHECK(found == 304);
}

TEST_CASE("site library: the same address in any form a user pastes finds the same phone book", "[library][site]")
{
    CHECK(siteAddressFrom("https://x.squig.link").phoneBook == "https://x.squig.link/data/phone_book.json");
    CHECK(siteAddressFrom("https://x.squig.link/").data == "https://x.squig.link/data/");
    CHECK(siteAddressFrom("https://x.squig.link/index.html?share=Moondrop_Blessing_2").phoneBook
          == "https://x.squig.link/data/phone_book.json");
    CHECK(siteAddressFrom("https://x.squig.link/data/").phoneBook == "https://x.squig.link/data/phone_book.json");
    CHECK(siteAddressFrom("https://x.squig.link/data/").site == "https://x.squig.link/");
    CHECK(siteAddressFrom("https://x.squig.link/lab/data/phone_book.json").data == "https://x.squig.link/lab/data/");
    CHECK(siteAddressFrom("https://x.squig.link/lab/data/phone_book.json").site == "https://x.squig.link/lab/");
    CHECK(siteAddressFrom("https://x.github.io/iems/").data == "https://x.github.io/iems/data/");
    CHECK(siteAddressFrom("https://x.github.io/book.json").data == "https://x.github.io/");
}

TEST_CASE("site library: an IEM's files arrive byte for byte, with url, time and SHA-256 beside them", "[library][site]")
{
    ScratchFolder cache("cache");
    SiteServer server(dataPath(kSite));
    MeasurementLibrary lib({ "antdroid", server.url("/") }, cache.str(), quickLimits());
    const IemFiles f = lib.fetch("Moondrop Blessing 2");
    CHECK(f.name == "Moondrop Blessing 2");
    REQUIRE(f.paths.size() == 2);
    CHECK(f.channels == std::vector<std::string>{ "L", "R" });
    CHECK(f.notes.empty());
    for (int ch = 0; ch < 2; ++ch) {
        const std::string fixture = dataPath(kSite + "/data/Blessing 2 " + f.channels[ch] + ".txt");
        CHECK(readFileBytes(f.paths[ch]) == readFileBytes(fixture));
        CHECK(f.origin.sha256[ch] == sha256OfFile(fixture));
        const auto side = nlohmann::json::parse(readFileBytes(f.paths[ch] + ".source.json"));
        CHECK(side["url"] == server.url("/data/Blessing%202%20" + f.channels[ch] + ".txt"));
        CHECK(side["sha256"] == f.origin.sha256[ch]);
        CHECK(side["bytes"] == fs::file_size(fixture));
        CHECK(std::regex_match(side["fetched"].get<std::string>(), std::regex("20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")));
    }
    CHECK(f.origin.library == "antdroid");
    CHECK(f.origin.site == server.url("/"));
    CHECK(f.origin.iem == "Moondrop Blessing 2");
    CHECK(f.origin.files == std::vector<std::string>{ "data/Blessing 2 L.txt", "data/Blessing 2 R.txt" });
    CHECK(filesUnder(cache.path / "partial").empty());
}

TEST_CASE("site library: variants by name, by @VARIANT, and the default", "[library][site]")
{
    ScratchFolder cache("cache");
    SiteServer server(dataPath(kSite));
    const std::vector<LibraryDef> libs = { { "antdroid", server.url("/") } };
    // U12T lists "U12T M15" (on the site) and "U12T M20" (not).
    const IemFiles m15 = fetchIem("antdroid:64 Audio U12T", libs, cache.str(), quickLimits());
    CHECK(m15.origin.files == std::vector<std::string>{ "data/U12T M15 L.txt", "data/U12T M15 R.txt" });
    const IemFiles byAt = fetchIem("antdroid:64 Audio U12T@m15", libs, cache.str(), quickLimits());
    CHECK(byAt.origin.files == m15.origin.files);
    const std::string missing = errorOf([&] { fetchIem("antdroid:64 Audio U12T@M20", libs, cache.str(), quickLimits()); });
    CHECK(missing == "antdroid: \"64 Audio U12T M20\" is listed but its files are missing on the site: data/U12T M20 L.txt and "
                     "data/U12T M20 R.txt (HTTP 404 at " + server.url("/data/") + ")");
    const std::string noVariant = errorOf([&] { fetchIem("antdroid:64 Audio U12T@M99", libs, cache.str(), quickLimits()); });
    CHECK(noVariant == "antdroid: 64 Audio U12T has no variant \"M99\" (variants: \"U12T M15\", \"U12T M20\")");
    // Odin's second variant is named like the site lists it.
    const std::string odin2 = errorOf([&] { fetchIem("antdroid:Empire Ears Odin Sample 2", libs, cache.str(), quickLimits()); });
    CHECK(odin2.find("data/Odin Sample 2 L.txt") != std::string::npos);
    // Without the library prefix: the one library that has it.
    CHECK(fetchIem("Moondrop Blessing 2", libs, cache.str(), quickLimits()).origin.library == "antdroid");
    CHECK(errorOf([&] { fetchIem("nosuch:Moondrop Blessing 2", libs, cache.str(), quickLimits()); })
          == "\"nosuch:Moondrop Blessing 2\": no library named 'nosuch' (configured: antdroid)");
}

TEST_CASE("site library: a listed IEM without files on the site is a clear error naming them", "[library][site]")
{
    ScratchFolder cache("cache");
    SiteServer server(dataPath(kSite));
    MeasurementLibrary lib({ "antdroid", server.url("/") }, cache.str(), quickLimits());
    const std::string e = errorOf([&] { lib.fetch("Moondrop Aria"); });
    CHECK(e == "antdroid: \"Moondrop Aria\" is listed but its files are missing on the site: data/Aria L.txt and data/Aria R.txt"
               " (HTTP 404 at " + server.url("/data/") + ")");
    // Nothing but the phone book in the cache.
    for (const auto& f : filesUnder(cache.path))
        CHECK(f.find("/data/") == std::string::npos);
}

TEST_CASE("site library: one channel only is used, and said", "[library][site]")
{
    ScratchFolder site("site"), cache("cache");
    copySite(site.path);
    fs::remove(site.path / "data" / "Odin R.txt");
    SiteServer server(site.str());
    MeasurementLibrary lib({ "antdroid", server.url("/") }, cache.str(), quickLimits());
    const IemFiles f = lib.fetch("Empire Ears Odin");
    REQUIRE(f.paths.size() == 1);
    CHECK(f.channels.front() == "L");
    REQUIRE(f.notes.size() == 1);
    CHECK(f.notes.front() == "only the L channel is on the site (data/Odin R.txt: HTTP 404); using L alone");
}

TEST_CASE("site library: with the server down, cached entries still work and say so", "[library][site][offline]")
{
    ScratchFolder cache("cache");
    std::string url;
    IemFiles online;
    {
        SiteServer server(dataPath(kSite));
        url = server.url("/");
        MeasurementLibrary lib({ "antdroid", url }, cache.str(), quickLimits());
        online = lib.fetch("Moondrop Blessing 2");
    }  // server stopped
    MeasurementLibrary lib({ "antdroid", url }, cache.str(), quickLimits());
    CHECK(lib.phoneBook().phones.size() == 304);
    REQUIRE(lib.notes().size() == 1);
    CHECK(lib.notes().front().rfind("offline: using cached copy of the phone book fetched 20", 0) == 0);
    CHECK(lib.notes().front().find("site unreachable") != std::string::npos);
    const IemFiles offline = lib.fetch("Moondrop Blessing 2");
    CHECK(offline.paths == online.paths);
    CHECK(offline.origin == online.origin);
    REQUIRE(offline.notes.size() == 2);
    CHECK(offline.notes[0].rfind("offline: using cached copy of data/Blessing 2 L.txt fetched ", 0) == 0);
    // Never fetched: the error says what is wrong and that nothing is cached.
    const std::string e = errorOf([&] { lib.fetch("7Hz Timeless"); });
    CHECK(e.rfind("antdroid: 7Hz Timeless: data/Timeless L.txt: site unreachable (", 0) == 0);
    // A cached file whose bytes changed is not trusted.
    std::FILE* f = std::fopen(online.paths[0].c_str(), "ab");
    REQUIRE(f != nullptr);
    std::fputs("20000\t1\n", f);
    std::fclose(f);
    MeasurementLibrary again({ "antdroid", url }, cache.str(), quickLimits());
    CHECK(errorOf([&] { again.fetch("Moondrop Blessing 2"); }).find("data/Blessing 2 L.txt: site unreachable") != std::string::npos);
}

TEST_CASE("site library: an unreachable site that was never cached is one clear error", "[library][site][errors]")
{
    ScratchFolder cache("cache");
    int port = 0;
    {
        ScriptedServer closed;  // take a free port, then let it go
        port = std::atoi(closed.url().substr(17).c_str());
    }
    MeasurementLibrary lib({ "antdroid", "http://127.0.0.1:" + std::to_string(port) + "/" }, cache.str(), quickLimits());
    const std::string e = errorOf([&] { lib.phoneBook(); });
    CHECK(e.rfind("antdroid: http://127.0.0.1:" + std::to_string(port) + "/data/phone_book.json: site unreachable (", 0) == 0);
    CHECK(e.find("nothing cached yet") != std::string::npos);
    CHECK(filesUnder(cache.path).empty());
}
