#pragma once
// The audio path of the plugin: the parametric cascade and the FIR convolver, with every change
// (new design, PEQ <-> FIR, A/B, output gain, linear-phase delay) crossfaded or ramped over
// 30 ms, so automation never clicks.
//
//   out = outGain * ( ab * preamp * wet  +  (1 - ab) * match * dry )
//   wet = (1 - fir) * cascade(x) + fir * convolver(x)      dry = x delayed like the wet path
//
// Threads: prepare() with audio stopped; setFirKernel() from one producer (the design thread)
// at a time; everything else on the audio thread, real-time safe (no allocation, lock, FFT plan).
#include "DesignTypes.h"
#include "dsp/engine/BiquadCascade.h"
#include "dsp/engine/PartitionedConvolver.h"

#include <atomic>
#include <vector>

namespace iemeq::plugin {

class CorrectionEngine {
public:
    void prepare(double sampleRate, int maxBlockSize);
    double preparedRate() const noexcept { return fs_.load(); }

    // Producer: the kernel(s) of an FIR design (one = both channels). `now`: with audio stopped.
    void setFirKernel(const std::vector<std::vector<float>>& taps, int latency, bool now);

    // Audio thread.
    void setDesign(const DesignResult& r, bool immediately) noexcept;
    void setCorrectionOn(bool on, bool immediately = false) noexcept;
    void setOutputGainDb(float db, bool immediately = false) noexcept;
    void process(float* const* channels, int numChannels, int numSamples) noexcept;
    void reset() noexcept;

private:
    struct Ramp {
        double value = 0, target = 0, step = 0;
        int left = 0;
        void set(double t, int len, bool now) noexcept;
        double next() noexcept;
    };
    void processChunk(float* const* io, int nch, int offset, int n) noexcept;

    std::atomic<double> fs_ { 0.0 };
    int maxBlock_ = 0, rampLen_ = 1, mask_ = 0, writePos_ = 0;
    BiquadCascade cascade_;
    PartitionedConvolver conv_;
    std::vector<float> peq_[2], fir_[2], ring_[2];
    Ramp wetGain_, dryGain_, outGain_, ab_, firMix_, delayMix_;
    bool firWanted_ = false, firRunning_ = false, correctionOn_ = true;
    int warmupLeft_ = 0, delayFrom_ = 0, delayTo_ = 0;
    float outDb_ = 0.0f;
};

} // namespace iemeq::plugin
