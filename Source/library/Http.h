#pragma once
// Downloads over HTTP(S) with libcurl, for the measurement library. Blocking: call it from the
// CLI or a background thread, never from the audio or message thread. The body streams into a
// file as it arrives (never into memory), under a size limit that stops the transfer as soon as
// it is exceeded, with a connect timeout, a stall timeout and an overall timeout.
#include <atomic>
#include <cstddef>
#include <string>

namespace iemeq::library {

struct HttpLimits {
    std::size_t maxBytes = 20u << 20;  // a measurement file is ~10 kB to ~2 MB
    long connectTimeoutS = 10;
    long stallTimeoutS = 20;   // abort when no byte arrived for this long (checked about once a second)
    long totalTimeoutS = 120;
    const std::atomic<bool>* cancel = nullptr;  // set to true to abort (e.g. the editor closes)
};

enum class HttpStatus {
    Ok,
    NotFound,     // 404 or 410
    HttpError,    // any other status >= 400
    TooLarge,     // announced or received more than maxBytes
    Truncated,    // the connection ended before the announced length / the end of the body
    Timeout,      // connect, stall or total timeout
    Unreachable,  // name not resolved, connection refused, TLS handshake failed
    Cancelled,
    Failed,       // anything else (bad URL, too many redirects, cannot write the file)
};

struct HttpResult {
    HttpStatus status = HttpStatus::Failed;
    long httpCode = 0;
    std::size_t bytes = 0;  // body bytes written
    std::string message;    // one line in iemeq's words, e.g. "HTTP 404 (not found)"
    bool ok() const { return status == HttpStatus::Ok; }
};

// Fetches `url` (http or https only; redirects followed, at most 5, to http/https only) into
// `path`, created or truncated. On failure the file may hold part of the body: the caller
// downloads into a temporary file and deletes it (see Cache.h).
HttpResult httpDownload(const std::string& url, const std::string& path, const HttpLimits& limits = {});

bool isHttpUrl(const std::string& text);  // starts with http:// or https:// (any case)

} // namespace iemeq::library
