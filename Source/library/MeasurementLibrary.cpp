#include "MeasurementLibrary.h"

#include "dsp/library/SafeName.h"
#include "dsp/library/Sha256.h"
#include "SiteCache.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/curve/ChannelPair.h"
#include "dsp/io/CurveReader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace iemeq::library {

namespace fs = std::filesystem;

namespace {

constexpr const char* kChannels[2] = { "L", "R" };
constexpr std::size_t kMaxPlainFolderFiles = 20000;

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string lowerAscii(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// "L", "R" or "" from what follows the IEM's name in a file name (" L", "_R", " (L)", " Left").
std::string channelOf(const std::string& stem, const std::string& name)
{
    if (stem.size() <= name.size())
        return "";
    for (std::size_t i = name.size(); i < stem.size(); ++i) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(stem[i])));
        if (c == 'L' || c == 'R')
            return std::string(1, c);
        if (std::isalnum(static_cast<unsigned char>(c)))
            return "";
    }
    return "";
}

bool isMeasurementExtension(const fs::path& p)
{
    const std::string e = lowerAscii(p.extension().string());
    return e == ".txt" || e == ".csv" || e == ".tsv" || e == ".frd";
}

// The downloaded or local file must be a curve the reader accepts (the same, fuzzed reader that
// will load it), so an HTML error page served with status 200 never enters the cache.
void checkIsMeasurement(const std::string& path, const std::string& label, std::size_t maxBytes)
{
    try {
        parseCurveTextDetailed(readFileBytes(path, maxBytes), label);
    } catch (const Error& e) {
        throw Error(std::string("not a measurement file (") + e.what() + ")");
    }
}

} // namespace

SiteAddress siteAddressFrom(const std::string& url)
{
    std::string u = url.substr(0, url.find_first_of("?#"));
    const auto scheme = u.find("://");
    if (u.find('/', scheme == std::string::npos ? 0 : scheme + 3) == std::string::npos)
        u += '/';
    SiteAddress a;
    const std::string lower = lowerAscii(u);
    if (endsWith(lower, ".json")) {
        a.phoneBook = u;
        a.data = u.substr(0, u.rfind('/') + 1);
        a.site = endsWith(a.data, "/data/") ? a.data.substr(0, a.data.size() - 5) : a.data;
        return a;
    }
    if (endsWith(lower, ".html") || endsWith(lower, ".htm") || endsWith(lower, ".php"))
        u = u.substr(0, u.rfind('/') + 1);
    if (u.back() != '/')
        u += '/';
    if (endsWith(u, "/data/")) {
        a.data = u;
        a.site = u.substr(0, u.size() - 5);
    } else {
        a.site = u;
        a.data = u + "data/";
    }
    a.phoneBook = a.data + "phone_book.json";
    return a;
}

MeasurementLibrary::MeasurementLibrary(LibraryDef def, std::string cacheRoot, HttpLimits limits)
    : def_(std::move(def)), limits_(limits)
{
    if (isHttpUrl(def_.location)) {
        kind_ = SourceKind::Site;
        address_ = siteAddressFrom(def_.location);
        cache_ = std::make_unique<SiteCache>(std::move(cacheRoot), address_.phoneBook);
        return;
    }
    std::error_code ec;
    const fs::path dir(def_.location);
    if (!fs::is_directory(dir, ec))
        throw Error(def_.name + ": " + def_.location + " is neither an http(s) address nor an existing folder");
    if (fs::is_regular_file(dir / "data" / "phone_book.json", ec)) {
        kind_ = SourceKind::SiteFolder;
        folder_ = (dir / "data").string();
    } else if (fs::is_regular_file(dir / "phone_book.json", ec)) {
        kind_ = SourceKind::SiteFolder;
        folder_ = dir.string();
    } else {
        kind_ = SourceKind::PlainFolder;
        folder_ = dir.string();
    }
}

MeasurementLibrary::~MeasurementLibrary() = default;
MeasurementLibrary::MeasurementLibrary(MeasurementLibrary&&) noexcept = default;
MeasurementLibrary& MeasurementLibrary::operator=(MeasurementLibrary&&) noexcept = default;

std::string MeasurementLibrary::cacheFolder() const { return cache_ ? cache_->folder() : std::string(); }

