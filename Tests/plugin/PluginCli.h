#pragma once
// The built `iemeq` command line, run from the plugin tests as a user would, and a scratch folder
// for the files they exchange (presets, WAVs). IEMEQ_CLI_PATH comes from PluginTests.cmake.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <sys/wait.h>

namespace iemeq::test {

struct CliResult {
    int exitCode = -1;
    std::string out;  // stdout and stderr together
};

// `args` are appended to the iemeq path as shell words (quote paths with shellQuoted()).
inline CliResult runIemeq(const std::string& args)
{
    CliResult r;
    FILE* p = popen((std::string(IEMEQ_CLI_PATH) + " " + args + " 2>&1").c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p))
        r.out += buf;
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// Single-quoted for the shell (fixture paths contain spaces, never a quote).
inline std::string shellQuoted(const std::string& s) { return "'" + s + "'"; }

// A fresh folder under the system temp directory, removed with everything in it.
struct ScratchFolder {
    std::filesystem::path path;
    ScratchFolder()
    {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("iemeq-plugin-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~ScratchFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
};

} // namespace iemeq::test
