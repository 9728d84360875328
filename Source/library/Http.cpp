#include "Http.h"

#include <curl/curl.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace iemeq::library {

namespace {

bool startsWithNoCase(const std::string& s, const char* prefix)
{
    for (std::size_t i = 0; prefix[i] != 0; ++i)
        if (i >= s.size() || std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

struct Transfer {
    std::FILE* file = nullptr;
    std::size_t bytes = 0;
    std::size_t maxBytes = 0;
    bool tooLarge = false;
    bool writeFailed = false;
    const std::atomic<bool>* cancel = nullptr;
    long long announced = -1;
    long stallSeconds = 0;
    curl_off_t lastBytes = -1;
    std::chrono::steady_clock::time_point lastChange = std::chrono::steady_clock::now();
    bool stalled = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->bytes + n > t->maxBytes) {
        t->tooLarge = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    if (std::fwrite(data, 1, n, t->file) != n) {
        t->writeFailed = true;
        return 0;
    }
    t->bytes += n;
    return n;
}

// Remembers the last response's Content-Length (curl does not report it when it refuses the
// transfer for its size). A new status line (after a redirect) starts over.
std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    const std::string line(data, n);
    if (line.rfind("HTTP/", 0) == 0)
        t->announced = -1;
    else if (startsWithNoCase(line, "content-length:"))
        t->announced = std::strtoll(line.c_str() + 15, nullptr, 10);
    return n;
}

// Called about once a second even when nothing arrives: cancellation, and the stall timeout
// (curl's own low-speed check averages over seconds of history, so a burst then silence would
// take several seconds longer than asked to notice).
int onProgress(void* user, curl_off_t, curl_off_t received, curl_off_t, curl_off_t)
{
    auto* t = static_cast<Transfer*>(user);
    if (t->cancel != nullptr && t->cancel->load())
        return 1;
    const auto now = std::chrono::steady_clock::now();
    if (received != t->lastBytes) {
        t->lastBytes = received;
        t->lastChange = now;
    } else if (now - t->lastChange > std::chrono::seconds(t->stallSeconds)) {
        t->stalled = true;
        return 1;
    }
    return 0;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string megabytes(std::size_t bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / 1048576.0);
    return buf;
}

} // namespace

bool isHttpUrl(const std::string& text)
{
    return startsWithNoCase(text, "http://") || startsWithNoCase(text, "https://");
}

HttpResult httpDownload(const std::string& url, const std::string& path, const HttpLimits& limits)
{
    HttpResult r;
    if (!isHttpUrl(url)) {
        r.message = "not an http:// or https:// address";
        return r;
    }
    initCurlOnce();
    Transfer t;
    t.maxBytes = limits.maxBytes;
    t.cancel = limits.cancel;
    t.stallSeconds = limits.stallTimeoutS;
    t.file = std::fopen(path.c_str(), "wb");
    if (t.file == nullptr) {
        r.message = "cannot write " + path;
        return r;
    }
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
        std::fclose(t.file);
        r.message = "cannot start a download (libcurl)";
        return r;
    }
    char errorText[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM: this runs on any thread
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS, long(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "iemeq (measurement library)");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // the limit counts decoded bytes
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, limits.connectTimeoutS);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, limits.totalTimeoutS);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBytes));  // refuses a too-large Content-Length up front
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);

    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.httpCode);
    const long long announced = t.announced;
    curl_easy_cleanup(curl);
    const bool closed = std::fclose(t.file) == 0;
    r.bytes = t.bytes;

    const std::string detail = errorText[0] ? std::string(errorText) : std::string(curl_easy_strerror(rc));
    const std::string limit = megabytes(limits.maxBytes);
    if (t.tooLarge || rc == CURLE_FILESIZE_EXCEEDED) {
        r.status = HttpStatus::TooLarge;
        r.message = announced > 0 && std::size_t(announced) > limits.maxBytes ? "too large: the server announces " + megabytes(std::size_t(announced)) + " (limit " + limit + ")"
                                  : "too large: more than " + limit + " (stopped there)";
    } else if (t.writeFailed || !closed) {
        r.status = HttpStatus::Failed;
        r.message = "cannot write the download to " + path + " (disk full?)";
    } else if (t.stalled) {
        r.status = HttpStatus::Timeout;
        const std::string quiet = "no data for " + std::to_string(limits.stallTimeoutS) + " s";
        r.message = t.bytes > 0 ? "the server stopped sending after " + std::to_string(t.bytes) + " bytes (" + quiet + ")"
                                : "the server accepted the connection but sent nothing (" + quiet + ")";
    } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
        r.status = HttpStatus::Cancelled;
        r.message = "cancelled";
    } else if (rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_COULDNT_CONNECT
               || rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_PEER_FAILED_VERIFICATION) {
        r.status = HttpStatus::Unreachable;
        r.message = "site unreachable (" + detail + ")";
    } else if (rc == CURLE_OPERATION_TIMEDOUT) {
        r.status = HttpStatus::Timeout;
        r.message = t.bytes > 0 ? "the server stopped sending after " + std::to_string(t.bytes) + " bytes (" + detail + ")"
                                : "timed out (" + detail + ")";
    } else if (rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING || rc == CURLE_HTTP2_STREAM
#if LIBCURL_VERSION_NUM >= 0x073100
               || rc == CURLE_HTTP2
#endif
    ) {
        r.status = HttpStatus::Truncated;
        r.message = "incomplete download: the connection ended after " + std::to_string(t.bytes) + " bytes"
                    + (announced > 0 ? " of " + std::to_string(announced) + " announced" : std::string()) + " (" + detail + ")";
    } else if (rc != CURLE_OK) {
        r.status = HttpStatus::Failed;
        r.message = "download failed (" + detail + ")";
    } else if (r.httpCode == 404 || r.httpCode == 410) {
        r.status = HttpStatus::NotFound;
        r.message = "HTTP " + std::to_string(r.httpCode) + " (not found)";
    } else if (r.httpCode >= 400) {
        r.status = HttpStatus::HttpError;
        r.message = "HTTP " + std::to_string(r.httpCode) + " from the server";
    } else {
        r.status = HttpStatus::Ok;
        r.message = "ok";
    }
    return r;
}

} // namespace iemeq::library
