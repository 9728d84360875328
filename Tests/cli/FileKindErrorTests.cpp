// A file given where a preset is expected is named for what it is ("is a measurement", "is a WAV
// audio file"), and no error surfaces a library's raw exception text: one line, iemeq's words.
#include "../TestData.h"

#include "dsp/io/WavFile.h"

#include "CliRunner.h"
#include "ScratchDir.h"

#include <catch2/catch.hpp>

#include <string>

using namespace iemeq;
using namespace iemeq::test;

namespace {

const std::string kMeasurement = dataPath("measurements/Simgot EW200 L.txt");

// One line, naming the file's kind, with nothing from nlohmann::json or std::filesystem.
void checkOneLineInOwnWords(const CliRun& r)
{
    INFO(r.out);
    CHECK(r.exitCode == 1);
    CHECK(lineCount(r.out) == 1);
    for (const char* raw : { "json.exception", "parse_error", "type_error", "filesystem error", "basic_string", "stod" })
        CHECK(r.out.find(raw) == std::string::npos);
}

std::string smallWav(const ScratchDir& dir)
{
    AudioData a;
    a.channels.assign(2, std::vector<float>(480, 0.1f));
    const std::string path = dir / "clip.wav";
    writeWav(path, a);
    return path;
}

} // namespace

TEST_CASE("cli: preset show and convert on a measurement or a WAV say what the file is", "[cli][preset][errors]")
{
    ScratchDir dir("filekind-show");
    const std::string wav = smallWav(dir);
    for (const std::string cmd : { "preset show ", "preset convert " }) {
        const std::string tail = cmd == "preset show " ? "" : " " + shq(dir / "out.json");
        const CliRun m = runCli(cmd + shq(kMeasurement) + tail);
        checkOneLineInOwnWords(m);
        CHECK(m.out.find("is a measurement") != std::string::npos);
        CHECK(m.out.find("not a preset") != std::string::npos);
        CHECK(m.out.find("filters") == std::string::npos);

        const CliRun w = runCli(cmd + shq(wav) + tail);
        checkOneLineInOwnWords(w);
        CHECK(w.out.find("is a WAV audio file") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "out.json"));
}

TEST_CASE("cli: render --preset with a measurement is refused as not a preset", "[cli][render][errors]")
{
    ScratchDir dir("filekind-render");
    const std::string wav = smallWav(dir);
    const CliRun r = runCli("render --preset " + shq(kMeasurement) + " " + shq(wav) + " " + shq(dir / "out.wav"));
    checkOneLineInOwnWords(r);
    CHECK(r.out.find("is a measurement") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out.wav"));
}

TEST_CASE("cli: preset apply with a non-JSON or broken JSON file gives one line in iemeq's words", "[cli][preset][errors]")
{
    ScratchDir dir("filekind-apply");
    const std::string fr = " --fr " + shq(kMeasurement);
    SECTION("a measurement")
    {
        const CliRun r = runCli("preset apply " + shq(kMeasurement) + fr);
        checkOneLineInOwnWords(r);
        CHECK(r.out.find("is a measurement") != std::string::npos);
        CHECK(r.out.find("not an iemeq preset") != std::string::npos);
    }
    SECTION("a WAV")
    {
        const CliRun r = runCli("preset apply " + shq(smallWav(dir)) + fr);
        checkOneLineInOwnWords(r);
        CHECK(r.out.find("is a WAV audio file") != std::string::npos);
    }
    SECTION("JSON with a syntax error: where it is")
    {
        writeText(dir / "broken.json", "{\n  \"format\": \"iemeq-preset\",\n  \"version\": 2,,\n}\n");
        const CliRun r = runCli("preset apply " + shq(dir / "broken.json") + fr);
        checkOneLineInOwnWords(r);
        CHECK(r.out.find("not valid JSON") != std::string::npos);
        CHECK(r.out.find("line 3") != std::string::npos);
    }
    SECTION("preset show on broken JSON")
    {
        writeText(dir / "broken.json", "{ \"format\": \"iemeq-preset\" ");
        const CliRun r = runCli("preset show " + shq(dir / "broken.json"));
        checkOneLineInOwnWords(r);
        CHECK(r.out.find("not valid JSON") != std::string::npos);
    }
}

TEST_CASE("cli: a broken listening-test result is reported in iemeq's words", "[cli][report][errors]")
{
    ScratchDir dir("filekind-listening");
    writeText(dir / "results.json", "{ \"format\": \"iemeq listening test\", ");
    const CliRun broken = runCli("report --listening " + shq(dir / "results.json") + " -o " + shq(dir / "r"));
    checkOneLineInOwnWords(broken);
    CHECK(broken.out.find("syntax error at line 1") != std::string::npos);
    const CliRun measurement = runCli("report --listening " + shq(kMeasurement) + " -o " + shq(dir / "r"));
    checkOneLineInOwnWords(measurement);
    CHECK(measurement.out.find("is a measurement") != std::string::npos);
}

TEST_CASE("cli: a broken device profile is reported in iemeq's words", "[cli][design][errors]")
{
    ScratchDir dir("filekind-device");
    const std::string fr = " --fr " + shq(kMeasurement);
    SECTION("syntax error")
    {
        writeText(dir / "dev.json", "{ \"maxFilters\": 5, }");
        const CliRun r = runCli("design --device " + shq(dir / "dev.json") + fr);
        checkOneLineInOwnWords(r);
        CHECK(r.out.find("invalid JSON (syntax error at line 1") != std::string::npos);
    }
    SECTION("wrong type of a field")
    {
        writeText(dir / "dev.json", "{ \"name\": 5 }");
        const CliRun r = runCli("design --device " + shq(dir / "dev.json") + fr);
        checkOneLineInOwnWords(r);
        CHECK(r.out.find("'name'") != std::string::npos);
    }
}

TEST_CASE("cli: folders that cannot be created are reported in iemeq's words", "[cli][batch][errors]")
{
    ScratchDir dir("filekind-folders");
    writeText(dir / "afile", "x");
    const CliRun b = runCli("batch " + shq(dataPath("measurements/regancipher")) + " --only 'EPZ Q1' --preset-dir "
                            + shq(dir / "afile/sub"));
    checkOneLineInOwnWords(b);
    CHECK(b.out.find("afile/sub") != std::string::npos);
    const CliRun d = runCli("demo --out " + shq(dir / "afile/sub"));
    checkOneLineInOwnWords(d);
    CHECK(d.out.find("afile/sub") != std::string::npos);
}
