#include "WavFile.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

namespace iemeq {

namespace {

std::uint32_t u32(const unsigned char* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24); }
std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

void put32(std::string& s, std::uint32_t v) { for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff)); }
void put16(std::string& s, std::uint16_t v) { s.push_back(static_cast<char>(v & 0xff)); s.push_back(static_cast<char>(v >> 8)); }

} // namespace

AudioData readWav(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open file");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    if (bytes.size() < 12 || std::memcmp(b, "RIFF", 4) || std::memcmp(b + 8, "WAVE", 4))
        throw Error(path + ": not a RIFF/WAVE file");
    int format = 0, channels = 0, bits = 0;
    double rate = 0;
    const unsigned char* data = nullptr;
    std::size_t dataSize = 0;
    for (std::size_t pos = 12; pos + 8 <= bytes.size();) {
        const std::uint32_t size = u32(b + pos + 4);
        const unsigned char* body = b + pos + 8;
        const std::size_t avail = bytes.size() - (pos + 8);
        if (!std::memcmp(b + pos, "fmt ", 4)) {
            if (size < 16 || avail < 16)
                throw Error(path + ": truncated fmt chunk");
            format = u16(body);
            channels = u16(body + 2);
            rate = u32(body + 4);
            bits = u16(body + 14);
            if (format == 0xFFFE && size >= 26 && avail >= 26)
                format = u16(body + 24);  // sub-format GUID starts with the real format tag
        } else if (!std::memcmp(b + pos, "data", 4)) {
            data = body;
            dataSize = std::min<std::size_t>(size, avail);
        }
        pos += 8 + size + (size & 1);
    }
    if (!data || channels <= 0 || channels > 64 || rate <= 0)
        throw Error(path + ": missing or invalid fmt/data chunk");
    const bool isFloat = format == 3;
    if (!((format == 1 && (bits == 16 || bits == 24 || bits == 32)) || (isFloat && (bits == 32 || bits == 64))))
        throw Error(path + ": unsupported WAV sample format (tag " + std::to_string(format) + ", " + std::to_string(bits) + " bits)");
    const std::size_t bps = static_cast<std::size_t>(bits / 8);
    const std::size_t frames = dataSize / (bps * static_cast<std::size_t>(channels));
    AudioData out;
    out.sampleRate = rate;
    out.channels.assign(static_cast<std::size_t>(channels), std::vector<float>(frames));
    for (std::size_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c) {
            const unsigned char* p = data + (i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)) * bps;
            float v = 0.0f;
            if (isFloat && bits == 32) { float f; std::memcpy(&f, p, 4); v = f; }
            else if (isFloat) { double d; std::memcpy(&d, p, 8); v = static_cast<float>(d); }
            else if (bits == 16) v = static_cast<float>(static_cast<std::int16_t>(u16(p)) / 32768.0);
            else if (bits == 24) {
                std::int32_t s = p[0] | (p[1] << 8) | (p[2] << 16);
                if (s & 0x800000) s -= 0x1000000;
                v = static_cast<float>(s / 8388608.0);
            } else v = static_cast<float>(static_cast<std::int32_t>(u32(p)) / 2147483648.0);
            out.channels[static_cast<std::size_t>(c)][i] = v;
        }
    return out;
}

void writeWav(const std::string& path, const AudioData& audio, WavSampleFormat format)
{
    const auto channels = static_cast<std::uint16_t>(audio.channels.size());
    if (channels == 0)
        throw Error(path + ": nothing to write (no channels)");
    const bool flt = format == WavSampleFormat::Float32;
    const std::uint16_t bits = flt ? 32 : 24;
    const std::size_t frames = audio.numFrames();
    const std::uint32_t dataBytes = static_cast<std::uint32_t>(frames * channels * (bits / 8));
    std::string s;
    s.reserve(44 + dataBytes);
    s += "RIFF"; put32(s, 36 + dataBytes); s += "WAVE";
    s += "fmt "; put32(s, 16); put16(s, flt ? 3 : 1); put16(s, channels);
    put32(s, static_cast<std::uint32_t>(std::lround(audio.sampleRate)));
    put32(s, static_cast<std::uint32_t>(std::lround(audio.sampleRate)) * channels * (bits / 8));
    put16(s, static_cast<std::uint16_t>(channels * (bits / 8))); put16(s, bits);
    s += "data"; put32(s, dataBytes);
    for (std::size_t i = 0; i < frames; ++i)
        for (const auto& ch : audio.channels) {
            const float v = ch[i];
            if (flt) {
                char raw[4];
                std::memcpy(raw, &v, 4);
                s.append(raw, 4);
            } else {
                const double c = std::clamp(static_cast<double>(v), -1.0, 1.0 - 1.0 / 8388608.0);
                const auto q = static_cast<std::int32_t>(std::lround(c * 8388608.0));
                for (int k = 0; k < 3; ++k) s.push_back(static_cast<char>((q >> (8 * k)) & 0xff));
            }
        }
    writeFileAtomically(path, s);
}

} // namespace iemeq
