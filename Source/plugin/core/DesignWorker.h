#pragma once
// Background thread that turns the newest DesignRequest into a DesignResult and hands it to the
// audio thread through a lock-free slot (latest wins: a request that is overtaken is skipped).
#include "DesignTypes.h"
#include "dsp/rt/LatestSlot.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace iemeq::plugin {

class DesignWorker {
public:
    // `onPublished` runs on the worker thread after each publish (e.g. to poke the UI).
    // `beforePublish` runs on the designing thread with the finished result (e.g. to hand an FIR
    // kernel to the convolver); the designing thread is the worker, or the caller of designNow().
    explicit DesignWorker(std::function<void()> onPublished = {},
                          std::function<void(const DesignResult&, bool synchronous)> beforePublish = {});
    ~DesignWorker();

    void request(DesignRequest r);               // any non-audio thread; returns at once
    void designNow(const DesignRequest& r);      // synchronous (prepareToPlay): same code path
    bool waitUntilIdle(int timeoutMs);           // for tests and offline rendering

    // Audio thread: newest result if one arrived, else nullptr (real-time safe).
    DesignResult* acquireNew() noexcept { return slot_.acquireNew(); }

    // Message thread: a copy of the last published result (for the editor and state).
    std::shared_ptr<const DesignResult> latestForUi() const;

private:
    void run();
    void publish(DesignResult result, bool synchronous);

    rt::LatestSlot<DesignResult> slot_;
    std::function<void()> onPublished_;
    std::function<void(const DesignResult&, bool)> beforePublish_;
    mutable std::mutex mutex_;  // guards pending_, busy_, latest_ (never taken by the audio thread)
    std::condition_variable wake_, idle_;
    std::optional<DesignRequest> pending_;
    std::shared_ptr<const DesignResult> latest_;
    bool busy_ = false, quit_ = false;
    std::mutex publishMutex_;  // serialises the slot's single-producer side and beforePublish
    std::uint64_t lastGeneration_ = 0;
    std::thread thread_;
};

} // namespace iemeq::plugin
