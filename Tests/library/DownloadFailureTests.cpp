// What a server can do wrong, from a scripted server on 127.0.0.1: a body shorter than its
// Content-Length, a transfer that stops mid-way, a 50 MB file (announced, or sent without a
// length), an HTML page served as a measurement, and a phone book whose file names try to leave
// the cache. Each is refused with one clear line, and nothing of it is left in the cache.
#include "../TestData.h"
#include "LoopbackServers.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "library/Http.h"
#include "library/MeasurementLibrary.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::library;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

const char* kPhoneBook = R"json([
  { "name": "Test", "phones": [ "Good", "Cut", "Stall", "Huge", "Endless", "Html",
      { "name": "Evil", "file": "../../../escape" },
      { "name": "Abs", "file": "/tmp/iemeq-abs-escape" },
      { "name": "Mixed", "file": ["Good", "sub/../../up"] } ] }
])json";

struct FaultySite {
    ScriptedServer server;
    std::string measurement = readFileBytes(dataPath("sites/antdroid/data/Blessing 2 L.txt"));
    FaultySite()
    {
        server.on("/data/phone_book.json", { Scripted::Body, 200, kPhoneBook, 0 });
        server.on("/data/Good%20L.txt", { Scripted::Body, 200, measurement, 0 });
        server.on("/data/Good%20R.txt", { Scripted::Body, 200, measurement, 0 });
        server.on("/data/Cut%20L.txt", { Scripted::ShortBody, 200, measurement.substr(0, measurement.size() / 2), measurement.size() });
        server.on("/data/Stall%20L.txt", { Scripted::Stall, 200, measurement.substr(0, 1000), measurement.size() });
        server.on("/data/Huge%20L.txt", { Scripted::Endless, 200, "", std::size_t(50) << 20 });
        server.on("/data/Endless%20L.txt", { Scripted::Endless, 200, "", 0 });
        server.on("/data/Html%20L.txt", { Scripted::Body, 200, "<!DOCTYPE html><html><body>Not found</body></html>\n", 0 });
    }
};

HttpLimits testLimits()
{
    HttpLimits l;
    l.connectTimeoutS = 5;
    l.stallTimeoutS = 1;
    l.totalTimeoutS = 30;
    return l;
}

