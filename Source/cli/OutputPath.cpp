#include "OutputPath.h"

#include "dsp/core/Error.h"

#include <filesystem>

namespace iemeq::cli {

namespace fs = std::filesystem;

static bool sameFile(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    // Both exist: the file system decides (symlinks followed, hard links included).
    if (fs::exists(a, ec) && fs::exists(b, ec))
        return fs::equivalent(a, b, ec) && !ec;
    // Otherwise the paths as the system would resolve them.
    const fs::path ca = fs::weakly_canonical(a, ec);
    if (ec)
        return false;
    const fs::path cb = fs::weakly_canonical(b, ec);
    return !ec && ca == cb;
}

void refuseOverwritingInput(const std::string& output, const std::vector<std::string>& inputs)
{
    for (const auto& in : inputs)
        if (!in.empty() && sameFile(output, in))
            throw Error(output + " is also an input (" + in + "); choose another output path");
}

std::vector<std::string> flagValues(const Args& args, std::initializer_list<const char*> flags)
{
    std::vector<std::string> out;
    for (const char* f : flags)
        for (const auto& v : args.all(f))
            out.push_back(v);
    return out;
}

} // namespace iemeq::cli
