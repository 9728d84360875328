// Every command's and subcommand's --help works and prints a real usage; unknown commands,
// subcommands and flags name the nearest valid one.
#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <string>

using namespace iemeq::test;

namespace {

// A usage text: starts with "usage: iemeq <command>", has no empty blocks (two blank lines in a
// row, or a heading followed directly by nothing).
void checkUsage(const CliRun& r, const std::string& command)
{
    INFO(r.out);
    CHECK(r.out.rfind("usage: iemeq " + command, 0) == 0);
    CHECK(r.out.find("\n\n\n") == std::string::npos);
    CHECK(r.out.find(":\n\n") == std::string::npos);
}

} // namespace

TEST_CASE("cli: every command and subcommand prints its usage for --help and exits 0", "[cli][help]")
{
    for (const std::string command : { "info", "design", "render", "preset", "batch", "report", "demo", "targets", "devices",
                                       "preset show", "preset convert", "preset apply" }) {
        SECTION(command)
        {
            const CliRun r = runCli(command + " --help");
            CHECK(r.exitCode == 0);
            checkUsage(r, command);
        }
    }
}

TEST_CASE("cli: `iemeq preset` alone prints the usage of its three subcommands, without empty blocks", "[cli][help]")
{
    const CliRun r = runCli("preset");
    INFO(r.out);
    CHECK(r.exitCode == 2);
    checkUsage(r, "preset");
    for (const char* sub : { "iemeq preset show", "iemeq preset convert", "iemeq preset apply" })
        CHECK(r.out.find(sub) != std::string::npos);
    // Each subcommand's options are described once, under its own name.
    CHECK(r.out.find("--check") != std::string::npos);
    CHECK(r.out.find("--taps") != std::string::npos);
    CHECK(r.out.find("--fr") != std::string::npos);
}

TEST_CASE("cli: unknown commands, subcommands and flags suggest the nearest valid name", "[cli][help][names]")
{
    SECTION("command")
    {
        const CliRun r = runCli("desing --fr x");
        INFO(r.out);
        CHECK(r.exitCode == 2);
        CHECK(r.out.find("did you mean 'design'") != std::string::npos);
        CHECK(lineCount(r.out) == 1);
    }
    SECTION("preset subcommand")
    {
        const CliRun r = runCli("preset shw p.json");
        INFO(r.out);
        CHECK(r.exitCode == 2);
        CHECK(r.out.find("did you mean 'show'") != std::string::npos);
        CHECK(lineCount(r.out) == 1);
    }
    SECTION("flag")
    {
        const CliRun r = runCli("design --fr x.txt --filter 5");
        INFO(r.out);
        CHECK(r.exitCode != 0);
        CHECK(r.out.find("unknown option --filter") != std::string::npos);
        CHECK(r.out.find("did you mean --filters") != std::string::npos);
    }
    SECTION("nothing near: no suggestion, but where to look")
    {
        const CliRun r = runCli("design --fr x.txt --zzzzzzzz 5");
        INFO(r.out);
        CHECK(r.exitCode != 0);
        CHECK(r.out.find("did you mean") == std::string::npos);
        CHECK(r.out.find("iemeq design --help") != std::string::npos);
    }
}

TEST_CASE("cli: commands without positional arguments refuse strays instead of ignoring them", "[cli][help]")
{
    // `design ... -o eq.txt` used to print the EQ to the terminal, write nothing and exit 0.
    const std::string fr = "--fr x.txt";
    for (const std::string command : { "design " + fr, "info " + fr, std::string("demo") }) {
        INFO(command);
        const CliRun r = runCli(command + " -o out.txt");
        INFO(r.out);
        CHECK(r.exitCode != 0);
        CHECK(r.out.find("unexpected argument '-o' (did you mean --output?)") != std::string::npos);
        CHECK(lineCount(r.out) == 1);
    }
    const CliRun stray = runCli("design --target harman2019 extra.txt");
    CHECK(stray.exitCode != 0);
    CHECK(stray.out.find("unexpected argument 'extra.txt'") != std::string::npos);
}
