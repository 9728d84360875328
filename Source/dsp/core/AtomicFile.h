#pragma once
// Whole-file read and atomic write (temp file in the same folder + rename), so a crash or a full
// disk never leaves a half-written preset, export or audio file.
#include <cstddef>
#include <string>

namespace iemeq {

// Reads a file into memory; refuses files larger than maxBytes with a clear error.
std::string readFileBytes(const std::string& path, std::size_t maxBytes = 64u << 20);

void writeFileAtomically(const std::string& path, const std::string& bytes);

} // namespace iemeq
