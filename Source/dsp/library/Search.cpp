#include "Search.h"

#include "dsp/core/Error.h"

#include <algorithm>
#include <cctype>

namespace iemeq::library {

std::string searchKey(std::string_view text)
{
    std::string key;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80)
            key += ch;
        else if (std::isalnum(c))
            key += static_cast<char>(std::tolower(c));
    }
    return key;
}

namespace {

std::vector<std::string> queryWords(std::string_view query)
{
    std::vector<std::string> words;
    std::string current;
    for (const char ch : query) {
        if (ch == ' ' || ch == '\t' || ch == ',' || ch == '/') {
            if (!current.empty())
                words.push_back(searchKey(current));
            current.clear();
        } else {
            current += ch;
        }
    }
    if (!current.empty())
        words.push_back(searchKey(current));
    words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
    return words;
}

// Everything a phone can be found by, as one key per name.
std::vector<std::string> phoneKeys(const Phone& p)
{
    std::vector<std::string> keys = { searchKey(p.fullName()), searchKey(p.shortName()) };
    for (const auto& v : p.variants) {
        keys.push_back(searchKey(p.displayBrand() + " " + v.name));
        keys.push_back(searchKey(v.file));
    }
    return keys;
}

std::string collapsed(std::string_view s);
std::string lowered(std::string s);

// 0 best .. 4 worst, or -1 when the phone does not match.
int rank(const Phone& p, const std::string& queryLower, const std::string& queryKey, const std::vector<std::string>& words)
{
    if (lowered(collapsed(p.fullName())) == queryLower || lowered(collapsed(p.shortName())) == queryLower)
        return 0;
    const auto keys = phoneKeys(p);
    const std::string modelKey = searchKey(p.model);
    if (keys[0] == queryKey || keys[1] == queryKey)
        return 1;
    if (modelKey.rfind(queryKey, 0) == 0 || keys[0].rfind(queryKey, 0) == 0 || keys[1].rfind(queryKey, 0) == 0)
        return 2;
    for (const auto& k : keys)
        if (k.find(queryKey) != std::string::npos)
            return 3;
    if (words.size() > 1) {
        std::string all;
        for (const auto& k : keys)
            all += k + "\x01";
        const bool every = std::all_of(words.begin(), words.end(),
                                       [&](const std::string& w) { return all.find(w) != std::string::npos; });
        if (every)
            return 4;
    }
    return -1;
}

// Whitespace collapsed, ends trimmed.
std::string collapsed(std::string_view s)
{
    std::string out;
    for (const char ch : s) {
        if (ch == ' ' || ch == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += ch;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string lowered(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct Candidate {
    std::size_t phone, variant;
    bool defaultVariant;  // matched by the phone's own name (not a variant's)
};

// Phones (and variants) whose names equal `name` under `norm`.
template <class Norm>
std::vector<Candidate> matching(const PhoneBook& book, const std::string& name, Norm norm)
{
    const std::string want = norm(name);
    std::vector<Candidate> out;
    if (want.empty())
        return out;
    for (std::size_t i = 0; i < book.phones.size(); ++i) {
        const Phone& p = book.phones[i];
        if (norm(p.fullName()) == want || norm(p.shortName()) == want) {
            out.push_back({ i, 0, true });
            continue;
        }
        for (std::size_t v = 0; v < p.variants.size(); ++v)
            if (norm(p.displayBrand() + " " + p.variants[v].name) == want || norm(p.brand + " " + p.variants[v].name) == want) {
                out.push_back({ i, v, false });
                break;
            }
    }
    return out;
}

std::string listNames(const PhoneBook& book, const std::vector<std::size_t>& idx, std::size_t most)
{
    std::string s;
    for (std::size_t k = 0; k < idx.size() && k < most; ++k)
        s += (k ? ", " : "") + ("\"" + book.phones[idx[k]].fullName() + "\"");
    if (idx.size() > most)
        s += ", ... (" + std::to_string(idx.size() - most) + " more)";
    return s;
}

std::size_t pickVariant(const Phone& p, const std::string& variant, const std::string& where)
{
    const std::string want = searchKey(variant);
    std::vector<std::size_t> exact, partial;
    for (std::size_t v = 0; v < p.variants.size(); ++v) {
        const std::string nameKey = searchKey(p.variants[v].name), fileKey = searchKey(p.variants[v].file);
        if (nameKey == want || fileKey == want)
            exact.push_back(v);
        else if (!want.empty() && (nameKey.find(want) != std::string::npos || fileKey.find(want) != std::string::npos))
            partial.push_back(v);
    }
    if (exact.size() == 1)
        return exact.front();
    if (exact.empty() && partial.size() == 1)
        return partial.front();
    std::string names;
    for (std::size_t v = 0; v < p.variants.size(); ++v)
        names += (v ? ", " : "") + ("\"" + p.variants[v].name + "\"");
    throw Error(where + ": " + p.fullName() + (exact.size() + partial.size() > 1 ? " has several variants matching \"" : " has no variant \"")
                + variant + "\" (variants: " + names + ")");
}

} // namespace

std::vector<std::size_t> searchPhones(const std::vector<Phone>& phones, std::string_view query)
{
    const std::string key = searchKey(query);
    const std::string lower = lowered(collapsed(query));
    const auto words = queryWords(query);
    std::vector<std::pair<int, std::size_t>> hits;
    if (key.empty())
        return {};
    for (std::size_t i = 0; i < phones.size(); ++i) {
        const int r = rank(phones[i], lower, key, words);
        if (r >= 0)
            hits.push_back({ r, i });
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        return lowered(phones[a.second].fullName()) < lowered(phones[b.second].fullName());
    });
    std::vector<std::size_t> out;
    for (const auto& h : hits)
        out.push_back(h.second);
    return out;
}

PhonePick findPhone(const PhoneBook& book, const std::string& name, const std::string& variant, const std::string& where)
{
    std::vector<Candidate> found = matching(book, name, collapsed);
    if (found.empty())
        found = matching(book, name, [](std::string_view s) { return lowered(collapsed(s)); });
    if (found.empty())
        found = matching(book, name, searchKey);
    // A name listed twice (some books repeat entries) is one phone if the files agree.
    if (found.size() > 1) {
        const Phone& first = book.phones[found.front().phone];
        const bool same = std::all_of(found.begin(), found.end(), [&](const Candidate& c) {
            return book.phones[c.phone].variants == first.variants && c.variant == found.front().variant;
        });
        if (same)
            found.erase(found.begin() + 1, found.end());
    }
    if (found.size() > 1) {
        std::vector<std::size_t> idx;
        for (const auto& c : found)
            idx.push_back(c.phone);
        throw Error(where + ": \"" + name + "\" is ambiguous: " + listNames(book, idx, 8) + " (give the name exactly as listed)");
    }
    if (found.empty()) {
        for (const auto& r : book.rejected)
            if (searchKey(r.name) == searchKey(name) && !searchKey(name).empty())
                throw Error(where + ": \"" + r.name + "\" is listed but cannot be used: " + r.reason);
        const auto close = searchPhones(book.phones, name);
        throw Error(where + ": no IEM named \"" + name + "\""
                    + (close.empty() ? std::string(" (try `iemeq library search`)") : "; did you mean " + listNames(book, close, 5) + "?"));
    }
    PhonePick pick{ found.front().phone, found.front().variant };
    if (!variant.empty())
        pick.variant = pickVariant(book.phones[pick.phone], variant, where);
    return pick;
}

} // namespace iemeq::library
