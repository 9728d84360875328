#pragma once
// Finding IEMs in a phone book by what a user types: forgiving of case, spacing and punctuation
// ("blessing2" finds "Moondrop Blessing 2", "a4 pro" finds "LZ A4 Pro (Disc, Nozzle)"), and
// resolving a name to exactly one phone and variant for `--iem`.
#include "PhoneBook.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iemeq::library {

// The comparison key: ASCII letters lowercased, ASCII digits kept, every other ASCII character
// (spaces, punctuation) dropped, non-ASCII bytes (UTF-8) kept as they are.
std::string searchKey(std::string_view text);

// Indices of the phones `query` finds, best first: the full name equal to the query (ignoring
// case and spacing), then equal by searchKey, then names starting with it, then containing it, then phones where every word of the query occurs
// somewhere in the brand, model or a variant's name. An empty query finds nothing.
std::vector<std::size_t> searchPhones(const std::vector<Phone>& phones, std::string_view query);

struct PhonePick {
    std::size_t phone = 0;
    std::size_t variant = 0;
};

// The one phone called `name` ("Moondrop Blessing 2"; the brand with or without its suffix, or a
// variant's name after the brand, "Campfire Audio Andromeda - 2.7 Ohm", picks that variant),
// matched exactly, then ignoring case and spacing, then by searchKey. `variant`, when not empty,
// picks a variant by its name or file (key equal, or the one variant whose key contains it).
// Throws iemeq::Error naming `where` ("antdroid"), with the closest names when nothing matches,
// the candidates when several do, the reason when the book lists it but it was rejected, and the
// variants when `variant` matches none.
PhonePick findPhone(const PhoneBook& book, const std::string& name, const std::string& variant, const std::string& where);

} // namespace iemeq::library
