#pragma once
// Work items run on several threads, their results taken in item order: what `iemeq batch -j N`
// needs for output identical to a single-threaded run whatever the scheduling.
#include <cstddef>
#include <functional>

namespace iemeq::cli {

// Runs work(i) for every i in [0, count) on `threads` threads (each takes the next item), and
// done(i) on the calling thread, in order 0, 1, 2..., as soon as item i has finished. With one
// thread (or one item) everything runs on the calling thread. An exception from work(i) is
// re-thrown from here once every thread has stopped; work should report per-item errors itself.
void runOrdered(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                const std::function<void(std::size_t)>& done);

// std::thread::hardware_concurrency(), at least 1.
int defaultJobCount();

} // namespace iemeq::cli
