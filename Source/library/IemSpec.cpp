#include "IemSpec.h"

#include "dsp/core/Error.h"

namespace iemeq::library {

IemSpec splitIemSpec(const std::string& text, const std::vector<LibraryDef>& libraries)
{
    const auto colon = text.find(':');
    if (colon != std::string::npos)
        for (const auto& l : libraries)
            if (text.compare(0, colon, l.name) == 0 && l.name.size() == colon)
                return { l.name, text.substr(colon + 1) };
    return { "", text };
}

bool looksLikeIemSpec(const std::string& text, const std::vector<LibraryDef>& libraries)
{
    return !splitIemSpec(text, libraries).library.empty();
}

namespace {

// The name, or the name and a variant after the last '@' when the whole text is not a name.
PhonePick findWithVariant(const PhoneBook& book, const std::string& text, const std::string& where)
{
    const auto at = text.rfind('@');
    if (at == std::string::npos)
        return findPhone(book, text, "", where);
    try {
        return findPhone(book, text.substr(0, at), text.substr(at + 1), where);
    } catch (const Error&) {
        try {
            return findPhone(book, text, "", where);
        } catch (const Error&) {
        }
        throw;
    }
}

} // namespace

IemFiles fetchIem(const std::string& text, const std::vector<LibraryDef>& libraries, const std::string& cacheRoot,
                  const HttpLimits& limits)
{
    if (libraries.empty())
        throw Error("\"" + text + "\": no measurement libraries are configured (add one: iemeq library add NAME URL|FOLDER)");
    const IemSpec spec = splitIemSpec(text, libraries);
    if (spec.library.empty() && text.find(':') != std::string::npos && text.find(':') < 41) {
        // Not a library we know: say so rather than searching every library for "x:y".
        const std::string prefix = text.substr(0, text.find(':'));
        bool plausible = !prefix.empty() && prefix.find(' ') == std::string::npos;
        if (plausible) {
            std::string names;
            for (const auto& l : libraries)
                names += (names.empty() ? "" : ", ") + l.name;
            throw Error("\"" + text + "\": no library named '" + prefix + "' (configured: " + names + ")");
        }
    }
    if (spec.name.empty())
        throw Error("\"" + text + "\": give the IEM after the library name, e.g. " + libraries.front().name + ":Brand Model");
    if (!spec.library.empty()) {
        for (const auto& def : libraries)
            if (def.name == spec.library) {
                MeasurementLibrary lib(def, cacheRoot, limits);
                const PhonePick pick = findWithVariant(lib.phoneBook(), spec.name, def.name);
                IemFiles files = lib.fetch(pick);
                files.notes.insert(files.notes.begin(), lib.notes().begin(), lib.notes().end());
                return files;
            }
    }
    // No prefix: the one library that has this exact name.
    std::vector<std::pair<std::size_t, PhonePick>> found;
    std::vector<MeasurementLibrary> libs;
    std::string lastError;
    for (const auto& def : libraries) {
        try {
            libs.emplace_back(def, cacheRoot, limits);
            found.push_back({ libs.size() - 1, findWithVariant(libs.back().phoneBook(), spec.name, def.name) });
        } catch (const Error& e) {
            lastError = e.what();
        }
    }
    if (found.empty())
        throw Error(libraries.size() == 1 ? lastError : "\"" + spec.name + "\" is in none of the libraries (last: " + lastError + ")");
    if (found.size() > 1) {
        std::string where;
        for (const auto& f : found)
            where += (where.empty() ? "" : ", ") + libs[f.first].def().name + ":" + spec.name;
        throw Error("\"" + spec.name + "\" is in several libraries; name one: " + where);
    }
    MeasurementLibrary& lib = libs[found.front().first];
    IemFiles files = lib.fetch(found.front().second);
    files.notes.insert(files.notes.begin(), lib.notes().begin(), lib.notes().end());
    return files;
}

LibrarySearchResult searchLibraries(std::vector<MeasurementLibrary>& libraries, const std::string& query)
{
    LibrarySearchResult r;
    for (auto& lib : libraries) {
        try {
            const PhoneBook& book = lib.phoneBook();
            for (const std::size_t i : searchPhones(book.phones, query))
                r.hits.push_back({ lib.def().name, book.phones[i] });
            for (const auto& n : lib.notes())
                r.notes.push_back(lib.def().name + ": " + n);
        } catch (const Error& e) {
            r.problems.push_back(e.what());
        }
    }
    return r;
}

} // namespace iemeq::library
