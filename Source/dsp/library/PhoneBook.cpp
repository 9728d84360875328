#include "PhoneBook.h"

#include "SafeName.h"

#include "dsp/core/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace iemeq::library {

using nlohmann::json;

std::string Phone::displayBrand() const
{
    std::string b = brand;
    if (!brandSuffix.empty())
        b += " " + brandSuffix;
    if (!collab.empty())
        b += " x " + collab;
    return b;
}

std::string Phone::fullName() const
{
    const std::string b = displayBrand();
    return b.empty() ? model : b + " " + model;
}

std::string Phone::shortName() const
{
    return brand.empty() ? model : brand + " " + model;
}

namespace {

// Display text: control characters become spaces, runs of spaces one, no spaces at the ends.
std::string tidy(const std::string& s)
{
    std::string out;
    for (const char ch : s) {
        const bool space = static_cast<unsigned char>(ch) < 0x20 || ch == ' ' || ch == 0x7F;
        if (space) {
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

// A name field that is a string, or (as some demo books have) an array of strings: joined.
std::string nameText(const json& v)
{
    if (v.is_string())
        return tidy(v.get<std::string>());
    std::string joined;
    if (v.is_array())
        for (const auto& part : v)
            if (part.is_string()) {
                if (!joined.empty())
                    joined += ' ';
                joined += part.get<std::string>();
            }
    return tidy(joined);
}

std::string lastPart(const std::string& file)
{
    const auto slash = file.rfind('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

bool startsWithNoCase(const std::string& s, const std::string& prefix)
{
    if (prefix.size() > s.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

std::string quotedName(const std::string& s)
{
    std::string q(1, '"');
    q += tidy(s);
    q += '"';
    return q;
}

struct BrandInfo {
    std::string name, suffix;
};

// One entry of a brand's "phones"; adds a Phone or a RejectedPhone.
void readPhone(const json& p, const BrandInfo& brand, PhoneBook& book)
{
    Phone phone;
    phone.brand = brand.name;
    phone.brandSuffix = brand.suffix;
    std::vector<std::string> files;
    std::vector<std::string> labels;  // variant display names, parallel to files
    const auto reject = [&](const std::string& why) {
        book.rejected.push_back({ phone.fullName(), why });
    };

    if (p.is_string()) {
        phone.model = tidy(p.get<std::string>());
        files.push_back(p.get<std::string>());
    } else if (p.is_object()) {
        if (const auto c = p.find("collab"); c != p.end() && c->is_string())
            phone.collab = tidy(c->get<std::string>());
        const auto nameIt = p.find("name");
        const auto fileIt = p.find("file");
        // As the sites do: no "file" means the name is the file.
        const json* fileField = fileIt != p.end() ? &*fileIt : (nameIt != p.end() ? &*nameIt : nullptr);
        if (fileField == nullptr) {
            book.rejected.push_back({ brand.name, "an entry has neither \"name\" nor \"file\"" });
            return;
        }
        if (fileField->is_string()) {
            files.push_back(fileField->get<std::string>());
        } else if (fileField->is_array()) {
            for (const auto& f : *fileField)
                if (f.is_string())
                    files.push_back(f.get<std::string>());
        }
        phone.model = nameIt != p.end() ? nameText(*nameIt) : std::string();
        if (phone.model.empty() && !files.empty())
            phone.model = tidy(lastPart(files.front()));
        if (files.empty()) {
            reject("\"file\" is neither a file name nor a list of them");
            return;
        }
        const auto suffixIt = p.find("suffix");
        const auto prefixIt = p.find("prefix");
        if (fileField->is_array()) {
            for (std::size_t i = 0; i < files.size(); ++i) {
                std::string label;
                if (suffixIt != p.end() && suffixIt->is_array() && i < suffixIt->size() && (*suffixIt)[i].is_string()) {
                    const std::string s = tidy((*suffixIt)[i].get<std::string>());
                    label = s.empty() ? phone.model : phone.model + " " + s;
                } else if (prefixIt != p.end() && prefixIt->is_string()) {
                    std::string rest = lastPart(files[i]);
                    const std::string prefix = prefixIt->get<std::string>();
                    if (startsWithNoCase(rest, prefix))
                        rest = rest.substr(prefix.size());
                    rest = tidy(rest);
                    label = rest.empty() ? phone.model : phone.model + " " + rest;
                } else {
                    label = tidy(lastPart(files[i]));
                }
                labels.push_back(label);
            }
        }
    } else {
        book.rejected.push_back({ brand.name, "an entry is neither a name nor an object" });
        return;
    }
    if (labels.empty())
        labels.push_back(phone.model);
    if (phone.model.empty()) {
        reject("has an empty name");
        return;
    }

    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string why = unsafeFileNameReason(files[i]);
        if (!why.empty()) {
            reject("file name " + quotedName(files[i]) + " " + why);
            continue;
        }
        const bool repeated = std::any_of(phone.variants.begin(), phone.variants.end(),
                                          [&](const PhoneVariant& v) { return v.file == files[i]; });
        if (!repeated)
            phone.variants.push_back({ labels[i].empty() ? phone.model : labels[i], files[i] });
    }
    if (!phone.variants.empty())
        book.phones.push_back(std::move(phone));
}

} // namespace

PhoneBook parsePhoneBook(const std::string& text, const std::string& sourceName)
{
    const std::string what = sourceName + ": invalid phone book: ";
    if (text.size() > kMaxPhoneBookBytes)
        throw Error(what + "larger than " + std::to_string(kMaxPhoneBookBytes >> 20) + " MB");
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        // nlohmann's text after "]: " names the byte and the problem.
        std::string m = e.what();
        const auto pos = m.find("]: ");
        throw Error(what + "not JSON (" + (pos == std::string::npos ? m : m.substr(pos + 3)) + ")");
    }
    if (!root.is_array())
        throw Error(what + "expected a list of brands ([ {\"name\": ..., \"phones\": [...]}, ... ])");

    PhoneBook book;
    for (std::size_t b = 0; b < root.size(); ++b) {
        const json& brand = root[b];
        const std::string label = "brand " + std::to_string(b + 1);
        if (!brand.is_object()) {
            book.rejected.push_back({ label, "is not an object" });
            continue;
        }
        BrandInfo info;
        if (const auto n = brand.find("name"); n != brand.end())
            info.name = nameText(*n);
        if (const auto s = brand.find("suffix"); s != brand.end() && s->is_string())
            info.suffix = tidy(s->get<std::string>());
        const auto phones = brand.find("phones");
        if (phones == brand.end() || !phones->is_array()) {
            book.rejected.push_back({ info.name.empty() ? label : info.name, "has no \"phones\" list" });
            continue;
        }
        ++book.brands;
        for (const auto& p : *phones)
            readPhone(p, info, book);
    }
    if (book.phones.empty()) {
        std::string why = "lists no usable phone";
        if (!book.rejected.empty())
            why += " (first problem: " + book.rejected.front().name + ": " + book.rejected.front().reason + ")";
        throw Error(what + why);
    }
    return book;
}

} // namespace iemeq::library
