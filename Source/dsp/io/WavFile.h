#pragma once
// RIFF/WAVE reading (PCM 16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE) and writing
// (32-bit float or 24-bit PCM), without JUCE, so the CLI and tests stay light.
#include <string>
#include <vector>

namespace iemeq {

struct AudioData {
    double sampleRate = 48000.0;
    std::vector<std::vector<float>> channels;  // channels[c][i]
    std::size_t numFrames() const { return channels.empty() ? 0 : channels[0].size(); }
};

enum class WavSampleFormat { Float32, Pcm24 };

AudioData readWav(const std::string& path);
void writeWav(const std::string& path, const AudioData& audio, WavSampleFormat format = WavSampleFormat::Float32);

} // namespace iemeq
