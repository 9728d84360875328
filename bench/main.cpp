// iemeq_bench [filter]: runs every registered benchmark whose name contains `filter`.
#include "Bench.h"

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv)
{
    auto entries = iemeq::bench::registry();
    // Registration order depends on link order; run in name order so output is stable.
    std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.name < b.name; });
    const std::string filter = argc > 1 ? argv[1] : "";
    for (const auto& e : entries)
        if (filter.empty() || e.name.find(filter) != std::string::npos) {
            std::printf("== %s\n", e.name.c_str());
            std::fflush(stdout);
            e.run();
        }
    return 0;
}
