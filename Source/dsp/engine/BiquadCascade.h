#pragma once
// Real-time biquad cascade: up to kMaxSections sections, up to 2 channels processed together
// (both channels in the same per-sample loop: two independent recursions the CPU overlaps),
// double-precision state (transposed direct form II), denormals flushed (FTZ/DAZ during
// process() and a state flush per segment). Changing coefficients ramps them linearly over a
// short time so nothing clicks; a linear path between two stable biquads stays stable because
// the (a1, a2) stability triangle is convex. No allocation after construction; audio-thread safe.
#include "../core/Limits.h"
#include "../design/Biquad.h"

#include <array>
#include <cstddef>

namespace iemeq {

class BiquadCascade {
public:
    static constexpr int kMaxSections = kMaxFilters;
    static constexpr int kMaxChannels = 2;

    // Ramp length for coefficient changes, in samples (0 = switch at once).
    void setRampLength(int samples) { rampLength_ = samples < 0 ? 0 : samples; }

    // New target sections for one channel (or both with channel = -1). Sections beyond `count`
    // become pass-through. With `immediately`, no ramp (use after prepare / reset).
    void setSections(const BiquadCoeffs* sections, int count, int channel = -1, bool immediately = false);

    // Linear gain applied after the sections (ramped like the coefficients).
    void setOutputGain(double linear, bool immediately = false);

    void reset();  // clears the filter state (not the coefficients)

    // In-place processing of `numChannels` (1 or 2) channels of `numSamples` samples.
    void process(float* const* channels, int numChannels, int numSamples) noexcept;

    int activeSections() const { return active_; }

private:
    struct Coeffs { double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0; };
    std::array<std::array<Coeffs, kMaxSections>, kMaxChannels> current_ {}, target_ {}, step_ {};
    std::array<std::array<std::array<double, 2>, kMaxSections>, kMaxChannels> state_ {};
    double gain_ = 1.0, gainTarget_ = 1.0, gainStep_ = 0.0;
    int rampLength_ = 1024, rampLeft_ = 0;
    int active_ = 0;

    void startRamp();
    template <bool Ramp, int Channels>
    void run(float* const* channels, int offset, int count) noexcept;
};

} // namespace iemeq
