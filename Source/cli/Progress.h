#pragma once
// Progress of a long command on stderr: on a terminal one bar redrawn in place ("\r[###...]
// 3/14 name"); otherwise (a log, a pipe, CI) one plain line per finished item, "3/14 name",
// without carriage returns or padding.
#include <cstddef>
#include <cstdio>
#include <string>

namespace iemeq::cli {

class Progress {
public:
    // `toTerminal`: draw the bar; by default when `out` is a terminal (isatty).
    explicit Progress(std::size_t total, std::FILE* out = stderr);
    Progress(std::size_t total, std::FILE* out, bool toTerminal);

    // Item number `done` (1-based) of `total`, named `what`, has finished.
    void finished(std::size_t done, const std::string& what);

    bool drawsBar() const { return bar_; }

private:
    std::size_t total_;
    std::FILE* out_;
    bool bar_;
};

} // namespace iemeq::cli
