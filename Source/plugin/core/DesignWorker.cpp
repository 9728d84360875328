#include "DesignWorker.h"

#include "DesignJob.h"
#include "StandardFloatingPoint.h"

#include <chrono>
#include <exception>

namespace iemeq::plugin {

DesignWorker::DesignWorker(std::function<void()> onPublished,
                           std::function<void(const DesignResult&, bool synchronous)> beforePublish)
    : onPublished_(std::move(onPublished)), beforePublish_(std::move(beforePublish)), thread_([this] { run(); })
{
}

DesignWorker::~DesignWorker()
{
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DesignWorker::request(DesignRequest r)
{
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(r);
    }
    wake_.notify_one();
}

static DesignResult safeDesign(const DesignRequest& r)
{
    const ScopedStandardFloatingPoint ieee;
    try {
        return runDesign(r);
    } catch (const std::exception& e) {
        // A design that fails keeps the sound as it was minus the correction, with the reason shown.
        DesignResult failed;
        failed.generation = r.generation;
        failed.sampleRate = r.sampleRate;
        failed.message = std::string("Design failed: ") + e.what();
        return failed;
    }
}

void DesignWorker::designNow(const DesignRequest& r)
{
    publish(safeDesign(r), true);
}

void DesignWorker::publish(DesignResult result, bool synchronous)
{
    {
        std::lock_guard lock(publishMutex_);
        // A worker result can finish after a newer synchronous design (prepareToPlay): drop it.
        if (result.generation < lastGeneration_)
            return;
        lastGeneration_ = result.generation;
        if (beforePublish_)
            beforePublish_(result, synchronous);
        auto forUi = std::make_shared<const DesignResult>(result);
        slot_.publish(std::make_unique<DesignResult>(std::move(result)));
        std::lock_guard uiLock(mutex_);
        latest_ = std::move(forUi);
    }
    if (onPublished_)
        onPublished_();
}

std::shared_ptr<const DesignResult> DesignWorker::latestForUi() const
{
    std::lock_guard lock(mutex_);
    return latest_;
}

bool DesignWorker::waitUntilIdle(int timeoutMs)
{
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !busy_ && !pending_; });
}

void DesignWorker::run()
{
    for (;;) {
        DesignRequest r;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || pending_.has_value(); });
            if (quit_)
                return;
            r = std::move(*pending_);
            pending_.reset();
            busy_ = true;
        }
        DesignResult result = safeDesign(r);
        bool overtaken;
        {
            std::lock_guard lock(mutex_);
            overtaken = pending_.has_value();
        }
        if (!overtaken)
            publish(std::move(result), false);
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
        }
        idle_.notify_all();
        {
            std::lock_guard lock(publishMutex_);
            slot_.collectGarbage();
        }
    }
}

} // namespace iemeq::plugin
