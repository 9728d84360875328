#include "AtomicFile.h"

#include "Error.h"

#include <cstdio>
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
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(path + ": cannot write file");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::remove(tmp.c_str());
            throw Error(path + ": write failed (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw Error(path + ": cannot replace file: " + ec.message());
    }
}

} // namespace iemeq
