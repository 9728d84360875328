#pragma once
// Tiny benchmark registry: each bench_*.cpp registers a named function; main runs them all
// (or those whose name contains argv[1]) and they print their own figures.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace iemeq::bench {

struct Entry {
    std::string name;
    std::function<void()> run;
};

inline std::vector<Entry>& registry()
{
    static std::vector<Entry> entries;
    return entries;
}

struct Register {
    Register(std::string name, std::function<void()> fn) { registry().push_back({ std::move(name), std::move(fn) }); }
};

inline double nowSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace iemeq::bench
