// iemeq_bench_batch [MEASUREMENTS_DIR] [N_IEMS]: wall time of `iemeq batch -j 1` against `-j 2`
// on N IEMs (default 280). The shared measurements (../shared/data/measurements, else the test
// fixtures) are copied under new names into a temporary folder until there are N pairs; both
// runs must write identical summaries and presets. Each setting runs 3 times, interleaved; the
// fastest run of each is reported with the ratio, and per run the CPU time over the wall time
// (cores kept busy), which tells a loaded machine from a serial bottleneck. Run by hand on a quiet
// machine (it is not a test).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string bytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// IEMs with both an "X L.txt" and an "X R.txt", anywhere under `dir`, as (L, R) pairs.
std::vector<std::pair<fs::path, fs::path>> measurementPairs(const fs::path& dir)
{
    std::map<std::string, std::pair<fs::path, fs::path>> byIem;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const std::string stem = e.path().stem().string();
        if (!e.is_regular_file() || e.path().extension() != ".txt" || stem.size() < 3)
            continue;
        const std::string key = (e.path().parent_path() / stem.substr(0, stem.size() - 2)).string();
        if (stem.compare(stem.size() - 2, 2, " L") == 0)
            byIem[key].first = e.path();
        else if (stem.compare(stem.size() - 2, 2, " R") == 0)
            byIem[key].second = e.path();
    }
    std::vector<std::pair<fs::path, fs::path>> out;
    for (const auto& [key, lr] : byIem)
        if (!lr.first.empty() && !lr.second.empty())
            out.push_back(lr);
    return out;
}

// CPU time (user + system) of every child that has finished so far.
double childCpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

struct Run {
    double seconds = 0, cpuSeconds = 0;
    std::string summary;
    fs::path presets;
};

Run runBatch(const fs::path& in, const fs::path& work, int jobs, int round)
{
    Run r;
    r.presets = work / ("presets-j" + std::to_string(jobs) + "-" + std::to_string(round));
    const fs::path summary = work / "summary.txt";
    const std::string cmd = std::string("'") + IEMEQ_CLI_PATH + "' batch '" + in.string() + "' -j " + std::to_string(jobs)
                            + " --preset-dir '" + r.presets.string() + "' > '" + summary.string() + "' 2> /dev/null";
    const double cpu0 = childCpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    const int status = std::system(cmd.c_str());
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.cpuSeconds = childCpuSeconds() - cpu0;
    if (status != 0) {
        std::fprintf(stderr, "iemeq batch -j %d failed (status %d)\n", jobs, status);
        std::exit(1);
    }
    r.summary = bytes(summary);
    return r;
}

bool samePresets(const fs::path& a, const fs::path& b, std::size_t& count)
{
    count = 0;
    for (const auto& e : fs::directory_iterator(a)) {
        if (bytes(e.path()) != bytes(b / e.path().filename()))
            return false;
        ++count;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    fs::path source = argc > 1 ? fs::path(argv[1]) : fs::path(IEMEQ_SOURCE_DIR) / ".." / "shared" / "data" / "measurements";
    if (!fs::is_directory(source))
        source = fs::path(IEMEQ_SOURCE_DIR) / "Tests" / "data" / "measurements";
    const int count = argc > 2 ? std::atoi(argv[2]) : 280;
    const auto pairs = measurementPairs(source);
    if (pairs.empty() || count < 1) {
        std::fprintf(stderr, "no L/R measurement pairs under %s\n", source.string().c_str());
        return 1;
    }
    const fs::path work = fs::temp_directory_path() / ("iemeq-bench-batch-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work / "in");
    for (int i = 0; i < count; ++i) {
        const auto& [l, r] = pairs[static_cast<std::size_t>(i) % pairs.size()];
        char name[32];
        std::snprintf(name, sizeof name, "IEM %03d", i + 1);
        fs::copy_file(l, work / "in" / (std::string(name) + " L.txt"));
        fs::copy_file(r, work / "in" / (std::string(name) + " R.txt"));
    }
    std::printf("iemeq batch on %d IEMs (%zu distinct measurement pairs from %s), %u cores\n", count, pairs.size(),
                fs::weakly_canonical(source).string().c_str(), std::thread::hardware_concurrency());

    double best1 = 1e30, best2 = 1e30;
    bool identical = true;
    for (int round = 0; round < 3; ++round) {
        const Run one = runBatch(work / "in", work, 1, round);
        const Run two = runBatch(work / "in", work, 2, round);
        std::size_t presets = 0;
        identical = identical && one.summary == two.summary && samePresets(one.presets, two.presets, presets)
                    && presets == static_cast<std::size_t>(count);
        best1 = std::min(best1, one.seconds);
        best2 = std::min(best2, two.seconds);
        // CPU / wall: how many cores a run kept busy (about 1 and 2 on an otherwise idle machine).
        std::printf("  round %d: -j 1 %.2f s (%.2f cores busy), -j 2 %.2f s (%.2f cores busy)\n", round + 1, one.seconds,
                    one.cpuSeconds / one.seconds, two.seconds, two.cpuSeconds / two.seconds);
    }
    std::printf("best: -j 1 %.2f s (%.1f ms per IEM), -j 2 %.2f s; speed-up x%.2f; output %s\n", best1, 1000.0 * best1 / count,
                best2, best1 / best2, identical ? "identical (summary and every preset)" : "DIFFERENT");
    fs::remove_all(work);
    return identical ? 0 : 1;
}
