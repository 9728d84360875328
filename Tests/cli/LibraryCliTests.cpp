// `iemeq library` and LIB:IEM wherever a measurement is accepted, run as a user runs them,
// against a copy of antdroid's graph site served by python3 -m http.server on 127.0.0.1: add,
// list, search, remove; designing from the library is bit-identical to designing from the
// files; errors a user can act on; and with the server stopped, cached entries still work.
#include "../TestData.h"
#include "../library/LoopbackServers.h"

#include "CliRunner.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/library/Sha256.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace iemeq;
using namespace iemeq::test;

namespace {

// The CLI with its configuration and cache in scratch folders.
struct LibraryCli {
    ScratchFolder config{ "config" }, cache{ "cache" };
    CliRun run(const std::string& args) const
    {
        return runShell("IEMEQ_CONFIG_DIR=" + quoted(config.str()) + " IEMEQ_CACHE_DIR=" + quoted(cache.str()) + " "
                        + std::string(IEMEQ_CLI_PATH) + " " + args);
    }
};

std::string siteFile(const std::string& name) { return quoted(dataPath("sites/antdroid/data/" + name)); }

// stdout only (the residual line and notes go to stderr).
CliRun runStdout(const LibraryCli& cli, const std::string& args, const std::string& errFile)
{
    return cli.run(args + " 2>" + quoted(errFile) + " ; exit $?");
}

} // namespace

TEST_CASE("library CLI: add, list, search, remove", "[cli][library]")
{
    LibraryCli cli;
    SiteServer server(dataPath("sites/antdroid"));
    const auto added = cli.run("library add antdroid " + server.url("/"));
    INFO(added.out);
    REQUIRE(added.exitCode == 0);
    CHECK(added.out.find("added antdroid (graph site " + server.url("/") + "): 304 IEMs from 85 brands\n") != std::string::npos);
    CHECK(readFileBytes(cli.config.str() + "/libraries.json").find("\"location\": \"" + server.url("/") + "\"") != std::string::npos);

    const auto list = cli.run("library list");
    CHECK(list.exitCode == 0);
    CHECK(list.out.rfind("antdroid         " + server.url("/") + "\n", 0) == 0);

    const auto blessing = cli.run("library search blessing2");
    CHECK(blessing.exitCode == 0);
    CHECK(blessing.out == "antdroid:Moondrop Blessing 2\n");
    const auto andromeda = cli.run("library search 'campfire andromeda'");
    CHECK(andromeda.out.rfind("antdroid:Campfire Audio Andromeda\n    variants: Andromeda (default), Andromeda - 2.7 Ohm\n", 0) == 0);
    CHECK(cli.run("library search zzzz").out == "nothing found for \"zzzz\"\n");

    const auto again = cli.run("library add antdroid " + server.url("/"));
    CHECK(again.exitCode == 1);
    CHECK(again.out == "iemeq library: error: a library named 'antdroid' exists (" + server.url("/")
                           + "); remove it first: iemeq library remove antdroid\n");
    const auto badName = cli.run("library add 'a:b' " + server.url("/"));
    CHECK(badName.out.find("library name 'a:b' must be 1-40 letters") != std::string::npos);

    CHECK(cli.run("library remove antdroid").exitCode == 0);
    CHECK(cli.run("library list").out.rfind("no libraries", 0) == 0);
    CHECK(cli.run("library remove antdroid").out == "iemeq library: error: no library named 'antdroid' (see iemeq library list)\n");
}

