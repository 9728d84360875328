#pragma once
// An output path that names one of the command's inputs is refused before anything is read or
// written: the same spelling, another spelling (./a, d/../a), a symlink or a hard link to it.
#include "Args.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace iemeq::cli {

// Throws iemeq::Error "OUT is also an input (IN); choose another output path" when `output`
// and one of `inputs` are the same file.
void refuseOverwritingInput(const std::string& output, const std::vector<std::string>& inputs);

// Every value given for these flags (the files a command reads), for refuseOverwritingInput.
std::vector<std::string> flagValues(const Args& args, std::initializer_list<const char*> flags);

} // namespace iemeq::cli
