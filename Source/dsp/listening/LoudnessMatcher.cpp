#include "LoudnessMatcher.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace iemeq::listening {

const char* trimmedSideName(TrimmedSide side)
{
    return side == TrimmedSide::Corrected ? "corrected" : "original";
}

std::string MatchGains::describe() const
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s trimmed by %.1f dB", trimmedSideName(side()), trimDb() == 0.0 ? 0.0 : trimDb());
    return buf;
}

MatchGains gainsForDifference(double d)
{
    MatchGains g;
    g.correctedDb = -std::max(d, 0.0);
    g.originalDb = std::min(d, 0.0);
    return g;
}

void LoudnessMatcher::start(double staticDifferenceDb, const Config& config)
{
    config_ = config;
    target_ = std::isfinite(staticDifferenceDb) ? staticDifferenceDb : 0.0;
    measured_ = false;
    gains_ = gainsForDifference(target_);
}

void LoudnessMatcher::retarget(double staticDifferenceDb) noexcept
{
    target_ = std::isfinite(staticDifferenceDb) ? staticDifferenceDb : 0.0;
    measured_ = false;
}

static double towards(double from, double to, double maxStep)
{
    return from + std::clamp(to - from, -maxStep, maxStep);
}

void LoudnessMatcher::update(double measuredDb, bool programmeNow, double programmeSeconds, double dtSeconds,
                             Audible audible) noexcept
{
    if (programmeNow && programmeSeconds >= config_.minProgrammeSeconds && std::isfinite(measuredDb)) {
        target_ = measuredDb;
        measured_ = true;
    }
    const MatchGains want = gainsForDifference(target_);
    const double step = config_.maxSlewDbPerSecond * std::max(0.0, dtSeconds);
    const bool hearCorrected = audible != Audible::Original, hearOriginal = audible != Audible::Corrected;
    gains_.correctedDb = hearCorrected ? towards(gains_.correctedDb, want.correctedDb, step) : want.correctedDb;
    gains_.originalDb = hearOriginal ? towards(gains_.originalDb, want.originalDb, step) : want.originalDb;
}

void LiveLoudnessMatch::prepare(double sampleRate, int numChannels, double staticDifferenceDb)
{
    fs_ = sampleRate;
    channels_ = std::clamp(numChannels, 1, RunningLoudness::kMaxChannels);
    meter_.prepare(sampleRate, channels_);
    matcher_.start(staticDifferenceDb);
    followMeter_ = true;
}

void LiveLoudnessMatch::restart(double staticDifferenceDb) noexcept
{
    meter_.reset();
    matcher_.retarget(staticDifferenceDb);
    followMeter_ = true;
}

void LiveLoudnessMatch::setKnownDifference(double correctedMinusOriginalDb) noexcept
{
    matcher_.retarget(correctedMinusOriginalDb);
    followMeter_ = false;
}

// Multiplies by a gain moving from `fromDb` to `toDb` at a constant dB rate across the block.
static void applyRamp(float* const* ch, int nch, int n, double fromDb, double toDb) noexcept
{
    if (fromDb == 0.0 && toDb == 0.0)
        return;
    double g = std::pow(10.0, fromDb / 20.0);
    const double r = std::pow(10.0, (toDb - fromDb) / (20.0 * n));
    for (int k = 0; k < n; ++k) {
        g *= r;
        for (int c = 0; c < nch; ++c)
            ch[c][k] = static_cast<float>(g * static_cast<double>(ch[c][k]));
    }
}

void LiveLoudnessMatch::process(float* const* corrected, float* const* original, int numChannels, int numSamples) noexcept
{
    if (numSamples <= 0)
        return;
    const int nch = std::min(numChannels, channels_);
    meter_.process(corrected, original, nch, numSamples);
    const MatchGains before = matcher_.gains();
    matcher_.update(meter_.loudnessLufs(0) - meter_.loudnessLufs(1), followMeter_ && meter_.lastHopWasProgramme(), meter_.programSeconds(),
                    numSamples / fs_, audible_);
    const MatchGains after = matcher_.gains();
    applyRamp(corrected, nch, numSamples, before.correctedDb, after.correctedDb);
    applyRamp(original, nch, numSamples, before.originalDb, after.originalDb);
}

} // namespace iemeq::listening
