#pragma once
// Lock-free hand-off of immutable objects from one producer thread (the design worker or the
// message thread) to one consumer (the audio thread), latest wins.
//
// The consumer never allocates or frees: objects it is done with go back through a small
// ring and are deleted by the producer on its next publish() or collectGarbage() call.
// At most one object is in flight and one retired per publish, so the ring never fills
// as long as the producer calls publish()/collectGarbage() now and then.
#include <array>
#include <atomic>
#include <cstddef>
#include <memory>

namespace iemeq::rt {

template <typename T>
class LatestSlot {
public:
    LatestSlot() = default;
    LatestSlot(const LatestSlot&) = delete;
    LatestSlot& operator=(const LatestSlot&) = delete;
    ~LatestSlot()
    {
        delete incoming_.exchange(nullptr);
        delete current_;
        collectGarbage();
    }

    // Producer: hand over a new object; an older one the consumer never took is deleted here.
    void publish(std::unique_ptr<T> object)
    {
        collectGarbage();
        delete incoming_.exchange(object.release(), std::memory_order_acq_rel);
    }

    // Producer: delete objects the consumer has retired.
    void collectGarbage()
    {
        std::size_t r = readIndex_.load(std::memory_order_relaxed);
        const std::size_t w = writeIndex_.load(std::memory_order_acquire);
        while (r != w) {
            delete retired_[r % kRing];
            retired_[r % kRing] = nullptr;
            ++r;
        }
        readIndex_.store(r, std::memory_order_release);
    }

    // Consumer (real-time safe): returns the newest object if one arrived since the last call,
    // else nullptr. The returned object stays valid until the next successful acquire().
    T* acquireNew() noexcept
    {
        T* fresh = incoming_.exchange(nullptr, std::memory_order_acq_rel);
        if (fresh == nullptr)
            return nullptr;
        if (current_ != nullptr)
            retire(current_);
        current_ = fresh;
        return fresh;
    }

    // Consumer: the object currently in use (nullptr before the first one).
    T* current() const noexcept { return current_; }

private:
    static constexpr std::size_t kRing = 16;

    // Every publish() collects first, and between two publishes the consumer can retire at most
    // one object (there is only one incoming), so the ring holds at most one entry in use.
    void retire(T* old) noexcept
    {
        const std::size_t w = writeIndex_.load(std::memory_order_relaxed);
        retired_[w % kRing] = old;
        writeIndex_.store(w + 1, std::memory_order_release);
    }

    std::atomic<T*> incoming_ { nullptr };
    T* current_ = nullptr;
    std::array<T*, kRing> retired_ {};
    std::atomic<std::size_t> writeIndex_ { 0 }, readIndex_ { 0 };
};

} // namespace iemeq::rt
