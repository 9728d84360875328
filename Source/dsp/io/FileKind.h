#pragma once
// What a file looks like, for errors that name it when it is not what was asked for:
// "x.txt: is a measurement or target curve ..., not a preset" instead of a parser's complaint.
#include <cstddef>
#include <string>

namespace iemeq {

// "a WAV audio file", "a FLAC audio file", "a measurement or target curve (frequency and level
// columns)", "a binary file", or "" when the bytes look like none of these.
std::string describeFileContent(const std::string& bytes);

// "line L, column C" of byte offset `byte` in `text` (1-based, as editors count), for syntax errors.
std::string textPosition(const std::string& text, std::size_t byte);

} // namespace iemeq
