// Interposition behind RtGuard.h (Linux/glibc). The allocator forwards to glibc's exported
// __libc_* functions (no dlsym, which may itself allocate); everything else is looked up once
// with dlsym(RTLD_NEXT) / dlvsym and cached.
#include "RtGuard.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <new>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

extern "C" {
void* __libc_malloc(std::size_t);
void __libc_free(void*);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
}

namespace iemeq::rtguard {
namespace {

// initial-exec TLS: reading the flag never allocates (the executable's TLS block is static).
__attribute__((tls_model("initial-exec"))) thread_local bool tArmed = false;
std::array<std::atomic<std::uint64_t>, static_cast<std::size_t>(Kind::Count)> gCounts {};

inline void hit(Kind k) noexcept
{
    if (tArmed)
        gCounts[static_cast<std::size_t>(k)].fetch_add(1, std::memory_order_relaxed);
}

// The next definition of a symbol (glibc's), looked up once. `version` for symbols glibc keeps
// in several versions (the condition variables), else the default version.
template <typename Fn>
Fn next(std::atomic<void*>& cache, const char* symbol, const char* version = nullptr) noexcept
{
    void* p = cache.load(std::memory_order_acquire);
    if (p == nullptr) {
        p = version != nullptr ? dlvsym(RTLD_NEXT, symbol, version) : dlsym(RTLD_NEXT, symbol);
        if (p == nullptr)
            std::abort();  // the harness cannot work on this C library
        cache.store(p, std::memory_order_release);
    }
    return reinterpret_cast<Fn>(p);
}

#define IEMEQ_NEXT(fn, ...) next<decltype(&::fn)>(cache_##fn, #fn __VA_OPT__(, ) __VA_ARGS__)

std::atomic<void*> cache_pthread_mutex_lock, cache_pthread_mutex_trylock, cache_pthread_mutex_unlock,
    cache_pthread_cond_wait, cache_pthread_cond_timedwait, cache_pthread_cond_signal, cache_pthread_cond_broadcast,
    cache_write, cache_read, cache_open, cache_openat, cache_close, cache_nanosleep, cache_clock_nanosleep,
    cache_usleep, cache_sched_yield, cache_syscall, cache_mmap, cache_munmap, cache_poll, cache_sem_wait,
    cache_sem_post;

#if defined(__x86_64__)
constexpr const char* kCondVersion = "GLIBC_2.3.2";
#elif defined(__aarch64__)
constexpr const char* kCondVersion = "GLIBC_2.17";
#else
constexpr const char* kCondVersion = nullptr;
#endif

} // namespace

const char* name(Kind k)
{
    static constexpr const char* names[] = {
        "malloc", "calloc", "realloc", "aligned alloc", "free", "operator new", "operator delete",
        "pthread_mutex_lock", "pthread_mutex_trylock", "pthread_mutex_unlock", "pthread_cond_wait",
        "pthread_cond_signal/broadcast", "write", "read", "open", "close", "sleep", "sched_yield",
        "syscall (futex...)", "mmap", "munmap", "poll", "semaphore",
    };
    static_assert(std::size(names) == static_cast<std::size_t>(Kind::Count));
    return names[static_cast<int>(k)];
}

void arm() noexcept { tArmed = true; }
void disarm() noexcept { tArmed = false; }
bool armed() noexcept { return tArmed; }

void resetCounts() noexcept
{
    for (auto& c : gCounts)
        c.store(0);
}

std::uint64_t count(Kind k) noexcept { return gCounts[static_cast<std::size_t>(k)].load(); }

std::uint64_t total() noexcept
{
    std::uint64_t t = 0;
    for (auto& c : gCounts)
        t += c.load();
    return t;
}

std::string summary()
{
    std::string s;
    for (int k = 0; k < static_cast<int>(Kind::Count); ++k)
        if (const auto n = count(static_cast<Kind>(k)); n > 0)
            s += (s.empty() ? "" : ", ") + std::string(name(static_cast<Kind>(k))) + " " + std::to_string(n);
    return s;
}

} // namespace iemeq::rtguard

using iemeq::rtguard::hit;
using iemeq::rtguard::Kind;
using namespace iemeq::rtguard;

