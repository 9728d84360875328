// An output path that names an input (the same spelling, another spelling, or a symlink) is
// refused before anything is written; success is reported only after the write.
#include "../TestData.h"

#include "dsp/io/WavFile.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace iemeq;
using namespace iemeq::test;
namespace fs = std::filesystem;

namespace {

const std::string kFr = " --fr " + shq(dataPath("measurements/Simgot EW200 L.txt")) + " --fr "
                        + shq(dataPath("measurements/Simgot EW200 R.txt"));

struct RenderFixture {
    ScratchDir dir { "output-path" };
    std::string preset = dir / "p.json";
    std::string wav = dir / "in.wav";
    RenderFixture()
    {
        REQUIRE(runCli("design" + kFr + " --format json --output " + shq(preset)).exitCode == 0);
        AudioData a;
        a.channels.assign(2, std::vector<float>(4800, 0.25f));
        writeWav(wav, a);
    }
};

} // namespace

TEST_CASE("cli: render refuses an output that is its input or its preset, however it is spelled", "[cli][render][paths]")
{
    RenderFixture f;
    const std::string before = fileBytes(f.wav), presetBefore = fileBytes(f.preset);
    fs::create_symlink(f.wav, f.dir / "link.wav");
    fs::create_directories(f.dir.path() / "sub");
    const std::string dirName = f.dir.path().filename().string();
    for (const std::string& out : { f.wav, f.dir / "./in.wav", f.dir / "sub/../in.wav",
                                    (f.dir.path() / ".." / dirName / "in.wav").string(), f.dir / "link.wav", f.preset }) {
        INFO(out);
        const CliRun r = runCli("render --preset " + shq(f.preset) + " " + shq(f.wav) + " " + shq(out));
        INFO(r.out);
        CHECK(r.exitCode == 1);
        CHECK(lineCount(r.out) == 1);
        CHECK(r.out.find("is also an input") != std::string::npos);
        CHECK(r.out.find("rendered") == std::string::npos);
    }
    CHECK(fileBytes(f.wav) == before);
    CHECK(fileBytes(f.preset) == presetBefore);
    CHECK(fs::is_symlink(f.dir / "link.wav"));
    // Relative spellings from the folder itself.
    const CliRun rel = runShell("cd " + shq(f.dir.path().string()) + " && " + IEMEQ_CLI_PATH
                                + " render --preset p.json in.wav ./sub/../in.wav");
    CHECK(rel.exitCode == 1);
    CHECK(fileBytes(f.wav) == before);
}

TEST_CASE("cli: render prints 'rendered' only after the output is written", "[cli][render][paths]")
{
    RenderFixture f;
    const CliRun bad = runCli("render --preset " + shq(f.preset) + " " + shq(f.wav) + " " + shq(f.dir / "no/such/dir/out.wav"));
    INFO(bad.out);
    CHECK(bad.exitCode == 1);
    CHECK(bad.out.find("rendered") == std::string::npos);
    CHECK(lineCount(bad.out) == 1);

    const CliRun good = runCli("render --preset " + shq(f.preset) + " " + shq(f.wav) + " " + shq(f.dir / "out.wav"));
    INFO(good.out);
    CHECK(good.exitCode == 0);
    CHECK(good.out.find("rendered") != std::string::npos);
    CHECK(readWav(f.dir / "out.wav").numFrames() == 4800);
}

TEST_CASE("cli: design, preset convert and preset apply refuse to overwrite an input", "[cli][paths]")
{
    RenderFixture f;
    const std::string presetBefore = fileBytes(f.preset);
    // Copies: on a failure the fixtures themselves must not be overwritten.
    const std::string l = f.dir / "EW200 L.txt";
    fs::copy_file(dataPath("measurements/Simgot EW200 L.txt"), l);
    const std::string kFr = " --fr " + shq(l);
    const std::string lBefore = fileBytes(l);
    for (const std::string& args : { "design" + kFr + " --output " + shq(l),
                                     "preset convert " + shq(f.preset) + " " + shq(f.dir / "./p.json"),
                                     "preset apply " + shq(f.preset) + kFr + " --output " + shq(f.preset),
                                     "preset apply " + shq(f.preset) + kFr + " --output " + shq(l) }) {
        const CliRun r = runCli(args);
        INFO(args);
        INFO(r.out);
        CHECK(r.exitCode == 1);
        CHECK(r.out.find("is also an input") != std::string::npos);
    }
    CHECK(fileBytes(f.preset) == presetBefore);
    CHECK(fileBytes(l) == lBefore);
}
