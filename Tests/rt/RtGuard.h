#pragma once
// Real-time-safety guard for tests: counts, per kind, every allocation, deallocation, mutex or
// condition-variable operation and system call made by a thread while it is "armed".
//
// RtGuard.cpp interposes the C allocator (malloc, free, calloc, realloc, memalign family), all
// replaceable operator new/delete forms, pthread mutex/condition-variable calls and the glibc
// wrappers of the system calls an audio callback could reach (write, read, open, futex via
// syscall(), sleeping, mmap, ...). Calls are always forwarded, so an armed thread keeps working
// and the test reports everything it did. Link RtGuard.cpp only into a dedicated executable:
// the interposition applies to the whole process.
#include <cstdint>
#include <string>

namespace iemeq::rtguard {

enum class Kind : int {
    Malloc, Calloc, Realloc, AlignedAlloc, Free, New, Delete,
    MutexLock, MutexTryLock, MutexUnlock, CondWait, CondSignal,
    Write, Read, Open, Close, Sleep, Yield, Syscall, Mmap, Munmap, Poll, Semaphore,
    Count
};

const char* name(Kind k);

void arm() noexcept;     // this thread only
void disarm() noexcept;
bool armed() noexcept;

void resetCounts() noexcept;
std::uint64_t count(Kind k) noexcept;
std::uint64_t total() noexcept;
// "malloc 3, pthread_mutex_lock 1" (empty when nothing was counted); call while disarmed.
std::string summary();

struct ScopedArm {
    ScopedArm() noexcept { arm(); }
    ~ScopedArm() { disarm(); }
    ScopedArm(const ScopedArm&) = delete;
    ScopedArm& operator=(const ScopedArm&) = delete;
};

} // namespace iemeq::rtguard
