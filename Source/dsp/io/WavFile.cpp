#include "WavFile.h"

#include "../core/AtomicFile.h"
#include "../core/Error.h"

#include <algorithm>
#include <bit>
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
    std::uint32_t mask = 0;
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
            if (format == 0xFFFE && size >= 26 && avail >= 26) {
                mask = u32(body + 20);
                format = u16(body + 24);  // sub-format GUID starts with the real format tag
            }
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
    out.channelMask = std::popcount(mask) == channels ? mask : 0;
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

std::uint32_t defaultChannelMask(std::size_t channels)
{
    // FL 0x1, FR 0x2, FC 0x4, LFE 0x8, BL 0x10, BR 0x20, BC 0x100, SL 0x200, SR 0x400.
    switch (channels) {
    case 1: return 0x4;
    case 2: return 0x3;
    case 3: return 0x7;
    case 4: return 0x33;
    case 5: return 0x37;
    case 6: return 0x3F;
    case 7: return 0x70F;
    case 8: return 0x63F;
    default: return 0;
    }
}

std::size_t writeWav(const std::string& path, const AudioData& audio, WavSampleFormat format)
{
    const std::size_t channelCount = audio.channels.size();
    if (channelCount == 0)
        throw Error(path + ": nothing to write (no channels)");
    if (channelCount > 64)
        throw Error(path + ": too many channels for a WAV file (" + std::to_string(channelCount) + ")");
    const auto channels = static_cast<std::uint16_t>(channelCount);
    const bool flt = format == WavSampleFormat::Float32;
    const std::uint16_t bits = flt ? 32 : format == WavSampleFormat::Pcm24 ? 24 : 16;
    const std::uint16_t blockAlign = static_cast<std::uint16_t>(channels * (bits / 8));
    const std::size_t frames = audio.numFrames();
    for (const auto& ch : audio.channels)
        if (ch.size() != frames)
            throw Error(path + ": channels of different lengths");
    const std::uint64_t dataBytes64 = static_cast<std::uint64_t>(frames) * blockAlign;
    if (dataBytes64 > 0xFFFFFFFFull - 100 || frames > 0xFFFFFFFFull)
        throw Error(path + ": too long for a WAV file (more than 4 GiB of samples)");
    const auto dataBytes = static_cast<std::uint32_t>(dataBytes64);
    const auto rate = static_cast<std::uint32_t>(std::lround(audio.sampleRate));

    // WAVE_FORMAT_EXTENSIBLE where the format needs it: more than two channels (speaker mask) or
    // PCM wider than 16 bits. Mono/stereo float is plain IEEE float, as every reader expects.
    const bool extensible = channels > 2 || (!flt && bits > 16);
    const bool fact = flt || extensible;  // every format other than plain PCM carries `fact`
    std::uint32_t mask = audio.channelMask;
    if (std::popcount(mask) != channels)
        mask = defaultChannelMask(channels);
    // Extensible float gets 2 zero bytes after the 22-byte extension (cbSize 24, which
    // WAVEFORMATEX allows: readers skip what they do not know). sox 14.4 reads a second cbSize
    // for every non-PCM sub-format and warns on each standard 40-byte extensible float header.
    const std::uint16_t cbSize = flt ? 24 : 22;

    std::string s;
    const std::uint32_t fmtSize = extensible ? 18u + cbSize : flt ? 18 : 16;
    const std::uint32_t riffSize = 4 + (8 + fmtSize) + (fact ? 12 : 0) + 8 + dataBytes + (dataBytes & 1);
    s.reserve(riffSize + 8);
    s += "RIFF"; put32(s, riffSize); s += "WAVE";
    s += "fmt "; put32(s, fmtSize);
    put16(s, extensible ? 0xFFFE : flt ? 3 : 1);
    put16(s, channels);
    put32(s, rate);
    put32(s, rate * blockAlign);
    put16(s, blockAlign);
    put16(s, bits);
    if (extensible) {
        put16(s, cbSize);
        put16(s, bits);  // valid bits per sample
        put32(s, mask);
        // Sub-format GUID {0000000X-0000-0010-8000-00aa00389b71}, X = 1 (PCM) or 3 (float).
        put16(s, flt ? 3 : 1);
        static const unsigned char tail[14] = { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71 };
        s.append(reinterpret_cast<const char*>(tail), sizeof tail);
        s.append(cbSize - 22u, '\0');
    } else if (flt) {
        put16(s, 0);  // cbSize
    }
    if (fact) {
        s += "fact"; put32(s, 4); put32(s, static_cast<std::uint32_t>(frames));
    }
    s += "data"; put32(s, dataBytes);

    std::size_t clipped = 0;
    const double fullScale = bits == 24 ? 8388608.0 : 32768.0;
    for (std::size_t i = 0; i < frames; ++i)
        for (const auto& ch : audio.channels) {
            const float v = ch[i];
            if (flt) {
                char raw[4];
                std::memcpy(raw, &v, 4);
                s.append(raw, 4);
                continue;
            }
            double code = std::round(static_cast<double>(v) * fullScale);
            if (!(code <= fullScale - 1.0) || !(code >= -fullScale)) {  // NaN counts as clipped too
                ++clipped;
                code = code < 0.0 ? -fullScale : std::isnan(code) ? 0.0 : fullScale - 1.0;
            }
            const auto q = static_cast<std::int32_t>(code);
            for (int k = 0; k < bits / 8; ++k)
                s.push_back(static_cast<char>((q >> (8 * k)) & 0xff));
        }
    if (dataBytes & 1)
        s.push_back('\0');  // chunks are word-aligned
    writeFileAtomically(path, s);
    return clipped;
}

} // namespace iemeq
