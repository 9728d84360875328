#include "ImpulseResponseWav.h"

#include "../core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

double writeImpulseResponseWav(const std::string& path, const std::vector<std::vector<double>>& channels, double fs,
                               WavSampleFormat format)
{
    if (channels.empty() || channels.size() > 2)
        throw Error(path + ": an impulse response needs 1 or 2 channels, got " + std::to_string(channels.size()));
    std::size_t frames = 0;
    double peak = 0;
    for (const auto& c : channels) {
        frames = std::max(frames, c.size());
        for (double v : c) {
            if (!std::isfinite(v))
                throw Error(path + ": the impulse response contains a non-finite sample");
            peak = std::max(peak, std::abs(v));
        }
    }
    if (frames == 0)
        throw Error(path + ": the impulse response is empty");
    if (!(fs >= 1000.0 && fs <= 768000.0))
        throw Error(path + ": sample rate " + std::to_string(fs) + " Hz is out of range");
    // Largest 24-bit code is 1 - 2^-23; keep a hair below it so rounding cannot clip.
    const double fullScale24 = 1.0 - 2.0 / 8388608.0;
    const double gain = (format == WavSampleFormat::Pcm24 && peak > fullScale24) ? fullScale24 / peak : 1.0;
    AudioData audio;
    audio.sampleRate = fs;
    for (int ch = 0; ch < 2; ++ch) {
        const auto& src = channels[std::min<std::size_t>(static_cast<std::size_t>(ch), channels.size() - 1)];
        std::vector<float> out(frames, 0.0f);
        for (std::size_t i = 0; i < src.size(); ++i)
            out[i] = static_cast<float>(src[i] * gain);
        audio.channels.push_back(std::move(out));
    }
    writeWav(path, audio, format);
    return 20.0 * std::log10(gain);
}

} // namespace iemeq
