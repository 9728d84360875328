#pragma once
// SHA-256 (FIPS 180-4), written for iemeq: the checksum the measurement cache records next to
// every download, so a cached file can be checked before it is trusted again and a preset can
// name exactly which measurement it was designed from.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iemeq::library {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // The digest; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();
    // The digest as 64 lowercase hex digits.
    std::string finishHex();

private:
    void compress(const std::uint8_t* block);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t totalBytes_ = 0;
};

std::string sha256Hex(std::string_view data);

// SHA-256 of a file's bytes, read in blocks (no whole-file buffer); throws iemeq::Error.
std::string sha256OfFile(const std::string& path);

} // namespace iemeq::library
