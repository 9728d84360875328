#pragma once
// File names that come from a phone book are untrusted: they become paths in the cache and in a
// local library folder, and parts of URLs. Only plain relative names are let through, so nothing
// a site publishes can reach outside the library's folder.
#include <string>
#include <string_view>

namespace iemeq::library {

// Longest file name (stem, before " L.txt") and folder depth a phone book may use.
inline constexpr std::size_t kMaxFileNameBytes = 200;
inline constexpr int kMaxFileNameDepth = 4;

// Empty when `name` is a safe relative file stem: valid UTF-8, '/'-separated parts (at most
// kMaxFileNameDepth), none empty, none starting with '.', no control characters, no \ : * ? " < > |
// (separators or reserved on Windows and macOS). Otherwise why not, in a few words
// (e.g. "goes up a folder (..)").
std::string unsafeFileNameReason(std::string_view name);

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view text);

// `relative` with every byte outside A-Z a-z 0-9 - . _ ~ and '/' percent-encoded (RFC 3986), for
// appending to a site's base URL: "Blessing 2 L.txt" -> "Blessing%202%20L.txt".
std::string percentEncodePath(std::string_view relative);

} // namespace iemeq::library
