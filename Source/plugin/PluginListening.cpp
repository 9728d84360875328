// The processor's listening side: normal A/B and blind comparisons on the audio thread (both
// sides always running, equally loud, equally late, switched with the one crossfade), and the
// standalone player's loudness analysis of the whole track.
#include "PluginProcessor.h"

#include "dsp/core/Error.h"
#include "plugin/core/DesignJob.h"

#include <cmath>
#include <limits>

namespace iemeq::plugin {

using listening::Side;

namespace {

// Comparisons are named apart from design generations (the worker counts those from 1).
constexpr std::uint64_t kComparisonTag = std::uint64_t { 1 } << 63;

int sideLatency(const DesignResult* r)
{
    return r != nullptr && r->fir && !r->firTaps.empty() ? r->latencySamples : 0;
}

} // namespace

listening::MatchGains IemeqProcessor::matchGains() const
{
    listening::MatchGains g;
    g.correctedDb = trimA_.load(std::memory_order_relaxed);
    g.originalDb = trimB_.load(std::memory_order_relaxed);
    return g;
}

std::shared_ptr<const DesignResult> IemeqProcessor::designForComparison(const CorrectionSpec& spec) const
{
    const double fs = sampleRate_.load() > 0.0 ? sampleRate_.load() : 48000.0;
    auto designed = std::make_shared<const CorrectionSpec>(spec);
    auto correction = std::make_shared<const Correction>(designCorrection(*designed, fs));
    auto r = std::make_shared<DesignResult>(realise(*correction));
    r->spec = std::move(designed);
    r->correction = std::move(correction);
    return r;
}

void IemeqProcessor::startComparison(std::shared_ptr<const DesignResult> a, std::shared_ptr<const DesignResult> b)
{
    const double fs = path_.preparedRate();
    if (fs <= 0.0)
        throw Error("no audio is running: open an audio output before starting a blind test");
    for (const auto& d : { a, b })
        if (d && d->sampleRate != fs)
            throw Error("a compared correction was designed for " + std::to_string(static_cast<int>(d->sampleRate))
                        + " Hz but the audio runs at " + std::to_string(static_cast<int>(fs)) + " Hz; start the test again");
    auto setup = std::make_shared<ComparisonSetup>();
    setup->active = true;
    setup->tag = kComparisonTag | ++comparisons_;
    setup->a = std::move(a);
    setup->b = std::move(b);
    std::size_t taps = 0;
    for (const auto* d : { setup->a.get(), setup->b.get() })
        if (d != nullptr && d->fir && !d->firTaps.empty())
            taps = std::max(taps, d->firTaps.front().size());
    // FIR warm-up (the engine lets a new kernel hear its length of input first), ramps and a fade.
    setup->settleSamples = static_cast<int>(taps) + static_cast<int>(0.1 * fs);
    {
        std::lock_guard lock(kernelMutex_);
        kernelHeld_ = true;
        try {
            for (Side s : { Side::A, Side::B })
                if (const auto* d = (s == Side::A ? setup->a : setup->b).get(); d != nullptr && d->fir && !d->firTaps.empty())
                    path_.engine(s).setFirKernel(d->firTaps, d->latencySamples, false);
        } catch (...) {
            kernelHeld_ = false;
            if (!handedTaps_.empty())
                path_.engine(Side::A).setFirKernel(handedTaps_, handedLatency_, false);
            throw;
        }
    }
    comparison_ = setup;
    settled_.store(false);
    playSide(Side::A);
    comparisonSlot_.publish(std::make_unique<ComparisonSetup>(*setup));
    setLatencySamples(std::max(sideLatency(setup->a.get()), sideLatency(setup->b.get())));
    requestProgrammeAnalysis();
}

void IemeqProcessor::stopComparison()
{
    if (!comparison_)
        return;
    {
        std::lock_guard lock(kernelMutex_);
        kernelHeld_ = false;
        // Side A's engine goes back to the current correction's kernel (kept while held).
        if (!handedTaps_.empty())
            path_.engine(Side::A).setFirKernel(handedTaps_, handedLatency_, false);
    }
    comparison_.reset();
    settled_.store(false);
    comparisonSlot_.publish(std::make_unique<ComparisonSetup>());
    if (const auto d = worker_.latestForUi(); d && d->sampleRate == sampleRate_.load())
        setLatencySamples(sideLatency(d.get()));
    requestProgrammeAnalysis();
}

void IemeqProcessor::playSide(Side s)
{
    const std::uint32_t switches = (blindSelection_.load() >> 1) + 1;
    blindSelection_.store((switches << 1) | (s == Side::B ? 1u : 0u), std::memory_order_release);
}

bool IemeqProcessor::waitForProgrammeAnalysis(int timeoutMs)
{
    requestProgrammeAnalysis();
    return analyser_ == nullptr || analyser_->waitUntilIdle(timeoutMs);
}

void IemeqProcessor::requestProgrammeAnalysis()
{
    if (!player_ || !analyser_)
        return;
    const auto track = player_->trackAudio();
    const std::uint64_t trackId = player_->trackId();
    if (!track || trackId == 0)
        return;
    ProgrammeJob job;
    job.track = track;
    job.trackId = trackId;
    if (comparison_) {
        job.tag = comparison_->tag;
        job.a = comparison_->a ? comparison_->a->correction : nullptr;
        job.b = comparison_->b ? comparison_->b->correction : nullptr;
    } else {
        const auto d = worker_.latestForUi();
        if (!d || !d->correction)
            return;  // nothing designed: both sides are the original
        job.tag = d->generation;
        job.a = d->correction;
    }
    for (const auto& c : { job.a, job.b })
        if (c && c->fs != track->sampleRate)
            return;  // the track is being decoded again for a new device rate; asked again then
    if (job.tag == analysedTag_ && trackId == analysedTrack_)
        return;
    analysedTag_ = job.tag;
    analysedTrack_ = trackId;
    analyser_->request(std::move(job));
}

void IemeqProcessor::timerListening()
{
    // The device's rate changed under a comparison: its corrections no longer fit, so it ends
    // (the audio thread went back to normal A/B in prepareToPlay; the panel says so).
    if (comparison_)
        for (const auto* d : { comparison_->a.get(), comparison_->b.get() })
            if (d != nullptr && d->sampleRate != sampleRate_.load()) {
                stopComparison();
                status_ = "The sample rate changed, so the blind test was stopped.";
                break;
            }
    // New track, new design or comparison: analyse once per pair (requestProgrammeAnalysis dedupes).
    requestProgrammeAnalysis();
}

// ---- audio thread -------------------------------------------------------------------------

void IemeqProcessor::applyLiveDesign(const DesignResult* r, bool immediately) noexcept
{
    path_.setSide(Side::A, r, immediately);
    path_.setSide(Side::B, nullptr, immediately);
    staticDb_ = ComparisonPath::staticLoudnessDb(r);
    matchTag_ = r->generation;
    knownApplied_ = false;
    if (immediately)
        path_.startMatch(staticDb_, std::numeric_limits<double>::quiet_NaN());
    else
        path_.restartMatch(staticDb_);
}

bool IemeqProcessor::prepareComparison(const ComparisonSetup& cs)
{
    const double fs = path_.preparedRate();
    for (const auto* d : { cs.a.get(), cs.b.get() })
        if (d != nullptr && d->sampleRate != fs)
            return false;  // designed for the old rate: back to normal (the panel sees comparing() and the rate)
    {
        std::lock_guard lock(kernelMutex_);
        for (Side s : { Side::A, Side::B })
            if (const auto* d = (s == Side::A ? cs.a : cs.b).get(); d != nullptr && d->fir && !d->firTaps.empty())
                path_.engine(s).setFirKernel(d->firTaps, d->latencySamples, true);
    }
    path_.setSide(Side::A, cs.a.get(), true);
    path_.setSide(Side::B, cs.b.get(), true);
    staticDb_ = ComparisonPath::staticLoudnessDb(cs.a.get()) - ComparisonPath::staticLoudnessDb(cs.b.get());
    matchTag_ = cs.tag;
    path_.startMatch(staticDb_, std::numeric_limits<double>::quiet_NaN());
    lastSelection_ = blindSelection_.load();
    path_.select((lastSelection_ & 1u) != 0 ? Side::B : Side::A, true);
    settleLeft_ = 0;
    settled_.store(true);
    return true;
}

void IemeqProcessor::updateListening(int n) noexcept
{
    if (auto* fresh = worker_.acquireNew()) {
        // A result for an outdated rate is never applied (its sections would be wrong).
        if (fresh->sampleRate == sampleRate_.load()) {
            live_ = fresh;
            if (!comparingAudio_)
                applyLiveDesign(fresh, false);
        } else {
            live_ = nullptr;
            needsRedesign_.store(true);
        }
    }
    if (const ComparisonSetup* setup = comparisonSlot_.acquireNew()) {
        comparingAudio_ = setup->active;
        if (setup->active) {
            path_.setSide(Side::A, setup->a.get(), false);
            path_.setSide(Side::B, setup->b.get(), false);
            staticDb_ = ComparisonPath::staticLoudnessDb(setup->a.get()) - ComparisonPath::staticLoudnessDb(setup->b.get());
            matchTag_ = setup->tag;
            knownApplied_ = false;
            path_.restartMatch(staticDb_);
            settleLeft_ = setup->settleSamples;
            lastSelection_ = ~blindSelection_.load();  // play the session's side now
        } else {
            if (live_ != nullptr)
                applyLiveDesign(live_, false);
            else
                path_.setSide(Side::B, nullptr, false);
            paramSide_ = correctionParam_->load() > 0.5f ? Side::A : Side::B;
            path_.select(paramSide_);
        }
    }
    if (comparingAudio_) {
        // The message thread's session says which side X (or "1"/"2") is; only that reaches here.
        if (const std::uint32_t sel = blindSelection_.load(std::memory_order_acquire); sel != lastSelection_) {
            lastSelection_ = sel;
            path_.select((sel & 1u) != 0 ? Side::B : Side::A);
        }
        if (settleLeft_ > 0) {
            settleLeft_ -= n;
            if (settleLeft_ <= 0)
                settled_.store(true);
        }
    } else if (const Side want = correctionParam_->load() > 0.5f ? Side::A : Side::B; want != paramSide_) {
        paramSide_ = want;
        path_.select(want);
    }
    // The player's analysis of the whole track, when it is about this track and these sides.
    noteSlot_.acquireNew();
    const std::uint64_t track = player_ ? player_->playingTrackId() : 0;
    if (track != playingTrack_) {
        playingTrack_ = track;
        if (knownApplied_)
            path_.restartMatch(staticDb_);
        knownApplied_ = false;
    }
    if (!knownApplied_ && track != 0)
        if (const ProgrammeNote* note = noteSlot_.current(); note != nullptr && note->trackId == track && note->tag == matchTag_) {
            path_.setKnownDifference(note->differenceDb);
            knownApplied_ = true;
        }
    matchKnown_.store(knownApplied_, std::memory_order_relaxed);
}

} // namespace iemeq::plugin
