// File names from a phone book: plain relative names pass (spaces, brackets, UTF-8, folders as
// real sites use them); anything that could leave the library's folder is refused with why.
#include "dsp/library/SafeName.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace iemeq::library;

TEST_CASE("safe names: real sites' file names pass", "[library][names]")
{
    for (const char* name : { "Blessing 2", "Andromeda - 2.7 Ohm", "7Hz/7Hz Aero", "Truthear/Truthear ZeroBLUE2_5",
                              "AS16 Sample 1 (by \xEB\x83\xA5\xEB\x83\x90\xEB\x83\xA5) (Deep Insertion)",
                              "1+4 (Unknown Tips, by THX\xE2\x84\xA2)", "Galaxy Buds+", "MEST MK2 0.5 Ohm", " 03", "a/b/c/d" })
        CHECK(unsafeFileNameReason(name).empty());
}

TEST_CASE("safe names: every way out of the folder is refused, with the reason", "[library][names]")
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        { "", "is empty" },
        { "..", "goes up a folder (..)" },
        { "../x", "goes up a folder (..)" },
        { "a/../../x", "goes up a folder (..)" },
        { "a/..", "goes up a folder (..)" },
        { "/etc/passwd", "is an absolute path" },
        { "a//b", "has an empty folder name (//)" },
        { "a/", "has an empty folder name (//)" },
        { ".hidden", "has a part starting with '.'" },
        { "a/./b", "has a part starting with '.'" },
        { "..\\..\\x", "contains a backslash" },
        { "C:x", "contains ':'" },
        { "a*b", "contains '*'" },
        { "a?b", "contains '?'" },
        { "a<b", "contains '<'" },
        { "a|b", "contains '|'" },
        { "a\"b", "contains '\"'" },
        { std::string("a\0b", 3), "contains a control character" },
        { "a\nb", "contains a control character" },
        { "a\x7f", "contains a control character" },
        { "\xC0\xAF..", "is not valid UTF-8" },        // overlong '/'
        { "\xED\xA0\x80", "is not valid UTF-8" },      // surrogate
        { "abc\xE2\x84", "is not valid UTF-8" },       // cut short
        { "a/b/c/d/e", "has more than 4 folder levels" },
        { std::string(201, 'x'), "is longer than 200 bytes" },
    };
    for (const auto& [name, reason] : cases) {
        INFO(name);
        CHECK(unsafeFileNameReason(name) == reason);
    }
}

TEST_CASE("safe names: URLs encode everything but unreserved characters and '/'", "[library][names]")
{
    CHECK(percentEncodePath("Blessing 2 L.txt") == "Blessing%202%20L.txt");
    CHECK(percentEncodePath("7Hz/7Hz Aero R.txt") == "7Hz/7Hz%20Aero%20R.txt");
    CHECK(percentEncodePath("Galaxy Buds+ #1 (50%) L.txt") == "Galaxy%20Buds%2B%20%231%20%2850%25%29%20L.txt");
    CHECK(percentEncodePath("THX\xE2\x84\xA2") == "THX%E2%84%A2");
    CHECK(percentEncodePath("a?b=c&d") == "a%3Fb%3Dc%26d");
}
