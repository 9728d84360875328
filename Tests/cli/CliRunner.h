#pragma once
// Runs the built `iemeq` binary as a user would and captures what it prints.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace iemeq::test {

struct CliRun {
    int exitCode = -1;
    std::string out;  // stdout and stderr together
};

// Runs a shell command line, capturing stdout and stderr.
inline CliRun runShell(const std::string& commandLine)
{
    CliRun r;
    FILE* p = popen((commandLine + " 2>&1").c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p))
        r.out += buf;
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// `args` is appended to the iemeq path as shell words (quote paths with quoted()).
inline CliRun runCli(const std::string& args)
{
    return runShell(std::string(IEMEQ_CLI_PATH) + " " + args);
}

// Single-quoted for the shell (fixture paths contain spaces and parentheses, never a quote).
inline std::string quoted(const std::string& s) { return "'" + s + "'"; }

} // namespace iemeq::test