TEST_CASE("library CLI: designing Moondrop Blessing 2 from the library is bit-identical to designing it from the files", "[cli][library]")
{
    LibraryCli cli;
    ScratchFolder out("out");
    SiteServer server(dataPath("sites/antdroid"));
    REQUIRE(cli.run("library add antdroid " + server.url("/")).exitCode == 0);
    const std::string files = "--fr " + siteFile("Blessing 2 L.txt") + " --fr " + siteFile("Blessing 2 R.txt");
    const std::string err = out.str() + "/err.txt";
    for (const char* format : { "apo", "graphiceq", "csv" }) {
        INFO(format);
        const auto fromFiles = runStdout(cli, "design " + files + " --format " + format, err);
        const auto fromLibrary = runStdout(cli, "design --iem 'antdroid:Moondrop Blessing 2' --format " + std::string(format), err);
        REQUIRE(fromFiles.exitCode == 0);
        REQUIRE(fromLibrary.exitCode == 0);
        CHECK(fromFiles.out.size() > 200);
        CHECK(fromLibrary.out == fromFiles.out);
    }
    // The preset: the same curves and result; the library gives the IEM its site's name.
    const auto jsonFiles = runStdout(cli, "design " + files + " --format json", err);
    const auto jsonLibrary = runStdout(cli, "design --iem 'antdroid:Moondrop Blessing 2' --format json", err);
    REQUIRE(jsonLibrary.exitCode == 0);
    const auto a = nlohmann::json::parse(jsonFiles.out), b = nlohmann::json::parse(jsonLibrary.out);
    CHECK(a["result"] == b["result"]);
    CHECK(a["measurement"] == b["measurement"]);
    CHECK(a["design"] == b["design"]);
    CHECK(a["iem"]["name"] == "Blessing 2");
    CHECK(b["iem"]["name"] == "Moondrop Blessing 2");
    CHECK(b["iem"]["source"] == "antdroid");
    // The preset says where the measurement came from, to the byte.
    CHECK_FALSE(a["iem"].contains("origin"));
    const auto& origin = b["iem"]["origin"];
    CHECK(origin["library"] == "antdroid");
    CHECK(origin["site"] == server.url("/"));
    CHECK(origin["iem"] == "Moondrop Blessing 2");
    CHECK(origin["files"] == nlohmann::json::array({ "data/Blessing 2 L.txt", "data/Blessing 2 R.txt" }));
    CHECK(origin["sha256"][0] == "20ef960f76807d476065417e21a4ee0768b1cd8da5082662e2f3cf271ea6e1db");
    CHECK(origin["sha256"][1] == library::sha256OfFile(dataPath("sites/antdroid/data/Blessing 2 R.txt")));
    // LIB:IEM also works where a file is expected.
    const auto viaFr = runStdout(cli, "design --fr 'antdroid:Moondrop Blessing 2' --format apo", err);
    CHECK(viaFr.out == runStdout(cli, "design " + files + " --format apo", err).out);
}

TEST_CASE("library CLI: another IEM from the library as the target, and in a report", "[cli][library]")
{
    LibraryCli cli;
    ScratchFolder out("out");
    SiteServer server(dataPath("sites/antdroid"));
    REQUIRE(cli.run("library add antdroid " + server.url("/")).exitCode == 0);
    const std::string err = out.str() + "/err.txt";
    const auto byName = runStdout(cli, "design --iem 'antdroid:Moondrop Blessing 2' --target-iem 'antdroid:Fiio FA7' --format apo", err);
    const auto byFile = runStdout(cli, "design --fr " + siteFile("Blessing 2 L.txt") + " --fr " + siteFile("Blessing 2 R.txt")
                                           + " --target-iem " + siteFile("FA7 L.txt") + " --target-iem " + siteFile("FA7 R.txt") + " --format apo", err);
    REQUIRE(byName.exitCode == 0);
    CHECK(byName.out == byFile.out);
    const auto report = cli.run("report --iem 'antdroid:Moondrop Blessing 2' --vs 'antdroid:Kiwi Ears Quintet' -o " + quoted(out.str() + "/r"));
    INFO(report.out);
    REQUIRE(report.exitCode == 0);
    const std::string md = readFileBytes(out.str() + "/r/report.md");
    CHECK(md.rfind("# Moondrop Blessing 2 vs ", 0) == 0);
    // Both measurements are credited: library, site, files and checksums.
    CHECK(md.find("Measurements from:\n\n- antdroid (" + server.url("/") + "): Moondrop Blessing 2 \xE2\x80\x94 data/Blessing 2 L.txt "
                  "(sha256 20ef960f76807d47...), data/Blessing 2 R.txt (sha256 ") != std::string::npos);
    CHECK(md.find("- antdroid (" + server.url("/") + "): Kiwi Ears Quintet \xE2\x80\x94 data/Quintet L.txt") != std::string::npos);
}

TEST_CASE("library CLI: usage, unknown subcommands and flags that do not apply", "[cli][library][errors]")
{
    LibraryCli cli;
    const auto help = cli.run("library --help");
    CHECK(help.exitCode == 0);
    for (const char* sub : { "library add NAME URL|FOLDER", "library list", "library remove NAME", "library search TEXT", "library fetch NAME:IEM" })
        CHECK(help.out.find(sub) != std::string::npos);
    const auto typo = cli.run("library serch blessing");
    CHECK(typo.exitCode == 2);
    CHECK(typo.out == "iemeq library: unknown subcommand 'serch' (did you mean 'search'?); see iemeq library --help\n");
    const auto misplaced = cli.run("library list --limit 3");
    CHECK(misplaced.exitCode == 1);
    CHECK(misplaced.out == "iemeq library: error: --limit applies only with library search\n");
    CHECK(cli.run("library add x").out == "iemeq library: error: library add needs a name and a site address or folder: iemeq library add NAME URL|FOLDER\n");
    const auto noLibs = cli.run("library search blessing");
    CHECK(noLibs.out == "iemeq library: error: no libraries to search (add one: iemeq library add NAME URL|FOLDER)\n");
}

