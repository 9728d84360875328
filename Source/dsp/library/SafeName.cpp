#include "SafeName.h"

#include <cstdint>

namespace iemeq::library {

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<std::uint8_t>(text[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<std::uint8_t>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static const std::uint32_t kMinForLength[4] = { 0, 0x80, 0x800, 0x10000 };
        if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

std::string unsafeFileNameReason(std::string_view name)
{
    if (name.empty())
        return "is empty";
    if (name.size() > kMaxFileNameBytes)
        return "is longer than " + std::to_string(kMaxFileNameBytes) + " bytes";
    if (!isValidUtf8(name))
        return "is not valid UTF-8";
    if (name.front() == '/')
        return "is an absolute path";
    int depth = 0;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string_view::npos)
            end = name.size();
        const std::string_view part = name.substr(start, end - start);
        if (++depth > kMaxFileNameDepth)
            return "has more than " + std::to_string(kMaxFileNameDepth) + " folder levels";
        if (part.empty())
            return "has an empty folder name (//)";
        if (part == "..")
            return "goes up a folder (..)";
        for (const char ch : part) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x20 || c == 0x7F)
                return "contains a control character";
            switch (ch) {
            case '\\': return "contains a backslash";
            case ':': return "contains ':'";
            case '*': case '?': case '"': case '<': case '>': case '|':
                return std::string("contains '") + ch + "'";
            default: break;
            }
        }
        if (part.front() == '.')
            return "has a part starting with '.'";
        start = end + 1;
    }
    return {};
}

std::string percentEncodePath(std::string_view relative)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : relative) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                          || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace iemeq::library