const PhoneBook& MeasurementLibrary::phoneBook()
{
    if (book_)
        return *book_;
    if (kind_ == SourceKind::PlainFolder) {
        book_ = scanPlainFolder();
    } else if (kind_ == SourceKind::SiteFolder) {
        const std::string path = (fs::path(folder_) / "phone_book.json").string();
        book_ = parsePhoneBook(readFileBytes(path, kMaxPhoneBookBytes), path);
    } else {
        HttpLimits limits = limits_;
        limits.maxBytes = kMaxPhoneBookBytes;
        const std::string url = address_.phoneBook;
        const DownloadResult d = cache_->download(url, "phone_book.json", limits,
                                                  [&](const std::string& p) { parsePhoneBook(readFileBytes(p, kMaxPhoneBookBytes), url); });
        std::optional<CachedFile> copy = d.file;
        if (!copy) {
            copy = cache_->cached("phone_book.json");
            const bool network = d.http.status == HttpStatus::Unreachable || d.http.status == HttpStatus::Timeout;
            if (!copy) {
                if (d.http.status == HttpStatus::NotFound)
                    throw Error(def_.name + ": no phone book at " + url + " (" + d.problem()
                                + "); give the site's address, its data/ folder or the phone book's .json address");
                // A rejected phone book's message names its address already.
                throw Error(def_.name + ": " + (d.rejected.empty() ? url + ": " + d.http.message : d.rejected)
                            + (network ? " (nothing cached yet: check the address with `iemeq library list` and the connection)" : ""));
            }
            notes_.push_back(std::string(network ? "offline: using cached copy" : "using cached copy") + " of the phone book fetched "
                             + copy->record.fetched + " (" + d.problem() + ")");
        }
        book_ = parsePhoneBook(readFileBytes(copy->path, kMaxPhoneBookBytes), url);
    }
    if (!book_->rejected.empty())
        notes_.push_back(std::to_string(book_->rejected.size()) + " phone book entr" + (book_->rejected.size() == 1 ? "y" : "ies")
                         + " left out (first: " + book_->rejected.front().name + ": " + book_->rejected.front().reason + ")");
    return *book_;
}

PhoneBook MeasurementLibrary::scanPlainFolder()
{
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> groups;
    std::size_t seen = 0;
    std::error_code ec;
    const fs::path root(folder_);
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string leaf = p.filename().string();
        if (!leaf.empty() && leaf.front() == '.') {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(ec)) {
            if (it.depth() >= 2)
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || !isMeasurementExtension(p))
            continue;
        if (++seen > kMaxPlainFolderFiles)
            break;
        const std::string relative = fs::relative(p, root, ec).generic_string();
        const std::string stem = p.stem().string();
        const std::string name = iemNameFromChannelName(stem);
        const fs::path parent = fs::path(relative).parent_path();
        const std::string key = parent.empty() ? name : (parent / name).generic_string();
        groups[key].push_back({ channelOf(stem, name), relative });
    }
    PhoneBook book;
    for (auto& [key, files] : groups) {
        std::sort(files.begin(), files.end());  // "" < "L" < "R", then by path
        std::vector<std::pair<std::string, std::string>> keep;  // one file per channel
        for (const auto& f : files)
            if (std::none_of(keep.begin(), keep.end(), [&](const auto& k) { return k.first == f.first; }))
                keep.push_back(f);
        // With L and R files, a same-named file without a channel mark is something else.
        if (keep.size() > 1 && keep.front().first.empty())
            keep.erase(keep.begin());
        Phone phone;
        phone.model = key;
        phone.variants.push_back({ key, key });
        book.phones.push_back(phone);
        plainFiles_[key] = keep;
    }
    ++book.brands;
    if (book.phones.empty())
        throw Error(def_.name + ": " + folder_ + " has no measurement files (.txt, .csv, .tsv, .frd) and no data/phone_book.json");
    return book;
}

IemFiles MeasurementLibrary::fetch(const std::string& name, const std::string& variant)
{
    return fetch(findPhone(phoneBook(), name, variant, def_.name));
}

IemFiles MeasurementLibrary::fetch(const PhonePick& pick)
{
    const PhoneBook& book = phoneBook();
    if (pick.phone >= book.phones.size() || pick.variant >= book.phones[pick.phone].variants.size())
        throw Error(def_.name + ": no such entry");
    const Phone& phone = book.phones[pick.phone];
    const PhoneVariant& variant = phone.variants[pick.variant];
    return kind_ == SourceKind::Site ? fetchFromSite(phone, variant) : fetchFromFolder(phone, variant);
}

