#pragma once
// The phone book of a squig.link / CrinGraph graph site (data/phone_book.json), read the way the
// sites' own pages read it. The format as found on public sites:
//
//   [ { "name": "Campfire", "suffix": "Audio",                     <- brand; suffix shown after it
//       "phones": [ "Solaris",                                      <- model = file stem
//                   { "name": "Andromeda",                          <- model
//                     "file": ["Andromeda", "Andromeda - 2.7 Ohm"], <- variants (first = default)
//                     "suffix": ["", "2.7 Ohm"],                    <- optional variant labels
//                     "prefix": "Andromeda",                        <- or: label = file minus prefix
//                     "collab": "Crinacle",                         <- shown as "Brand x Collab"
//                     "reviewScore": "A", "price": "$1099", ... }   <- ignored
//                 ] } ]
//
// A file stem F means the files data/F L.txt and data/F R.txt; stems may contain folders
// ("Truthear/Truthear Zero"). Tolerant where the sites' pages are (a phone without "name" takes
// its file's, an array "name" is joined, unknown keys and odd entries are skipped and reported),
// strict where it matters: the whole book must be a JSON array of brands, and every file stem must
// be a plain relative name (SafeName.h), or the variant is left out with the reason.
#include <cstddef>
#include <string>
#include <vector>

namespace iemeq::library {

// Phone books of the largest sites are around 1 MB.
inline constexpr std::size_t kMaxPhoneBookBytes = 20u << 20;

struct PhoneVariant {
    std::string name;  // as the site shows it, e.g. "Andromeda - 2.7 Ohm"
    std::string file;  // file stem on the site, e.g. "Andromeda - 2.7 Ohm"
    bool operator==(const PhoneVariant&) const = default;
};

struct Phone {
    std::string brand;        // "Campfire"
    std::string brandSuffix;  // "Audio"
    std::string collab;       // "Crinacle" (shown "Brand x Crinacle")
    std::string model;        // "Andromeda"
    std::vector<PhoneVariant> variants;  // never empty; the first is the site's default

    std::string displayBrand() const;  // "Campfire Audio", "7Hz x Crinacle"
    std::string fullName() const;      // "Campfire Audio Andromeda"
    std::string shortName() const;     // brand without suffix: "Campfire Andromeda" (what the site's share links use)
    bool operator==(const Phone&) const = default;
};

// An entry the book lists but iemeq will not use, and why (one line, for the user).
struct RejectedPhone {
    std::string name;    // as far as it could be read, e.g. "Evil Foo"
    std::string reason;  // e.g. "file name \"../../x\" goes up a folder (..)"
};

struct PhoneBook {
    std::vector<Phone> phones;
    std::vector<RejectedPhone> rejected;
    std::size_t brands = 0;
};

// Parses a phone book. Throws iemeq::Error "SOURCE: invalid phone book: reason" when the text is
// not JSON, not an array of brands, or lists no usable phone at all.
PhoneBook parsePhoneBook(const std::string& json, const std::string& sourceName);

} // namespace iemeq::library
