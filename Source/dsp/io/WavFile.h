#pragma once
// RIFF/WAVE reading (PCM 16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE) and writing
// (32-bit float, 24-bit or 16-bit PCM), without JUCE, so the CLI and tests stay light.
//
// Written headers follow the WAVE spec as readers check it (sox, libsndfile, Windows): IEEE float
// has an 18-byte fmt (cbSize 0) and a `fact` chunk; more than two channels or more than 16 bits
// use WAVE_FORMAT_EXTENSIBLE with a channel mask (and `fact`); 16-bit mono/stereo is plain PCM.
#include <cstdint>
#include <string>
#include <vector>

namespace iemeq {

struct AudioData {
    double sampleRate = 48000.0;
    std::vector<std::vector<float>> channels;  // channels[c][i]
    // Speaker positions (WAVE_FORMAT_EXTENSIBLE dwChannelMask) as read; 0 = unknown. Written when
    // it names as many speakers as there are channels, else the usual layout for the count.
    std::uint32_t channelMask = 0;
    std::size_t numFrames() const { return channels.empty() ? 0 : channels[0].size(); }
};

enum class WavSampleFormat { Float32, Pcm24, Pcm16 };

AudioData readWav(const std::string& path);

// Writes atomically. PCM formats round to the nearest code and saturate at full scale (no
// dither); returns how many samples did not fit and were clipped (always 0 for float).
std::size_t writeWav(const std::string& path, const AudioData& audio, WavSampleFormat format = WavSampleFormat::Float32);

// The usual speaker layout for a channel count (mono centre, stereo, quad, 5.0, 5.1, 6.1, 7.1);
// 0 (no assignment) for other counts.
std::uint32_t defaultChannelMask(std::size_t channels);

} // namespace iemeq