namespace {

std::string displayName(const Phone& phone, const PhoneVariant& variant)
{
    return variant.name == phone.model || phone.variants.size() == 1 ? phone.fullName() : phone.displayBrand() + " " + variant.name;
}

} // namespace

IemFiles MeasurementLibrary::fetchFromFolder(const Phone& phone, const PhoneVariant& variant)
{
    IemFiles out;
    out.name = displayName(phone, variant);
    out.origin.library = def_.name;
    out.origin.site = def_.location;
    out.origin.iem = out.name;
    std::vector<std::pair<std::string, std::string>> files;  // channel, path relative to def_.location
    std::vector<std::string> missing;
    if (kind_ == SourceKind::PlainFolder) {
        files = plainFiles_[variant.file];
    } else {
        const std::string prefix = fs::relative(folder_, def_.location).generic_string();
        for (const char* ch : kChannels) {
            const std::string rel = variant.file + " " + ch + ".txt";
            const std::string shown = prefix == "." ? rel : prefix + "/" + rel;
            std::error_code ec;
            if (fs::is_regular_file(fs::path(folder_) / rel, ec))
                files.push_back({ ch, shown });
            else
                missing.push_back(shown);
        }
        if (files.empty())
            throw Error(def_.name + ": \"" + out.name + "\" is listed but its files are missing: " + missing[0] + " and " + missing[1]
                        + " (in " + def_.location + ")");
    }
    for (const auto& [channel, rel] : files) {
        const std::string path = (fs::path(def_.location) / rel).string();
        out.paths.push_back(path);
        out.channels.push_back(channel);
        out.origin.files.push_back(rel);
        out.origin.sha256.push_back(sha256OfFile(path));
    }
    if (out.paths.size() == 1) {
        const std::string ch = out.channels.front();
        out.notes.push_back(ch.empty() ? "one file, used as the only channel"
                                       : "only the " + ch + " channel is in the library (" + (missing.empty() ? std::string("no other file") : missing.front() + " is missing")
                                             + "); using " + ch + " alone");
    }
    return out;
}

IemFiles MeasurementLibrary::fetchFromSite(const Phone& phone, const PhoneVariant& variant)
{
    IemFiles out;
    out.name = displayName(phone, variant);
    out.origin.library = def_.name;
    out.origin.site = address_.site;
    out.origin.iem = out.name;
    const std::string shownPrefix = address_.data.substr(address_.site.size());  // "data/"
    std::vector<std::string> missing;
    for (const char* ch : kChannels) {
        const std::string rel = variant.file + " " + ch + ".txt";
        const std::string shown = shownPrefix + rel;
        const std::string url = address_.data + percentEncodePath(rel);
        const DownloadResult d = cache_->download(url, "data/" + rel, limits_, [&](const std::string& p) {
            checkIsMeasurement(p, shown, limits_.maxBytes);
        });
        std::optional<CachedFile> copy = d.file;
        if (!copy) {
            const bool network = d.http.status == HttpStatus::Unreachable || d.http.status == HttpStatus::Timeout;
            copy = cache_->cached("data/" + rel);
            if (copy) {
                out.notes.push_back(std::string(network ? "offline: using cached copy" : "using cached copy") + " of " + shown + " fetched "
                                    + copy->record.fetched + " (" + d.problem() + ")");
            } else if (d.http.status == HttpStatus::NotFound) {
                missing.push_back(shown);
                continue;
            } else {
                throw Error(def_.name + ": " + out.name + ": " + shown + ": " + d.problem());
            }
        }
        out.paths.push_back(copy->path);
        out.channels.push_back(ch);
        out.origin.files.push_back(shown);
        out.origin.sha256.push_back(copy->record.sha256);
    }
    if (out.paths.empty())
        throw Error(def_.name + ": \"" + out.name + "\" is listed but its files are missing on the site: " + missing[0] + " and "
                    + missing[1] + " (HTTP 404 at " + address_.data + ")");
    if (out.paths.size() == 1)
        out.notes.push_back("only the " + out.channels.front() + " channel is on the site (" + missing.front() + ": HTTP 404); using "
                            + out.channels.front() + " alone");
    return out;
}

} // namespace iemeq::library