std::string errorOf(MeasurementLibrary& lib, const std::string& name)
{
    try {
        lib.fetch(name);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

// Only the phone book (and its sidecar and the site note) may be in the cache; no download left over.
void requireOnlyPhoneBook(const fs::path& cache)
{
    const auto files = filesUnder(cache);
    REQUIRE(files.size() == 3);
    CHECK(fs::path(files[0]).filename() == "phone_book.json");
    CHECK(fs::path(files[1]).filename() == "phone_book.json.source.json");
    CHECK(fs::path(files[2]).filename() == "site.txt");
}

} // namespace

TEST_CASE("downloads: a body shorter than its Content-Length is refused, nothing cached", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    FaultySite site;
    MeasurementLibrary lib({ "faulty", site.server.url("/") }, cache.str(), testLimits());
    const std::string e = errorOf(lib, "Test Cut");
    CHECK(e.rfind("faulty: Test Cut: data/Cut L.txt: incomplete download: the connection ended after "
                  + std::to_string(site.measurement.size() / 2) + " bytes of " + std::to_string(site.measurement.size()) + " announced (",
                  0) == 0);
    requireOnlyPhoneBook(cache.path);
}

TEST_CASE("downloads: a server that stops sending mid-way is given up on within the stall timeout", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    FaultySite site;
    MeasurementLibrary lib({ "faulty", site.server.url("/") }, cache.str(), testLimits());
    lib.phoneBook();
    const auto t0 = std::chrono::steady_clock::now();
    const std::string e = errorOf(lib, "Test Stall");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(e == "faulty: Test Stall: data/Stall L.txt: the server stopped sending after 1000 bytes (no data for 1 s)");
    CHECK(seconds >= 0.9);
    CHECK(seconds < 4.0);
    requireOnlyPhoneBook(cache.path);
}

TEST_CASE("downloads: a 50 MB file is refused from its Content-Length, without fetching it", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    FaultySite site;
    MeasurementLibrary lib({ "faulty", site.server.url("/") }, cache.str(), testLimits());
    const std::string e = errorOf(lib, "Test Huge");
    CHECK(e == "faulty: Test Huge: data/Huge L.txt: too large: the server announces 50.0 MB (limit 20.0 MB)");
    requireOnlyPhoneBook(cache.path);
    // The client hung up after the headers: the server got only what socket buffers took.
    CHECK(site.server.bytesSent("/data/Huge%20L.txt") < (std::size_t(8) << 20));
}

TEST_CASE("downloads: a body without a length stops at the 20 MB limit, not at its end", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    FaultySite site;
    MeasurementLibrary lib({ "faulty", site.server.url("/") }, cache.str(), testLimits());
    const std::string e = errorOf(lib, "Test Endless");
    CHECK(e == "faulty: Test Endless: data/Endless L.txt: too large: more than 20.0 MB (stopped there)");
    requireOnlyPhoneBook(cache.path);
    const std::size_t sent = site.server.bytesSent("/data/Endless%20L.txt");
    CHECK(sent > (std::size_t(20) << 20));
    CHECK(sent < (std::size_t(28) << 20));
}

TEST_CASE("downloads: an HTML page served as a measurement is refused by the curve reader", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    FaultySite site;
    MeasurementLibrary lib({ "faulty", site.server.url("/") }, cache.str(), testLimits());
    const std::string e = errorOf(lib, "Test Html");
    CHECK(e.rfind("faulty: Test Html: data/Html L.txt: not a measurement file (data/Html L.txt", 0) == 0);
    requireOnlyPhoneBook(cache.path);
}

TEST_CASE("downloads: phone book file names that leave the cache are rejected, each with its reason", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    FaultySite site;
    MeasurementLibrary lib({ "faulty", site.server.url("/") }, cache.str(), testLimits());
    const PhoneBook& book = lib.phoneBook();
    REQUIRE(book.rejected.size() == 3);
    CHECK(book.rejected[0].name == "Test Evil");
    CHECK(book.rejected[0].reason == "file name \"../../../escape\" goes up a folder (..)");
    CHECK(book.rejected[1].reason == "file name \"/tmp/iemeq-abs-escape\" is an absolute path");
    CHECK(book.rejected[2].name == "Test Mixed");
    CHECK(book.rejected[2].reason == "file name \"sub/../../up\" goes up a folder (..)");
    REQUIRE(lib.notes().size() == 1);
    CHECK(lib.notes().front() == "3 phone book entries left out (first: Test Evil: file name \"../../../escape\" goes up a folder (..))");
    CHECK(errorOf(lib, "Test Evil") == "faulty: \"Test Evil\" is listed but cannot be used: file name \"../../../escape\" goes up a folder (..)");
    CHECK(errorOf(lib, "Test Abs") == "faulty: \"Test Abs\" is listed but cannot be used: file name \"/tmp/iemeq-abs-escape\" is an absolute path");
    requireOnlyPhoneBook(cache.path);
    CHECK_FALSE(fs::exists(cache.path.parent_path() / "escape L.txt"));
    CHECK_FALSE(fs::exists("/tmp/iemeq-abs-escape L.txt"));
    // The rest of the book still works; "Mixed" keeps its safe variant.
    CHECK(lib.fetch("Test Mixed").origin.files == std::vector<std::string>{ "data/Good L.txt", "data/Good R.txt" });
    CHECK(lib.fetch("Test Good").paths.size() == 2);
}

TEST_CASE("downloads: an invalid phone book is an error naming it, and is not cached", "[library][download][errors]")
{
    ScratchFolder cache("cache");
    ScriptedServer server;
    server.on("/data/phone_book.json", { Scripted::Body, 200, "{\"name\": \"not a list\"}", 0 });
    MeasurementLibrary lib({ "bad", server.url("/") }, cache.str(), testLimits());
    std::string e;
    try {
        lib.phoneBook();
    } catch (const Error& err) {
        e = err.what();
    }
    CHECK(e == "bad: " + server.url("/data/phone_book.json") + ": invalid phone book: expected a list of brands ([ {\"name\": ..., \"phones\": [...]}, ... ])");
    CHECK(filesUnder(cache.path).empty());
    MeasurementLibrary none({ "none", server.url("/nothing/") }, cache.str(), testLimits());
    try {
        none.phoneBook();
        FAIL("no error");
    } catch (const Error& err) {
        CHECK(std::string(err.what()) == "none: no phone book at " + server.url("/nothing/data/phone_book.json")
                                             + " (HTTP 404 (not found)); give the site's address, its data/ folder or the phone book's .json address");
    }
}

TEST_CASE("downloads: a transfer in progress stops soon after it is cancelled (the editor closing)", "[library][download]")
{
    ScratchFolder dir("cancel");
    FaultySite site;
    std::atomic<bool> cancel{ false };
    HttpLimits limits = testLimits();
    limits.stallTimeoutS = 20;  // only the cancel can end it early
    limits.cancel = &cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel = true;
    });
    const auto t0 = std::chrono::steady_clock::now();
    const HttpResult r = httpDownload(site.server.url("/data/Stall%20L.txt"), (dir.path / "x").string(), limits);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    canceller.join();
    CHECK(r.status == HttpStatus::Cancelled);
    CHECK(r.message == "cancelled");
    CHECK(r.bytes == 1000);
    CHECK(seconds >= 0.3);
    CHECK(seconds < 2.5);
}
