// Finding IEMs as users type them: every entry of antdroid's real book is found by its model
// typed carelessly, "blessing2" finds "Moondrop Blessing 2" first, and a name resolves to exactly
// one phone and variant or to an error that helps.
#include "../../TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/library/Search.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

using namespace iemeq;
using namespace iemeq::library;

namespace {

const PhoneBook& antdroid()
{
    static const PhoneBook b = parsePhoneBook(readFileBytes(test::dataPath("sites/antdroid/data/phone_book.json")), "antdroid");
    return b;
}

// The way people type: lower case, no spaces, no punctuation.
std::string careless(const std::string& s)
{
    std::string out;
    for (const char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string errorOf(const std::string& name, const std::string& variant = "")
{
    try {
        findPhone(antdroid(), name, variant, "antdroid");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

std::string found(const std::string& name, const std::string& variant = "")
{
    const PhonePick p = findPhone(antdroid(), name, variant, "antdroid");
    return antdroid().phones[p.phone].fullName() + " / " + antdroid().phones[p.phone].variants[p.variant].file;
}

} // namespace

TEST_CASE("search: the key ignores case, spacing and punctuation", "[library][search]")
{
    CHECK(searchKey("Moondrop Blessing 2") == "moondropblessing2");
    CHECK(searchKey("  LZ A4 Pro (Disc, Nozzle) ") == "lza4prodiscnozzle");
    CHECK(searchKey("Galaxy Buds+") == "galaxybuds");
    CHECK(searchKey("THX\xE2\x84\xA2" " 7Hz") == "thx\xE2\x84\xA2" "7hz");
}

TEST_CASE("search: every one of the 304 entries is found by its model and by its full name, typed carelessly", "[library][search]")
{
    const auto& phones = antdroid().phones;
    REQUIRE(phones.size() == 304);
    std::size_t foundByModel = 0, foundByName = 0, firstByName = 0;
    for (std::size_t i = 0; i < phones.size(); ++i) {
        const auto byModel = searchPhones(phones, careless(phones[i].model));
        const auto byName = searchPhones(phones, careless(phones[i].fullName()));
        foundByModel += std::find(byModel.begin(), byModel.end(), i) != byModel.end();
        foundByName += std::find(byName.begin(), byName.end(), i) != byName.end();
        // First, unless another entry has the very same key (a book may list one twice).
        firstByName += !byName.empty() && (byName.front() == i || careless(phones[byName.front()].fullName()) == careless(phones[i].fullName()));
    }
    CHECK(foundByModel == 304);
    CHECK(foundByName == 304);
    CHECK(firstByName == 304);
}

TEST_CASE("search: what users type finds what they mean, best first", "[library][search]")
{
    const auto& phones = antdroid().phones;
    const auto names = [&](const std::string& q) {
        std::vector<std::string> out;
        for (const auto i : searchPhones(phones, q))
            out.push_back(phones[i].fullName());
        return out;
    };
    CHECK(names("blessing2") == std::vector<std::string>{ "Moondrop Blessing 2" });
    CHECK(names("BLESSING 2") == std::vector<std::string>{ "Moondrop Blessing 2" });
    CHECK(names("moondrop b").front() == "Moondrop Blessing 2");
    CHECK(names("a4 pro") == std::vector<std::string>{ "LZ A4 Pro (Disc, Nozzle)" });
    CHECK(names("andromeda").front() == "Campfire Audio Andromeda");
    CHECK(names("andromeda").size() == 3);  // Andromeda, Andromeda 2020, Andromeda Gold
    CHECK(names("2.7 ohm").front() == "Campfire Audio Andromeda");  // by a variant's name
    CHECK(names("Samsung Galaxy Buds+").front() == "Samsung Galaxy Buds+");
    CHECK(names("odin empire").front() == "Empire Ears Odin");  // words in any order
    CHECK(names("").empty());
    CHECK(names("  ,.-").empty());
    CHECK(names("zzzz").empty());
}

TEST_CASE("search: a name resolves to one phone and variant", "[library][search]")
{
    CHECK(found("Moondrop Blessing 2") == "Moondrop Blessing 2 / Blessing 2");
    CHECK(found("moondrop  blessing 2") == "Moondrop Blessing 2 / Blessing 2");
    CHECK(found("Moondrop-Blessing2") == "Moondrop Blessing 2 / Blessing 2");
    CHECK(found("Campfire Andromeda") == "Campfire Audio Andromeda / Andromeda");  // brand without suffix
    CHECK(found("Campfire Audio Andromeda - 2.7 Ohm") == "Campfire Audio Andromeda / Andromeda - 2.7 Ohm");
    CHECK(found("Campfire Audio Andromeda", "2.7") == "Campfire Audio Andromeda / Andromeda - 2.7 Ohm");
    CHECK(found("Samsung Galaxy Buds+") == "Samsung Galaxy Buds+ / Galaxy Buds+");
    CHECK(found("Samsung Galaxy Buds") == "Samsung Galaxy Buds / Galaxy Buds");
}

TEST_CASE("search: names that do not resolve give errors that help", "[library][search][errors]")
{
    CHECK(errorOf("blessing2") == "antdroid: no IEM named \"blessing2\"; did you mean \"Moondrop Blessing 2\"?");
    CHECK(errorOf("Nothing Like It") == "antdroid: no IEM named \"Nothing Like It\" (try `iemeq library search`)");
    CHECK(errorOf("samsunggalaxybuds") == "antdroid: \"samsunggalaxybuds\" is ambiguous: \"Samsung Galaxy Buds\", \"Samsung Galaxy Buds+\""
                                          " (give the name exactly as listed)");
    CHECK(errorOf("Campfire Audio Andromeda", "Gold") == "antdroid: Campfire Audio Andromeda has no variant \"Gold\" (variants: \"Andromeda\", \"Andromeda - 2.7 Ohm\")");
    CHECK(errorOf("LZ A7 (Switch, Nozzle)", "off") == "antdroid: LZ A7 (Switch, Nozzle) has several variants matching \"off\" (variants: "
                                                      "\"A7 off Black\", \"A7 off Blue\", \"A7 off Gold\", \"A7 off Red\", \"A7 off Silver\", "
                                                      "\"A7 on Black\", \"A7 on Blue\", \"A7 on Gold\", \"A7 on Red\", \"A7 on Silver\")");
    CHECK(found("LZ A7 (Switch, Nozzle)", "off red") == "LZ A7 (Switch, Nozzle) / A7 off Red");
}
