#pragma once
// Lock-free hand-off of heap objects from one producer thread (design worker) to one consumer
// (the audio thread), where the consumer keeps an object for as long as it needs it.
//
// Unlike LatestSlot (which retires the previous object as soon as a new one is taken), the
// consumer here owns what it take()s and gives it back with retire() when it is really done,
// e.g. after a crossfade from an old kernel to a new one has finished. Objects travel back to
// the producer through a single-producer/single-consumer ring and are deleted by the producer
// in publish()/collectGarbage(), so the audio thread never frees memory.
#include <array>
#include <atomic>
#include <cstddef>
#include <memory>

namespace iemeq::rt {

template <typename T>
class OwnedMailbox {
public:
    OwnedMailbox() = default;
    OwnedMailbox(const OwnedMailbox&) = delete;
    OwnedMailbox& operator=(const OwnedMailbox&) = delete;
    ~OwnedMailbox()
    {
        delete incoming_.exchange(nullptr);
        collectGarbage();
    }

    // Producer: hand over a new object; one the consumer has not taken yet is replaced (latest wins).
    void publish(std::unique_ptr<T> object)
    {
        collectGarbage();
        delete incoming_.exchange(object.release(), std::memory_order_acq_rel);
    }

    // Producer: delete the objects the consumer has retired.
    void collectGarbage()
    {
        std::size_t r = readIndex_.load(std::memory_order_relaxed);
        const std::size_t w = writeIndex_.load(std::memory_order_acquire);
        for (; r != w; ++r) {
            delete ring_[r % kRing];
            ring_[r % kRing] = nullptr;
        }
        readIndex_.store(r, std::memory_order_release);
    }

    // Consumer (real-time safe): the newest published object, now owned by the caller, or nullptr.
    T* take() noexcept { return incoming_.exchange(nullptr, std::memory_order_acq_rel); }

    // Consumer (real-time safe): give an object back for deletion. Returns false if the ring is
    // full (the producer has not collected for a long time); the caller keeps it and retries later.
    bool retire(T* object) noexcept
    {
        if (object == nullptr)
            return true;
        const std::size_t w = writeIndex_.load(std::memory_order_relaxed);
        if (w - readIndex_.load(std::memory_order_acquire) >= kRing)
            return false;
        ring_[w % kRing] = object;
        writeIndex_.store(w + 1, std::memory_order_release);
        return true;
    }

    // Consumer, when no audio runs any more (e.g. in the owner's destructor): drops a raw object.
    static void destroyNow(T* object) { delete object; }

private:
    static constexpr std::size_t kRing = 16;
    std::atomic<T*> incoming_ { nullptr };
    std::array<T*, kRing> ring_ {};
    std::atomic<std::size_t> writeIndex_ { 0 }, readIndex_ { 0 };
};

} // namespace iemeq::rt
