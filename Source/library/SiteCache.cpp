#include "SiteCache.h"

#include "dsp/library/Sha256.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>
#if defined(__unix__) || defined(__APPLE__)
 #include <fcntl.h>
 #include <unistd.h>
#endif

namespace iemeq::library {

namespace fs = std::filesystem;

namespace {

const char* kSidecarSuffix = ".source.json";

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &now);
#else
    gmtime_r(&now, &tm);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// "https://Example.squig.link:8080/x/" -> "example.squig.link-8080": readable, safe as a folder.
std::string hostPart(const std::string& address)
{
    std::string rest = address.substr(address.find("://") == std::string::npos ? 0 : address.find("://") + 3);
    rest = rest.substr(0, rest.find('/'));
    std::string out;
    for (const char c : rest) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')
            out += c;
        else if (c >= 'A' && c <= 'Z')
            out += char(c - 'A' + 'a');
        else
            out += '-';
        if (out.size() >= 60)
            break;
    }
    while (!out.empty() && out.front() == '.')
        out.erase(out.begin());
    return out.empty() ? "site" : out;
}

// Unique in this process (counter) and across processes sharing the cache (random per process).
std::string partialName()
{
    static std::atomic<unsigned> counter{ 0 };
    static const unsigned long long processTag = std::random_device{}() * 4294967296ull + std::random_device{}();
    return std::to_string(processTag) + "-" + std::to_string(counter++) + ".part";
}

// The bytes must be on disk before a rename makes them the cached file (a power cut could
// otherwise leave an empty "cached" file behind).
bool syncFile(const std::string& path)
{
#if defined(__unix__) || defined(__APPLE__)
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    return true;
#endif
}

// Deletes leftovers of downloads a crash interrupted (older than an hour: not one in progress).
void sweepPartials(const fs::path& dir)
{
    std::error_code ec;
    const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (it->is_regular_file(e2) && fs::last_write_time(it->path(), e2) < cutoff)
            fs::remove(it->path(), e2);
    }
}

struct TempFile {
    std::string path;
    ~TempFile()
    {
        if (!path.empty())
            std::remove(path.c_str());
    }
};

} // namespace

SiteCache::SiteCache(std::string cacheRoot, std::string siteAddress)
    : root_(std::move(cacheRoot)), address_(std::move(siteAddress))
{
    folder_ = (fs::path(root_) / "sites" / (hostPart(address_) + "-" + sha256Hex(address_).substr(0, 12))).string();
}

std::optional<CachedFile> SiteCache::cached(const std::string& relative) const
{
    const fs::path file = fs::path(folder_) / relative;
    const std::string sidecar = file.string() + kSidecarSuffix;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || !fs::is_regular_file(sidecar, ec))
        return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(readFileBytes(sidecar, 1u << 16));
        CachedFile c;
        c.path = file.string();
        c.record.url = j.at("url").get<std::string>();
        c.record.fetched = j.at("fetched").get<std::string>();
        c.record.sha256 = j.at("sha256").get<std::string>();
        c.record.bytes = j.at("bytes").get<std::size_t>();
        if (fs::file_size(file) != c.record.bytes || sha256OfFile(c.path) != c.record.sha256)
            return std::nullopt;
        return c;
    } catch (const std::exception&) {  // a damaged sidecar or file: not a usable copy
        return std::nullopt;
    }
}

DownloadResult SiteCache::download(const std::string& url, const std::string& relative, const HttpLimits& limits,
                                   const std::function<void(const std::string&)>& check)
{
    DownloadResult r;
    const fs::path partialDir = fs::path(root_) / "partial";
    std::error_code ec;
    fs::create_directories(partialDir, ec);
    if (ec) {
        r.http.message = partialDir.string() + ": cannot create the cache folder (" + ec.message() + ")";
        return r;
    }
    sweepPartials(partialDir);
    TempFile body{ (partialDir / partialName()).string() };
    r.http = httpDownload(url, body.path, limits);
    if (!r.http.ok())
        return r;
    CacheRecord rec;
    rec.url = url;
    rec.fetched = utcNow();
    rec.bytes = r.http.bytes;
    try {
        rec.sha256 = sha256OfFile(body.path);
        if (check)
            check(body.path);
    } catch (const Error& e) {
        r.rejected = e.what();
        return r;
    }
    if (!syncFile(body.path)) {
        r.rejected = "cannot write to the cache (" + body.path + ")";
        return r;
    }

    const fs::path dest = fs::path(folder_) / relative;
    fs::create_directories(dest.parent_path(), ec);
    if (ec) {
        r.rejected = dest.parent_path().string() + ": cannot create the cache folder (" + ec.message() + ")";
        return r;
    }
    const fs::path siteNote = fs::path(folder_) / "site.txt";
    if (!fs::exists(siteNote, ec)) {
        try {
            writeFileAtomically(siteNote.string(), address_ + "\n");
        } catch (const Error&) {  // informational only
        }
    }
    nlohmann::ordered_json side;
    side["url"] = rec.url;
    side["fetched"] = rec.fetched;
    side["sha256"] = rec.sha256;
    side["bytes"] = rec.bytes;
    TempFile sidecar{ (partialDir / partialName()).string() };
    try {
        writeFileAtomically(sidecar.path, side.dump(2) + "\n");
    } catch (const Error& e) {
        r.rejected = e.what();
        return r;
    }
    // Data first, sidecar last: until the new sidecar is in place the file does not match the
    // old one, so an interruption between the two renames leaves "not cached", never a wrong copy.
    fs::rename(body.path, dest, ec);
    if (!ec)
        fs::rename(sidecar.path, dest.string() + kSidecarSuffix, ec);
    if (ec) {
        r.rejected = dest.string() + ": cannot store in the cache (" + ec.message() + ")";
        return r;
    }
    body.path.clear();
    sidecar.path.clear();
    r.file = CachedFile{ dest.string(), rec };
    return r;
}

} // namespace iemeq::library