// --- C allocator -----------------------------------------------------------------------------
extern "C" {

void* malloc(std::size_t n)
{
    hit(Kind::Malloc);
    return __libc_malloc(n);
}

void free(void* p)
{
    if (p != nullptr)
        hit(Kind::Free);
    __libc_free(p);
}

void* calloc(std::size_t n, std::size_t size)
{
    hit(Kind::Calloc);
    return __libc_calloc(n, size);
}

void* realloc(void* p, std::size_t n)
{
    hit(Kind::Realloc);
    return __libc_realloc(p, n);
}

void* memalign(std::size_t alignment, std::size_t n)
{
    hit(Kind::AlignedAlloc);
    return __libc_memalign(alignment, n);
}

void* aligned_alloc(std::size_t alignment, std::size_t n)
{
    hit(Kind::AlignedAlloc);
    return __libc_memalign(alignment, n);
}

int posix_memalign(void** out, std::size_t alignment, std::size_t n)
{
    hit(Kind::AlignedAlloc);
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    void* p = __libc_memalign(alignment, n);
    if (p == nullptr)
        return ENOMEM;
    *out = p;
    return 0;
}

void* valloc(std::size_t n)
{
    hit(Kind::AlignedAlloc);
    return __libc_memalign(static_cast<std::size_t>(sysconf(_SC_PAGESIZE)), n);
}

// --- locks -----------------------------------------------------------------------------------
int pthread_mutex_lock(pthread_mutex_t* m)
{
    hit(Kind::MutexLock);
    return IEMEQ_NEXT(pthread_mutex_lock)(m);
}

int pthread_mutex_trylock(pthread_mutex_t* m)
{
    hit(Kind::MutexTryLock);
    return IEMEQ_NEXT(pthread_mutex_trylock)(m);
}

int pthread_mutex_unlock(pthread_mutex_t* m)
{
    hit(Kind::MutexUnlock);
    return IEMEQ_NEXT(pthread_mutex_unlock)(m);
}

int pthread_cond_wait(pthread_cond_t* c, pthread_mutex_t* m)
{
    hit(Kind::CondWait);
    return IEMEQ_NEXT(pthread_cond_wait, kCondVersion)(c, m);
}

int pthread_cond_timedwait(pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* t)
{
    hit(Kind::CondWait);
    return IEMEQ_NEXT(pthread_cond_timedwait, kCondVersion)(c, m, t);
}

int pthread_cond_signal(pthread_cond_t* c)
{
    hit(Kind::CondSignal);
    return IEMEQ_NEXT(pthread_cond_signal, kCondVersion)(c);
}

int pthread_cond_broadcast(pthread_cond_t* c)
{
    hit(Kind::CondSignal);
    return IEMEQ_NEXT(pthread_cond_broadcast, kCondVersion)(c);
}

int sem_wait(sem_t* s)
{
    hit(Kind::Semaphore);
    return IEMEQ_NEXT(sem_wait)(s);
}

int sem_post(sem_t* s)
{
    hit(Kind::Semaphore);
    return IEMEQ_NEXT(sem_post)(s);
}

// --- system calls ----------------------------------------------------------------------------
ssize_t write(int fd, const void* buf, std::size_t n)
{
    hit(Kind::Write);
    return IEMEQ_NEXT(write)(fd, buf, n);
}

ssize_t read(int fd, void* buf, std::size_t n)
{
    hit(Kind::Read);
    return IEMEQ_NEXT(read)(fd, buf, n);
}

int open(const char* path, int flags, ...)
{
    hit(Kind::Open);
    mode_t mode = 0;
    if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE) {
        va_list ap;
        va_start(ap, flags);
        mode = static_cast<mode_t>(va_arg(ap, unsigned));
        va_end(ap);
    }
    return IEMEQ_NEXT(open)(path, flags, mode);
}

int openat(int dir, const char* path, int flags, ...)
{
    hit(Kind::Open);
    mode_t mode = 0;
    if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE) {
        va_list ap;
        va_start(ap, flags);
        mode = static_cast<mode_t>(va_arg(ap, unsigned));
        va_end(ap);
    }
    return IEMEQ_NEXT(openat)(dir, path, flags, mode);
}

int close(int fd)
{
    hit(Kind::Close);
    return IEMEQ_NEXT(close)(fd);
}

int nanosleep(const struct timespec* req, struct timespec* rem)
{
    hit(Kind::Sleep);
    return IEMEQ_NEXT(nanosleep)(req, rem);
}

int clock_nanosleep(clockid_t clock, int flags, const struct timespec* req, struct timespec* rem)
{
    hit(Kind::Sleep);
    return IEMEQ_NEXT(clock_nanosleep)(clock, flags, req, rem);
}

int usleep(useconds_t us)
{
    hit(Kind::Sleep);
    return IEMEQ_NEXT(usleep)(us);
}

int sched_yield() noexcept
{
    hit(Kind::Yield);
    return IEMEQ_NEXT(sched_yield)();
}

// libstdc++'s atomic wait/notify and other futex users call syscall(SYS_futex, ...).
long syscall(long number, ...)
{
    hit(Kind::Syscall);
    va_list ap;
    va_start(ap, number);
    long a[6];
    for (auto& v : a)
        v = va_arg(ap, long);
    va_end(ap);
    return IEMEQ_NEXT(syscall)(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

void* mmap(void* addr, std::size_t n, int prot, int flags, int fd, off_t offset)
{
    hit(Kind::Mmap);
    return IEMEQ_NEXT(mmap)(addr, n, prot, flags, fd, offset);
}

int munmap(void* addr, std::size_t n)
{
    hit(Kind::Munmap);
    return IEMEQ_NEXT(munmap)(addr, n);
}

int poll(struct pollfd* fds, nfds_t n, int timeout)
{
    hit(Kind::Poll);
    return IEMEQ_NEXT(poll)(fds, n, timeout);
}

} // extern "C"

// --- C++ allocation --------------------------------------------------------------------------
namespace {

void* allocate(std::size_t n, std::size_t alignment)
{
    hit(Kind::New);
    void* p = alignment <= alignof(std::max_align_t) ? __libc_malloc(n == 0 ? 1 : n) : __libc_memalign(alignment, n == 0 ? 1 : n);
    return p;
}

void* allocateOrThrow(std::size_t n, std::size_t alignment)
{
    if (void* p = allocate(n, alignment))
        return p;
    throw std::bad_alloc();
}

void release(void* p) noexcept
{
    if (p != nullptr)
        hit(Kind::Delete);
    __libc_free(p);
}

} // namespace

void* operator new(std::size_t n) { return allocateOrThrow(n, 0); }
void* operator new[](std::size_t n) { return allocateOrThrow(n, 0); }
void* operator new(std::size_t n, std::align_val_t a) { return allocateOrThrow(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocateOrThrow(n, static_cast<std::size_t>(a)); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, 0); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n, 0); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept { return allocate(n, static_cast<std::size_t>(a)); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
