#pragma once
// Lock-free hand-off of immutable objects from one producer thread (the design worker or the
// message thread) to one consumer (the audio thread), latest wins: an OwnedMailbox whose
// consumer keeps exactly one object current and retires the previous one when a newer arrives.
//
// The consumer never allocates or frees: retired objects are deleted by the producer on its next
// publish() or collectGarbage(). Every publish() collects first, and between two publishes the
// consumer retires at most one object, so the mailbox's retire ring never fills.
#include "OwnedMailbox.h"

#include <memory>

namespace iemeq::rt {

template <typename T>
class LatestSlot {
public:
    LatestSlot() = default;
    LatestSlot(const LatestSlot&) = delete;
    LatestSlot& operator=(const LatestSlot&) = delete;
    ~LatestSlot() { OwnedMailbox<T>::destroyNow(current_); }  // the mailbox frees the rest

    // Producer: hand over a new object; an older one the consumer never took is deleted here.
    void publish(std::unique_ptr<T> object) { mailbox_.publish(std::move(object)); }

    // Producer: delete objects the consumer has retired.
    void collectGarbage() { mailbox_.collectGarbage(); }

    // Consumer (real-time safe): returns the newest object if one arrived since the last call,
    // else nullptr. The returned object stays valid until the next successful acquireNew().
    T* acquireNew() noexcept
    {
        T* fresh = mailbox_.take();
        if (fresh == nullptr)
            return nullptr;
        mailbox_.retire(current_);  // cannot fail: see the ring invariant above
        current_ = fresh;
        return fresh;
    }

    // Consumer: the object currently in use (nullptr before the first one).
    T* current() const noexcept { return current_; }

private:
    OwnedMailbox<T> mailbox_;
    T* current_ = nullptr;
};

} // namespace iemeq::rt
