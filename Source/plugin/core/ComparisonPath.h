#pragma once
// What the plugin plays: two sides, A and B, each a correction or the original, computed side by
// side on the audio thread and switched with the one crossfade every switch goes through.
//
//   out = crossfade( trimA * delayA( engineA(x) ),  trimB * delayB( engineB(x) ) )
//
// Normal use: A is the current correction and B the original (the A/B switch). In a blind test
// A and B are the two things compared (corrected vs original, two presets, parametric vs FIR).
// Nothing may give the answer away, so:
// - both engines always run, through the same code (the original is an engine with no filters);
// - both sides have the same latency: the side with less latency (parametric, minimum phase, the
//   original) is delayed to match a linear-phase FIR side;
// - both sides are equally loud: LiveLoudnessMatch measures them before the trim (BS.1770, live)
//   or is given the programme's difference (the player analysed the track);
// - every switch (also to the side already playing) is the same 20 ms raised-cosine,
//   equal-gain crossfade (SwitchCrossfade); a switch asked for during a fade starts after it.
//
// Threads: prepare() with audio stopped; engine(s).setFirKernel() from one producer per engine
// at a time; everything else on the audio thread, real-time safe (no allocation, lock, FFT plan).
#include "AlignDelay.h"
#include "CorrectionEngine.h"

#include "dsp/listening/LoudnessMatcher.h"
#include "dsp/listening/SwitchCrossfade.h"

namespace iemeq::plugin {

class ComparisonPath {
public:
    using Side = listening::Side;

    ComparisonPath();
    void prepare(double sampleRate, int maxBlockSize);
    double preparedRate() const noexcept { return engines_[0].preparedRate(); }
    CorrectionEngine& engine(Side s) noexcept { return engines_[index(s)]; }

    // Audio thread.
    // What side `s` plays: a correction (its FIR kernel handed to engine(s) first), or the
    // original (nullptr). `immediately`: no ramps (after prepare). Re-aligns the latencies.
    void setSide(Side s, const DesignResult* r, bool immediately) noexcept;
    void setOutputGainDb(float db, bool immediately = false) noexcept;
    // Loudness match: follow the programme from a static estimate of loudness(A) - loudness(B),
    // or hold a difference known from analysing the whole programme.
    // startMatch: with audio stopped, the gains set at once (known: NaN when not known).
    void startMatch(double staticDifferenceDb, double knownDifferenceDb);
    void restartMatch(double staticDifferenceDb) noexcept;
    void setKnownDifference(double differenceDb) noexcept;
    void select(Side s, bool immediately = false) noexcept;
    void process(float* const* io, int numChannels, int numSamples) noexcept;
    void reset() noexcept;  // clears the signal state (filters, delays, the loudness meter)

    // Trims of A ("corrected") and B ("original"), dB <= 0.
    listening::MatchGains gains() const noexcept { return match_.gains(); }
    bool followingMeter() const noexcept { return match_.followingMeter(); }
    int latencySamples() const noexcept { return std::max(latency_[0], latency_[1]); }
    Side selected() const noexcept { return hasPending_ ? pending_ : fade_.target(); }
    bool fading() const noexcept { return fade_.fading() || hasPending_; }
    const listening::SwitchCrossfade& crossfade() const noexcept { return fade_; }
    // The static estimate of a side's loudness change (the design's pink-weighted one; 0: original).
    static double staticLoudnessDb(const DesignResult* r) noexcept { return r != nullptr ? r->loudnessMatchDb : 0.0; }

private:
    static int index(Side s) noexcept { return s == Side::A ? 0 : 1; }
    void processChunk(float* const* io, int nch, int offset, int n) noexcept;

    CorrectionEngine engines_[2];
    AlignDelay delays_[2];
    listening::LiveLoudnessMatch match_;
    listening::SwitchCrossfade fade_;
    DesignResult original_;  // no filters, no gain: the original through the same engine code
    std::vector<float> scratch_[2][2];  // [side][channel]
    int maxBlock_ = 0;
    int latency_[2] = { 0, 0 };
    double staticDb_ = 0.0, knownDb_ = 0.0;
    bool known_ = false;
    Side pending_ = Side::A;
    bool hasPending_ = false;
};

} // namespace iemeq::plugin
