// The WAV headers iemeq writes, byte by byte: IEEE float with its cbSize and `fact` chunk, plain
// PCM for 16-bit mono/stereo, WAVE_FORMAT_EXTENSIBLE with a channel mask for more than two
// channels or PCM wider than 16 bits; and every kind reads back bit-exactly, mask included.
#include "dsp/io/WavFile.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace iemeq;
namespace fs = std::filesystem;

namespace {

std::uint32_t u32(const std::string& b, std::size_t at)
{
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24);
}
std::uint16_t u16(const std::string& b, std::size_t at)
{
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

struct Chunk {
    std::string id;
    std::size_t body = 0;  // offset of the body in the file
    std::uint32_t size = 0;
};

std::vector<Chunk> chunks(const std::string& b)
{
    std::vector<Chunk> out;
    for (std::size_t pos = 12; pos + 8 <= b.size();) {
        out.push_back({ b.substr(pos, 4), pos + 8, u32(b, pos + 4) });
        pos += 8 + out.back().size + (out.back().size & 1);
    }
    return out;
}

// Samples exactly representable in every format (multiples of 2^-15 within +-1).
AudioData testAudio(std::size_t channels, std::size_t frames)
{
    AudioData a;
    a.sampleRate = 44100.0;
    a.channels.assign(channels, std::vector<float>(frames));
    for (std::size_t c = 0; c < channels; ++c)
        for (std::size_t i = 0; i < frames; ++i)
            a.channels[c][i] = static_cast<float>((static_cast<int>((i * 7 + c * 1000) % 60000) - 30000) / 32768.0);
    return a;
}

std::string writeAndRead(const AudioData& a, WavSampleFormat f, const std::string& name)
{
    const std::string path = (fs::temp_directory_path() / name).string();
    writeWav(path, a, f);
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const unsigned char kGuidTail[14] = { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71 };

} // namespace

TEST_CASE("wav: float mono/stereo is IEEE float with cbSize 0 and a fact chunk holding the frame count", "[wav]")
{
    for (std::size_t ch : { 1u, 2u }) {
        const std::string b = writeAndRead(testAudio(ch, 1001), WavSampleFormat::Float32, "iemeq-hdr-float.wav");
        const auto c = chunks(b);
        REQUIRE(c.size() == 3);
        CHECK(u32(b, 4) == b.size() - 8);
        CHECK(c[0].id == "fmt ");
        CHECK(c[0].size == 18);
        CHECK(u16(b, c[0].body) == 3);
        CHECK(u16(b, c[0].body + 2) == ch);
        CHECK(u32(b, c[0].body + 8) == 44100u * 4u * ch);  // bytes per second
        CHECK(u16(b, c[0].body + 12) == 4 * ch);           // block align
        CHECK(u16(b, c[0].body + 14) == 32);
        CHECK(u16(b, c[0].body + 16) == 0);                // cbSize
        CHECK(c[1].id == "fact");
        CHECK(c[1].size == 4);
        CHECK(u32(b, c[1].body) == 1001);
        CHECK(c[2].id == "data");
        CHECK(c[2].size == 1001 * 4 * ch);
        CHECK(c[2].body + c[2].size == b.size());
    }
}

TEST_CASE("wav: 16-bit mono/stereo is plain PCM without fact", "[wav]")
{
    const std::string b = writeAndRead(testAudio(2, 100), WavSampleFormat::Pcm16, "iemeq-hdr-16.wav");
    const auto c = chunks(b);
    REQUIRE(c.size() == 2);
    CHECK(c[0].size == 16);
    CHECK(u16(b, c[0].body) == 1);
    CHECK(u16(b, c[0].body + 14) == 16);
    CHECK(c[1].id == "data");
    CHECK(c[1].size == 100 * 2 * 2);
}

TEST_CASE("wav: 24-bit and more than two channels use WAVE_FORMAT_EXTENSIBLE with a channel mask", "[wav]")
{
    struct Case {
        std::size_t channels;
        WavSampleFormat format;
        std::uint16_t bits, subFormat;
        std::uint32_t mask;
    };
    for (const Case k : { Case { 2, WavSampleFormat::Pcm24, 24, 1, 0x3 }, Case { 1, WavSampleFormat::Pcm24, 24, 1, 0x4 },
                          Case { 6, WavSampleFormat::Float32, 32, 3, 0x3F }, Case { 6, WavSampleFormat::Pcm16, 16, 1, 0x3F },
                          Case { 6, WavSampleFormat::Pcm24, 24, 1, 0x3F }, Case { 4, WavSampleFormat::Float32, 32, 3, 0x33 },
                          Case { 8, WavSampleFormat::Pcm24, 24, 1, 0x63F } }) {
        INFO(k.channels << " channels, " << k.bits << " bits");
        const std::string b = writeAndRead(testAudio(k.channels, 77), k.format, "iemeq-hdr-ext.wav");
        const auto c = chunks(b);
        REQUIRE(c.size() == 3);
        // Float: cbSize 24, two zero bytes after the standard 22 (sox warns on 22, see WavFile.cpp).
        const std::uint16_t cbSize = k.subFormat == 3 ? 24 : 22;
        CHECK(c[0].size == 18u + cbSize);
        CHECK(u16(b, c[0].body) == 0xFFFE);
        CHECK(u16(b, c[0].body + 2) == k.channels);
        CHECK(u16(b, c[0].body + 12) == k.channels * k.bits / 8);
        CHECK(u16(b, c[0].body + 14) == k.bits);
        CHECK(u16(b, c[0].body + 16) == cbSize);
        CHECK(u16(b, c[0].body + 18) == k.bits);  // valid bits
        CHECK(u32(b, c[0].body + 20) == k.mask);
        CHECK(u16(b, c[0].body + 24) == k.subFormat);
        CHECK(std::memcmp(b.data() + c[0].body + 26, kGuidTail, 14) == 0);
        if (cbSize == 24)
            CHECK(u16(b, c[0].body + 40) == 0);
        CHECK(c[1].id == "fact");
        CHECK(u32(b, c[1].body) == 77);
        CHECK(c[2].id == "data");
        CHECK(c[2].size == 77 * k.channels * k.bits / 8);
    }
}

TEST_CASE("wav: every written kind reads back bit-exactly, channel mask included", "[wav]")
{
    const std::string path = (fs::temp_directory_path() / "iemeq-hdr-roundtrip.wav").string();
    for (std::size_t ch : { 1u, 2u, 3u, 6u })
        for (const auto f : { WavSampleFormat::Float32, WavSampleFormat::Pcm24, WavSampleFormat::Pcm16 }) {
            const AudioData a = testAudio(ch, 513);
            writeWav(path, a, f);
            const AudioData r = readWav(path);
            CHECK(r.sampleRate == 44100.0);
            CHECK(r.channels == a.channels);
        }
    // A layout read from an input (5.1 with side surrounds) is written back as it was.
    AudioData side = testAudio(6, 10);
    side.channelMask = 0x60F;
    writeWav(path, side, WavSampleFormat::Float32);
    CHECK(readWav(path).channelMask == 0x60F);
    // A mask that does not match the channel count is not written; the default is.
    side.channelMask = 0x3;
    writeWav(path, side, WavSampleFormat::Float32);
    CHECK(readWav(path).channelMask == 0x3F);
}

TEST_CASE("wav: PCM output saturates at full scale and reports how many samples it clipped", "[wav]")
{
    AudioData a;
    a.channels = { { 0.5f, 1.0f, -1.0f, 1.5f, -2.0f } };
    const std::string path = (fs::temp_directory_path() / "iemeq-hdr-clip.wav").string();
    CHECK(writeWav(path, a, WavSampleFormat::Pcm16) == 3);  // 1.0 does not fit either (max 32767/32768)
    const AudioData r = readWav(path);
    CHECK(r.channels[0][0] == 0.5f);
    CHECK(r.channels[0][1] == 32767.0f / 32768.0f);
    CHECK(r.channels[0][2] == -1.0f);
    CHECK(r.channels[0][3] == 32767.0f / 32768.0f);
    CHECK(r.channels[0][4] == -1.0f);
    CHECK(writeWav(path, a, WavSampleFormat::Float32) == 0);
}
