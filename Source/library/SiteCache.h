#pragma once
// The download cache of one graph site, under cacheFolder() (LibraryConfig.h):
//
//   <cache>/sites/<host>-<hash>/site.txt                the site's address, for people browsing
//   <cache>/sites/<host>-<hash>/phone_book.json         + phone_book.json.source.json
//   <cache>/sites/<host>-<hash>/data/<file> L.txt       + "<file> L.txt.source.json"
//   <cache>/partial/                                    downloads in progress
//
// Each file has a sidecar (*.source.json: url, fetched time UTC, sha256, bytes); a cached file is
// used only while its bytes still match the sidecar. A download streams into <cache>/partial/,
// is checked (size, checksum, and by the caller: it must parse), and only then is renamed into
// place, sidecar last, so a failure at any point leaves nothing half-written in the site folder.
#include "Http.h"

#include <functional>
#include <optional>
#include <string>

namespace iemeq::library {

struct CacheRecord {
    std::string url;
    std::string fetched;  // ISO 8601 UTC, e.g. "2026-12-02T18:20:31Z"
    std::string sha256;
    std::size_t bytes = 0;
};

struct CachedFile {
    std::string path;    // the file in the cache
    CacheRecord record;
};

// What download() gave: the file now in the cache, or why not (http says how the transfer went;
// rejected is set when the bytes arrived but `check` refused them).
struct DownloadResult {
    std::optional<CachedFile> file;
    HttpResult http;
    std::string rejected;
    std::string problem() const { return rejected.empty() ? http.message : rejected; }
};

class SiteCache {
public:
    SiteCache(std::string cacheRoot, std::string siteAddress);

    const std::string& folder() const { return folder_; }

    // The cached copy of `relative` ("phone_book.json", "data/Blessing 2 L.txt"; a name already
    // checked by SafeName) when it exists and still matches its sidecar.
    std::optional<CachedFile> cached(const std::string& relative) const;

    // Downloads `url` as `relative`. `check` gets the downloaded file's path before it is
    // committed and throws iemeq::Error when the content is unusable (its message lands in
    // DownloadResult::rejected). Nothing is added to the cache unless everything succeeded.
    DownloadResult download(const std::string& url, const std::string& relative, const HttpLimits& limits,
                            const std::function<void(const std::string& path)>& check);

private:
    std::string root_, address_, folder_;
};

} // namespace iemeq::library
