#include "AtomicFile.h"

#include "Error.h"

#include <cstdio>
#if defined(__unix__) || defined(__APPLE__)
 #include <unistd.h>
#endif
#include <filesystem>
#include <fstream>
#include <iterator>

namespace iemeq {

std::string readFileBytes(const std::string& path, std::size_t maxBytes)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(path + ": is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open file");
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes)
        throw Error(path + ": file is too large (" + std::to_string(size >> 20) + " MiB; limit "
                    + std::to_string(maxBytes >> 20) + " MiB)");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeFileAtomically(const std::string& path, const std::string& bytes)
{
    const std::string tmp = path + ".tmp-iemeq";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr)
        throw Error(path + ": cannot write file");
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
#if defined(__unix__) || defined(__APPLE__)
    // The data must be on disk before the rename makes it the file, or a power cut could leave
    // an empty "new" file behind.
    ok = ok && ::fsync(::fileno(f)) == 0;
#endif
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
        std::remove(tmp.c_str());
        throw Error(path + ": write failed (disk full?)");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw Error(path + ": cannot replace file: " + ec.message());
    }
}

} // namespace iemeq
