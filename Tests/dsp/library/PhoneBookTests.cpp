// Phone books as public graph sites write them: antdroid's real book (Tests/data/sites), and the
// forms other sites use (variant suffixes and prefixes, collabs, array names, entries without a
// name, folders in file names, review fields), plus what is refused and why.
#include "../../TestData.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/library/PhoneBook.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace iemeq;
using namespace iemeq::library;

namespace {

const Phone& phoneNamed(const PhoneBook& b, const std::string& fullName)
{
    const auto it = std::find_if(b.phones.begin(), b.phones.end(), [&](const Phone& p) { return p.fullName() == fullName; });
    REQUIRE(it != b.phones.end());
    return *it;
}

std::vector<std::string> variantNames(const Phone& p)
{
    std::vector<std::string> v;
    for (const auto& x : p.variants)
        v.push_back(x.name + " = " + x.file);
    return v;
}

std::string errorOf(const std::string& json)
{
    try {
        parsePhoneBook(json, "book.json");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("phone book: antdroid's real book has 85 brands and 304 entries, all usable", "[library][phonebook]")
{
    const PhoneBook b = parsePhoneBook(readFileBytes(test::dataPath("sites/antdroid/data/phone_book.json")), "phone_book.json");
    CHECK(b.brands == 85);
    CHECK(b.phones.size() == 304);
    CHECK(b.rejected.empty());
    const Phone& blessing = phoneNamed(b, "Moondrop Blessing 2");
    CHECK(blessing.brand == "Moondrop");
    CHECK(variantNames(blessing) == std::vector<std::string>{ "Blessing 2 = Blessing 2" });
    // Brand suffix: shown after the brand; the short name is what the site's share links use.
    const Phone& andromeda = phoneNamed(b, "Campfire Audio Andromeda");
    CHECK(andromeda.shortName() == "Campfire Andromeda");
    CHECK(variantNames(andromeda) == std::vector<std::string>{ "Andromeda = Andromeda", "Andromeda - 2.7 Ohm = Andromeda - 2.7 Ohm" });
    // A file list with a repeated file keeps it once (qdc Anole VX lists "Anole VX 011" twice).
    CHECK(phoneNamed(b, "qdc Anole VX").variants.size() == 8);
    CHECK(phoneNamed(b, "LZ A4 Pro (Disc, Nozzle)").variants.size() == 12);
    CHECK(variantNames(phoneNamed(b, "Crinacle Midnight")) == std::vector<std::string>{ "Midnight = Yume Midnight" });
}

TEST_CASE("phone book: the other forms public sites use", "[library][phonebook]")
{
    const PhoneBook b = parsePhoneBook(R"json([
      { "name": "Demo", "phones": [
          { "name": ["Variations"], "file": ["Combo Variant 1", "Combo Variant 2"], "suffix": ["var1", ""],
            "reviewScore": "4", "reviewLink": "https://www.youtube.com/", "price": "$100" },
          { "name": "Prefixed", "file": ["Combo Variant", "Combo Variant (A)", "combo variant  (B)"], "prefix": "Combo Variant" },
          { "name": ["Multi Sample"], "file": ["Multi Sample"], "samples": 3 },
          { "file": "Canpur Cp622b" },
          { "name": "  CP74E ", "file": "Cany 74" },
          "Plain  Double" ] },
      { "name": "Truthear", "suffix": "", "phones": [
          { "name": "x Crinacle Zero:RED", "file": ["Truthear/Truthear ZeroRED", "Truthear/Truthear ZeroRED_10"],
            "suffix": ["Regular", "with 10ohm Adapter"] } ] },
      { "name": "Moondrop", "phones": [ { "name": "Dusk", "collab": "Crinacle", "file": "Dusk" } ] }
     ])json", "demo.json");
    CHECK(b.rejected.empty());
    REQUIRE(b.phones.size() == 8);
    CHECK(variantNames(b.phones[0]) == std::vector<std::string>{ "Variations var1 = Combo Variant 1", "Variations = Combo Variant 2" });
    CHECK(variantNames(b.phones[1]) == std::vector<std::string>{ "Prefixed = Combo Variant", "Prefixed (A) = Combo Variant (A)",
                                                                 "Prefixed (B) = combo variant  (B)" });
    CHECK(b.phones[2].fullName() == "Demo Multi Sample");
    CHECK(b.phones[3].fullName() == "Demo Canpur Cp622b");  // no name: the file's
    CHECK(b.phones[4].fullName() == "Demo CP74E");          // spaces tidied for display ...
    CHECK(b.phones[4].variants[0].file == "Cany 74");
    CHECK(b.phones[5].model == "Plain Double");             // ... but the file is as written
    CHECK(b.phones[5].variants[0].file == "Plain  Double");
    CHECK(variantNames(b.phones[6]) == std::vector<std::string>{ "x Crinacle Zero:RED Regular = Truthear/Truthear ZeroRED",
                                                                 "x Crinacle Zero:RED with 10ohm Adapter = Truthear/Truthear ZeroRED_10" });
    CHECK(b.phones[7].fullName() == "Moondrop x Crinacle Dusk");
}

TEST_CASE("phone book: unsafe names and odd entries are left out with reasons, the rest is kept", "[library][phonebook][errors]")
{
    const PhoneBook b = parsePhoneBook(R"json([
      { "name": "Good", "phones": [ "One" ] },
      { "name": "Bad", "phones": [ { "name": "Up", "file": "../../x" }, { "name": "Abs", "file": "/etc/x" },
                                   { "name": "Some", "file": ["ok", "..\\x"] }, 42, { "price": "$1" }, { "name": "N", "file": 7 } ] },
      "not a brand",
      { "name": "NoPhones" }
    ])json", "b.json");
    REQUIRE(b.phones.size() == 2);
    CHECK(b.phones[1].fullName() == "Bad Some");
    CHECK(b.phones[1].variants.size() == 1);
    CHECK(b.brands == 2);
    std::vector<std::string> got;
    for (const auto& r : b.rejected)
        got.push_back(r.name + ": " + r.reason);
    CHECK(got == std::vector<std::string>{
                     "Bad Up: file name \"../../x\" goes up a folder (..)",
                     "Bad Abs: file name \"/etc/x\" is an absolute path",
                     "Bad Some: file name \"..\\x\" contains a backslash",
                     "Bad: an entry is neither a name nor an object",
                     "Bad: an entry has neither \"name\" nor \"file\"",
                     "Bad N: \"file\" is neither a file name nor a list of them",
                     "brand 3: is not an object",
                     "NoPhones: has no \"phones\" list",
                 });
}

TEST_CASE("phone book: what is not a phone book is one clear error", "[library][phonebook][errors]")
{
    CHECK(errorOf("<html>404</html>").rfind("book.json: invalid phone book: not JSON (", 0) == 0);
    CHECK(errorOf("{\"phones\": []}") == "book.json: invalid phone book: expected a list of brands ([ {\"name\": ..., \"phones\": [...]}, ... ])");
    CHECK(errorOf("[]") == "book.json: invalid phone book: lists no usable phone");
    CHECK(errorOf("[{\"name\": \"X\", \"phones\": [\"../up\"]}]")
          == "book.json: invalid phone book: lists no usable phone (first problem: X ../up: file name \"../up\" goes up a folder (..))");
    CHECK(errorOf(std::string(kMaxPhoneBookBytes + 1, ' ')) == "book.json: invalid phone book: larger than 20 MB");
}
