#include "OrderedParallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace iemeq::cli {

int defaultJobCount()
{
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void runOrdered(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                const std::function<void(std::size_t)>& done)
{
    const std::size_t workers = std::min<std::size_t>(count, static_cast<std::size_t>(std::max(1, threads)));
    if (workers <= 1) {
        for (std::size_t i = 0; i < count; ++i) {
            work(i);
            done(i);
        }
        return;
    }
    std::atomic<std::size_t> next { 0 };
    std::atomic<bool> stop { false };
    std::mutex m;
    std::condition_variable finishedOne;
    std::vector<char> finished(count, 0);
    std::exception_ptr error;

    const auto worker = [&] {
        for (std::size_t i; !stop && (i = next.fetch_add(1)) < count;) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(m);
                if (!error)
                    error = std::current_exception();
                stop = true;
            }
            {
                const std::lock_guard<std::mutex> lock(m);
                finished[i] = 1;
            }
            finishedOne.notify_one();
        }
        // Wake the caller when this worker leaves early, so it does not wait for items never run.
        finishedOne.notify_one();
    };
    std::vector<std::thread> pool;
    pool.reserve(workers);
    for (std::size_t t = 0; t < workers; ++t)
        pool.emplace_back(worker);

    for (std::size_t i = 0; i < count; ++i) {
        std::unique_lock<std::mutex> lock(m);
        finishedOne.wait(lock, [&] { return finished[i] || stop; });
        if (!finished[i] || error)
            break;
        lock.unlock();
        try {
            done(i);
        } catch (...) {
            lock.lock();
            if (!error)
                error = std::current_exception();
            stop = true;
            break;
        }
    }
    stop = true;
    for (auto& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace iemeq::cli
