#include "ComparisonPath.h"

#include "DesignJob.h"

#include <algorithm>
#include <cmath>

namespace iemeq::plugin {

ComparisonPath::ComparisonPath()
{
    for (auto& ch : original_.sections)
        ch.fill(BiquadCoeffs {});
}

void ComparisonPath::prepare(double sampleRate, int maxBlockSize)
{
    maxBlock_ = std::clamp(maxBlockSize, 64, 8192);  // the engine's own chunk size
    for (auto& e : engines_)
        e.prepare(sampleRate, maxBlock_);
    const int ramp = std::max(1, static_cast<int>(sampleRate * 0.03));  // the engine's ramps
    for (auto& d : delays_)
        d.prepare(firTapsFor(sampleRate), ramp);
    for (auto& side : scratch_)
        for (auto& ch : side)
            ch.assign(static_cast<std::size_t>(maxBlock_), 0.0f);
    match_.prepare(sampleRate, 2, 0.0);
    staticDb_ = 0.0;
    known_ = false;
    fade_.prepare(sampleRate);
    original_.sampleRate = sampleRate;
    for (Side s : { Side::A, Side::B })
        setSide(s, nullptr, true);
    engines_[0].setCorrectionOn(true, true);
    engines_[1].setCorrectionOn(true, true);
    hasPending_ = false;
    fade_.reset(Side::A);
}

void ComparisonPath::setSide(Side s, const DesignResult* r, bool immediately) noexcept
{
    const int i = index(s);
    engines_[i].setDesign(r != nullptr ? *r : original_, immediately);
    latency_[i] = r != nullptr && r->fir && !r->firTaps.empty() ? r->latencySamples : 0;
    const int common = latencySamples();
    for (int k = 0; k < 2; ++k)
        delays_[k].setDelay(common - latency_[k], immediately);
}

void ComparisonPath::setOutputGainDb(float db, bool immediately) noexcept
{
    // Inside both engines, so the two sides stay matched whatever the output gain does.
    for (auto& e : engines_)
        e.setOutputGainDb(db, immediately);
}

void ComparisonPath::select(Side s, bool immediately) noexcept
{
    if (immediately) {
        hasPending_ = false;
        fade_.reset(s);
        return;
    }
    // Only ever started between fades, so this object always knows which sides are audible.
    if (fade_.fading()) {
        pending_ = s;
        hasPending_ = true;
    } else {
        fade_.switchTo(s);
    }
}

void ComparisonPath::startMatch(double staticDifferenceDb, double knownDifferenceDb)
{
    known_ = std::isfinite(knownDifferenceDb);
    staticDb_ = staticDifferenceDb;
    knownDb_ = known_ ? knownDifferenceDb : 0.0;
    match_.prepare(engines_[0].preparedRate(), 2, known_ ? knownDb_ : staticDb_);
    if (known_)
        match_.setKnownDifference(knownDb_);
}

void ComparisonPath::restartMatch(double staticDifferenceDb) noexcept
{
    staticDb_ = staticDifferenceDb;
    known_ = false;
    match_.restart(staticDifferenceDb);
}

void ComparisonPath::setKnownDifference(double differenceDb) noexcept
{
    knownDb_ = differenceDb;
    known_ = true;
    match_.setKnownDifference(differenceDb);
}

void ComparisonPath::reset() noexcept
{
    for (auto& e : engines_)
        e.reset();
    for (auto& d : delays_)
        d.reset();
    // The meter may hold what caused the reset (non-finite input): measure again from the start.
    match_.restart(staticDb_);
    if (known_)
        match_.setKnownDifference(knownDb_);
}

void ComparisonPath::process(float* const* io, int nch, int n) noexcept
{
    if (maxBlock_ == 0 || nch <= 0)
        return;
    nch = std::min(nch, 2);
    for (int offset = 0; offset < n; offset += maxBlock_)
        processChunk(io, nch, offset, std::min(maxBlock_, n - offset));
}

void ComparisonPath::processChunk(float* const* io, int nch, int offset, int n) noexcept
{
    if (hasPending_ && !fade_.fading()) {
        hasPending_ = false;
        fade_.switchTo(pending_);
    }
    float* a[2] = { scratch_[0][0].data(), scratch_[0][1].data() };
    float* b[2] = { scratch_[1][0].data(), scratch_[1][1].data() };
    for (int c = 0; c < nch; ++c) {
        std::copy(io[c] + offset, io[c] + offset + n, a[c]);
        std::copy(io[c] + offset, io[c] + offset + n, b[c]);
    }
    engines_[0].process(a, nch, n);
    engines_[1].process(b, nch, n);
    delays_[0].process(a, nch, n);
    delays_[1].process(b, nch, n);
    // A side nobody hears may take its new trim at once; during a fade both are heard.
    using listening::Audible;
    match_.setAudible(fade_.fading() ? Audible::Both : fade_.target() == Side::A ? Audible::Corrected : Audible::Original);
    match_.process(a, b, nch, n);
    float* out[2] = { io[0] + offset, nch > 1 ? io[1] + offset : nullptr };
    fade_.process(a, b, out, nch, n);
}

} // namespace iemeq::plugin
