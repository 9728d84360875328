#pragma once
// Every `iemeq <command>` is one function in its own file (Source/cli/Cmd*.cpp), listed in main.cpp.
#include <string>

namespace iemeq::cli {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(int argc, char** argv);  // argv[0] is the command name; returns the exit code
};

int runInfo(int argc, char** argv);
int runDesign(int argc, char** argv);
int runRender(int argc, char** argv);
int runDemo(int argc, char** argv);
int runReport(int argc, char** argv);
int runPreset(int argc, char** argv);
int runBatch(int argc, char** argv);
int runTargets(int argc, char** argv);
int runDevices(int argc, char** argv);
int runLibrary(int argc, char** argv);

} // namespace iemeq::cli
