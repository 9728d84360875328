#include "ProgrammeAnalysis.h"

#include "CorrectionRender.h"

#include <chrono>

namespace iemeq::plugin {

listening::ProgramMatch analyseProgramme(const AudioData& track, const Correction* a, const Correction* b)
{
    // The original is measured as it is; only a corrected side is rendered (one copy each).
    auto side = [&track](const Correction* c) -> std::optional<AudioData> {
        if (c == nullptr)
            return std::nullopt;
        AudioData out = track;
        renderCorrection(out, *c);
        return out;
    };
    const auto ra = side(a), rb = side(b);
    return listening::matchProgramLoudness(rb ? *rb : track, ra ? *ra : track);
}

ProgrammeAnalyser::ProgrammeAnalyser(std::function<void(const ProgrammeNote&)> done)
    : done_(std::move(done)), thread_([this] { run(); })
{
}

ProgrammeAnalyser::~ProgrammeAnalyser()
{
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        pending_.reset();
    }
    wake_.notify_all();
    thread_.join();
}

void ProgrammeAnalyser::request(ProgrammeJob job)
{
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(job);
    }
    wake_.notify_all();
}

bool ProgrammeAnalyser::waitUntilIdle(int timeoutMs)
{
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !busy_ && !pending_; });
}

void ProgrammeAnalyser::run()
{
    for (;;) {
        ProgrammeJob job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || pending_.has_value(); });
            if (quit_)
                return;
            job = std::move(*pending_);
            pending_.reset();
            busy_ = true;
        }
        try {
            if (job.track && !job.track->channels.empty()) {
                const auto m = analyseProgramme(*job.track, job.a.get(), job.b.get());
                // A silent track says nothing about loudness: keep following the live meter.
                if (m.original.measurable() && m.corrected.measurable() && done_)
                    done_(ProgrammeNote { job.tag, job.trackId, m.differenceDb });
            }
        } catch (const std::exception&) {
            // A correction made for another rate (the device changed meanwhile): a newer job follows.
        }
        {
            std::lock_guard lock(mutex_);
            busy_ = false;
        }
        idle_.notify_all();
    }
}

} // namespace iemeq::plugin
