#pragma once
// Web servers on 127.0.0.1 for the measurement-library tests, started and stopped by each test:
//  - SiteServer: `python3 -m http.server` serving a folder (a copy of a graph site), on a port
//    the OS picks (read from the server's first line), killed when the object goes away.
//  - ScriptedServer: a small loopback HTTP server of our own for what a real server does wrong:
//    a body shorter than its Content-Length, a transfer that stalls, an endless or huge body.
// Nothing here talks to any other host.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <functional>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace iemeq::test {

// A folder under the system temp folder, removed with everything in it.
struct ScratchFolder {
    std::filesystem::path path;
    explicit ScratchFolder(const std::string& tag)
    {
        static std::atomic<int> counter{ 0 };
        path = std::filesystem::temp_directory_path()
               / ("iemeq_lib_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~ScratchFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string str() const { return path.string(); }
};

// Regular files under `dir` (recursively), as paths relative to it, sorted.
inline std::vector<std::string> filesUnder(const std::filesystem::path& dir)
{
    std::vector<std::string> out;
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec))
        return out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file())
            out.push_back(std::filesystem::relative(e.path(), dir).generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

class SiteServer {
public:
    explicit SiteServer(const std::string& folder)
    {
        int out[2];
        REQUIRE(::pipe(out) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        std::vector<std::string> args = { "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder };
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        const int rc = posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        REQUIRE(rc == 0);
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
            pollfd p{ out[0], POLLIN, 0 };
            if (::poll(&p, 1, 100) > 0) {
                char buf[256];
                const ssize_t n = ::read(out[0], buf, sizeof buf);
                if (n <= 0)
                    break;
                line.append(buf, std::size_t(n));
            }
        }
        ::close(out[0]);
        const auto at = line.find(" port ");
        if (at != std::string::npos)
            port_ = std::atoi(line.c_str() + at + 6);
        if (port_ <= 0)
            stop();
        REQUIRE(port_ > 0);
    }
    ~SiteServer() { stop(); }
    void stop()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = -1;
        }
    }
    int port() const { return port_; }
    std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

// What ScriptedServer does for one path.
struct Scripted {
    enum Kind { Body, ShortBody, Stall, Endless } kind = Body;
    int status = 200;
    std::string body;            // Body: sent whole; ShortBody/Stall: sent, then the fault
    std::size_t announced = 0;   // Content-Length header (0: none; Endless without it is chunked)
};

class ScriptedServer {
public:
    ScriptedServer()
    {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(listener_ >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(listener_, 8) == 0);
        socklen_t len = sizeof a;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~ScriptedServer()
    {
        stop_ = true;
        ::shutdown(listener_, SHUT_RDWR);
        thread_.join();
        ::close(listener_);
    }
    void on(const std::string& path, Scripted s)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        routes_[path] = std::move(s);
    }
    std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    // What the server sent for `path`, once it has finished with that request: the client can
    // give up (and the test read this) before the server's send loop notices, so wait for it.
    std::size_t bytesSent(const std::string& path) const
    {
        for (int waited = 0;; waited += 10) {
            {
                std::lock_guard<std::mutex> lock(mutex_);
                const auto it = sent_.find(path);
                if (it != sent_.end())
                    return it->second;
            }
            if (waited >= 10000)
                return 0;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

private:
    static bool sendAll(int fd, const char* p, std::size_t n)
    {
        while (n > 0) {
            const ssize_t k = ::send(fd, p, n, MSG_NOSIGNAL);
            if (k <= 0)
                return false;
            p += k;
            n -= std::size_t(k);
        }
        return true;
    }
    // Waits until the client hangs up (or the server stops): a stalled transfer.
    void holdOpen(int fd)
    {
        while (!stop_) {
            pollfd p{ fd, POLLIN, 0 };
            if (::poll(&p, 1, 20) > 0) {
                char c;
                if (::recv(fd, &c, 1, 0) <= 0)
                    return;
            }
        }
    }
    void serve()
    {
        while (!stop_) {
            const int fd = ::accept(listener_, nullptr, nullptr);
            if (fd < 0)
                continue;
            std::string request;
            char buf[4096];
            while (request.find("\r\n\r\n") == std::string::npos) {
                const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
                if (n <= 0)
                    break;
                request.append(buf, std::size_t(n));
            }
            const auto sp1 = request.find(' '), sp2 = request.find(' ', sp1 + 1);
            const std::string path = sp1 == std::string::npos || sp2 == std::string::npos ? "/" : request.substr(sp1 + 1, sp2 - sp1 - 1);
            Scripted s;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                const auto it = routes_.find(path);
                if (it == routes_.end()) {
                    s.status = 404;
                    s.body = "not here\n";
                } else {
                    s = it->second;
                }
            }
            respond(fd, path, s);
            ::close(fd);
        }
    }
    void respond(int fd, const std::string& path, const Scripted& s)
    {
        std::string head = "HTTP/1.1 " + std::to_string(s.status) + (s.status == 200 ? " OK" : " Error") + "\r\nConnection: close\r\n";
        const bool chunked = s.kind == Scripted::Endless && s.announced == 0;
        if (chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Content-Length: " + std::to_string(s.kind == Scripted::Body ? s.body.size() : s.announced) + "\r\n";
        head += "Content-Type: text/plain\r\n\r\n";
        if (!sendAll(fd, head.data(), head.size()))
            return;
        std::size_t sent = 0;
        if (s.kind == Scripted::Endless) {
            // Measurement-looking lines, forever (or up to the announced length).
            const std::string line = "1000\t80.0\n";
            std::string block;
            while (block.size() < 65536)
                block += line;
            while (!stop_ && (s.announced == 0 || sent < s.announced)) {
                std::string piece = block;
                if (s.announced)
                    piece.resize(std::min(block.size(), s.announced - sent));
                if (chunked) {
                    char size[32];
                    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
                    piece = size + piece + "\r\n";
                }
                if (!sendAll(fd, piece.data(), piece.size()))
                    break;
                sent += piece.size();
            }
        } else {
            if (sendAll(fd, s.body.data(), s.body.size()))
                sent = s.body.size();
            if (s.kind == Scripted::Stall)
                holdOpen(fd);
        }
        std::lock_guard<std::mutex> lock(mutex_);
        sent_[path] = sent;
    }

    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{ false };
    std::thread thread_;
    mutable std::mutex mutex_;
    std::map<std::string, Scripted> routes_;
    std::map<std::string, std::size_t> sent_;
};

} // namespace iemeq::test
