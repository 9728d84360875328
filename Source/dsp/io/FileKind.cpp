#include "FileKind.h"

#include "CurveReader.h"

#include <algorithm>

namespace iemeq {

std::string describeFileContent(const std::string& bytes)
{
    if (bytes.size() >= 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WAVE") == 0)
        return "a WAV audio file";
    if (bytes.compare(0, 4, "fLaC") == 0)
        return "a FLAC audio file";
    if (bytes.find('\0') != std::string::npos)
        return "a binary file";
    try {
        if (parseCurveText(bytes, "").size() >= kMinCurvePoints)
            return "a measurement or target curve (frequency and level columns)";
    } catch (const std::exception&) {
        // Not a curve either: nothing more to say than the caller's own message.
    }
    return "";
}

std::string textPosition(const std::string& text, std::size_t byte)
{
    const std::size_t end = std::min(byte, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < end; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    // nlohmann's byte is one past the offending character; never report column 0.
    const std::size_t column = std::max<std::size_t>(1, end - lineStart);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace iemeq