TEST_CASE("library CLI: errors a user can act on", "[cli][library][errors]")
{
    LibraryCli cli;
    SiteServer server(dataPath("sites/antdroid"));
    REQUIRE(cli.run("library add antdroid " + server.url("/")).exitCode == 0);
    const auto missing = cli.run("design --iem 'antdroid:Moondrop Aria'");
    CHECK(missing.exitCode == 1);
    CHECK(missing.out == "iemeq design: error: antdroid: \"Moondrop Aria\" is listed but its files are missing on the site: "
                         "data/Aria L.txt and data/Aria R.txt (HTTP 404 at " + server.url("/data/") + ")\n");
    const auto typo = cli.run("design --iem 'antdroid:blessing2'");
    CHECK(typo.out == "iemeq design: error: antdroid: no IEM named \"blessing2\"; did you mean \"Moondrop Blessing 2\"?\n");
    const auto both = cli.run("design --iem 'antdroid:Moondrop Blessing 2' --fr " + siteFile("Blessing 2 L.txt"));
    CHECK(both.out == "iemeq design: error: give the measurement either as files (--fr) or as a library entry (--iem), not both\n");
    const auto noLib = cli.run("design --iem 'crin:Moondrop Blessing 2'");
    CHECK(noLib.out == "iemeq design: error: \"crin:Moondrop Blessing 2\": no library named 'crin' (configured: antdroid)\n");
    const auto noSite = cli.run("library add gone http://127.0.0.1:9/");
    CHECK(noSite.exitCode == 1);
    CHECK(noSite.out.rfind("iemeq library: error: gone: http://127.0.0.1:9/data/phone_book.json: site unreachable (", 0) == 0);
    CHECK(cli.run("library list").out.find("gone") == std::string::npos);
}

TEST_CASE("library CLI: with the server down, cached entries still work and say so", "[cli][library][offline]")
{
    LibraryCli cli;
    ScratchFolder out("out");
    const std::string err = out.str() + "/err.txt";
    std::string online;
    {
        SiteServer server(dataPath("sites/antdroid"));
        REQUIRE(cli.run("library add antdroid " + server.url("/")).exitCode == 0);
        const auto r = runStdout(cli, "design --iem 'antdroid:Moondrop Blessing 2' --format apo", err);
        REQUIRE(r.exitCode == 0);
        online = r.out;
        CHECK(readFileBytes(err).find("note:") == std::string::npos);
    }
    const auto offline = runStdout(cli, "design --iem 'antdroid:Moondrop Blessing 2' --format apo", err);
    REQUIRE(offline.exitCode == 0);
    CHECK(offline.out == online);
    const std::string notes = readFileBytes(err);
    CHECK(notes.find("note: antdroid:Moondrop Blessing 2: offline: using cached copy of the phone book fetched ") != std::string::npos);
    CHECK(notes.find("note: antdroid:Moondrop Blessing 2: offline: using cached copy of data/Blessing 2 L.txt fetched ") != std::string::npos);
    CHECK(cli.run("library search blessing").out.find("antdroid:Moondrop Blessing 2\n") != std::string::npos);
    const auto never = cli.run("design --iem 'antdroid:7Hz Timeless'");
    CHECK(never.exitCode == 1);
    CHECK(never.out.find("iemeq design: error: antdroid: 7Hz Timeless: data/Timeless L.txt: site unreachable (") != std::string::npos);
}

TEST_CASE("library CLI: a folder laid out like a site, and one channel only", "[cli][library]")
{
    LibraryCli cli;
    ScratchFolder site("site"), out("out");
    std::filesystem::copy(dataPath("sites/antdroid"), site.path, std::filesystem::copy_options::recursive);
    std::filesystem::remove(site.path / "data" / "Odin R.txt");
    const auto added = cli.run("library add local " + quoted(site.str()));
    CHECK(added.out.find("added local (folder laid out like a graph site " + site.str() + "): 304 IEMs from 85 brands") != std::string::npos);
    const std::string err = out.str() + "/err.txt";
    const auto one = runStdout(cli, "design --iem 'local:Empire Ears Odin' --format apo", err);
    REQUIRE(one.exitCode == 0);
    CHECK(readFileBytes(err).find("note: local:Empire Ears Odin: only the L channel is in the library (data/Odin R.txt is missing); using L alone")
          != std::string::npos);
    CHECK(one.out == runStdout(cli, "design --fr " + siteFile("Odin L.txt") + " --format apo", err).out);
}
