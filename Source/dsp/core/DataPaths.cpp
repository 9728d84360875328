#include "DataPaths.h"

#include <cstdlib>
#include <filesystem>

namespace iemeq {

namespace fs = std::filesystem;

static std::string env(const char* name)
{
    const char* v = std::getenv(name);
    return v ? v : "";
}

static fs::path selfExecutable()
{
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);  // Linux; elsewhere the tree copy is used
    return ec ? fs::path() : p;
}

std::vector<std::string> dataFolderCandidates(const std::string& name, const std::string& binaryPath)
{
    std::vector<std::string> out;
    const fs::path binary = binaryPath.empty() ? selfExecutable() : fs::path(binaryPath);
    int levels = 0;
    for (fs::path dir = binary.parent_path(); !dir.empty() && dir != dir.parent_path() && levels < 6;
         dir = dir.parent_path(), ++levels)
        out.push_back((dir / "share" / "iemeq" / name).string());
    const std::string xdg = env("XDG_DATA_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute())
        out.push_back((fs::path(xdg) / "iemeq" / name).string());
    else if (!env("HOME").empty())
        out.push_back((fs::path(env("HOME")) / ".local" / "share" / "iemeq" / name).string());
#ifdef IEMEQ_INSTALL_DATADIR
    out.push_back((fs::path(IEMEQ_INSTALL_DATADIR) / "iemeq" / name).string());
#endif
    out.push_back((fs::path("/usr/local/share/iemeq") / name).string());
    out.push_back((fs::path("/usr/share/iemeq") / name).string());
#ifdef IEMEQ_SOURCE_DIR
    out.push_back((fs::path(IEMEQ_SOURCE_DIR) / name).string());
#endif
    return out;
}

std::vector<std::string> dataFolders(const std::string& name, const std::string& binaryPath)
{
    std::vector<std::string> out;
    for (const auto& c : dataFolderCandidates(name, binaryPath)) {
        std::error_code ec;
        if (!fs::is_directory(c, ec))
            continue;
        const std::string canon = fs::weakly_canonical(c, ec).string();
        bool seen = false;
        for (const auto& o : out)
            seen = seen || fs::weakly_canonical(o, ec).string() == canon;
        if (!seen)
            out.push_back(c);
    }
    return out;
}

std::string dataFolder(const std::string& name, const std::string& binaryPath)
{
    const auto all = dataFolders(name, binaryPath);
    return all.empty() ? std::string() : all.front();
}

} // namespace iemeq
