// Graph-site phone books (data/phone_book.json, downloaded from any site a user adds): an
// accepted book lists only phones with a name and at least one variant whose file name is a safe
// relative name, and each phone is found again by searching for its own full name.
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "dsp/library/PhoneBook.h"
#include "dsp/library/SafeName.h"
#include "dsp/library/Search.h"

#include <algorithm>

namespace iemeq::fuzz {

bool phoneBook(const std::uint8_t* data, std::size_t size)
{
    library::PhoneBook book;
    try {
        book = library::parsePhoneBook(text(data, size), "fuzz.json");
    } catch (const Error&) {
        return false;
    }
    require(!book.phones.empty(), "phone book: accepted with no phone");
    for (const auto& r : book.rejected)
        require(!r.reason.empty(), "phone book: an entry left out without a reason");
    // Searching is quadratic in the phones; the first few are enough to check the invariant.
    const std::size_t checked = std::min<std::size_t>(book.phones.size(), 32);
    for (std::size_t i = 0; i < book.phones.size(); ++i) {
        const auto& p = book.phones[i];
        require(!p.model.empty() && !p.fullName().empty(), "phone book: a phone without a name");
        require(!p.variants.empty(), "phone book: a phone without a file");
        for (const auto& v : p.variants)
            require(!v.name.empty() && library::unsafeFileNameReason(v.file).empty(), "phone book: an unsafe or unnamed file let through");
        if (i >= checked || library::searchKey(p.fullName()).empty())
            continue;
        const auto hits = library::searchPhones(book.phones, p.fullName());
        require(std::find(hits.begin(), hits.end(), i) != hits.end(), "phone book: a phone is not found by its own name");
        try {
            const auto pick = library::findPhone(book, p.fullName(), "", "fuzz");
            require(pick.phone < book.phones.size() && pick.variant < book.phones[pick.phone].variants.size(),
                    "phone book: findPhone picked outside the book");
        } catch (const Error&) {
            // Two phones with the same name are ambiguous: a clear error is the right answer.
        }
    }
    return true;
}

} // namespace iemeq::fuzz
