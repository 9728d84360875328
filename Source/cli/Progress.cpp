#include "Progress.h"

#include <unistd.h>

namespace iemeq::cli {

Progress::Progress(std::size_t total, std::FILE* out)
    : Progress(total, out, ::isatty(::fileno(out)) == 1)
{
}

Progress::Progress(std::size_t total, std::FILE* out, bool toTerminal)
    : total_(total), out_(out), bar_(toTerminal)
{
}

void Progress::finished(std::size_t done, const std::string& what)
{
    if (!bar_) {
        std::fprintf(out_, "%zu/%zu %s\n", done, total_, what.c_str());
        std::fflush(out_);
        return;
    }
    const std::size_t width = 30;
    const std::size_t filled = total_ ? width * done / total_ : width;
    std::fprintf(out_, "\r[%s%s] %zu/%zu %-40.40s", std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                 done, total_, what.c_str());
    if (done == total_)
        std::fprintf(out_, "\n");
    std::fflush(out_);
}

} // namespace iemeq::cli
