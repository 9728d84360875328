// iemeq: design, render and inspect IEM target corrections from the command line.
#include "Commands.h"
#include "Suggest.h"

#include "dsp/core/Version.h"

#include "dsp/core/Error.h"
#include "dsp/core/ErrorText.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>
#include <string>
#include <vector>

using namespace iemeq::cli;

static const Command kCommands[] = {
    { "info", "describe measurement/target files: points, range, level, channel balance, residual", runInfo },
    { "design", "design a parametric correction (APO, GraphicEQ or JSON preset)", runDesign },
    { "render", "process a WAV or FLAC file through a correction preset", runRender },
    { "preset", "show, convert (JSON, ParametricEQ, GraphicEQ, WAV IR, CSV) and apply presets", runPreset },
    { "batch", "design a whole folder of measurements to one target, with a summary table", runBatch },
    { "report", "the reviewer's view: graph (PNG/SVG), score, band deviations, tonal words, correction", runReport },
    { "demo", "the quick-start job: bundled IEM -> Harman 2019 -> preset, EQ and rendered WAV", runDemo },
    { "targets", "list the bundled target curves (short name, file, description)", runTargets },
    { "devices", "list the bundled device EQ profiles for design --device", runDevices },
    { "library", "graph sites and folders to take measurements from by name (add, list, search)", runLibrary },
};

static void printUsage()
{
    std::printf("usage: iemeq <command> [options]\n\nIEM target equalization: load a measured frequency response and a target,\n"
                "design parametric or FIR corrections, render audio and export presets.\n\ncommands:\n");
    for (const auto& c : kCommands)
        std::printf("  %-9s %s\n", c.name, c.summary);
    std::printf("\n`iemeq <command> --help` describes each command's options.\n");
}

int main(int argc, char** argv)
{
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        printUsage();
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::printf("iemeq %s\n", iemeq::kVersion);
        return 0;
    }
    for (const auto& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) {
            // Errors are one line in iemeq's words; library exceptions are translated, not shown raw.
            try {
                return c.run(argc - 1, argv + 1);
            } catch (...) {
                std::fprintf(stderr, "iemeq %s: %s\n", c.name, iemeq::errorLine(iemeq::errorText(std::current_exception())).c_str());
            }
            return 1;
        }
    std::vector<std::string> names;
    for (const auto& c : kCommands)
        names.push_back(c.name);
    std::fprintf(stderr, "iemeq: unknown command '%s'%s; see iemeq --help\n", argv[1], didYouMean(argv[1], names).c_str());
    return 2;
}
