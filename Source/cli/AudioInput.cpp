#include "AudioInput.h"

#include "dsp/core/Error.h"

#include <FLAC/stream_decoder.h>

#include <cstdio>
#include <fstream>
#include <memory>

namespace iemeq::cli {

AudioData readAudioFile(const std::string& path)
{
    char magic[4] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot open file");
    in.read(magic, 4);
    if (in.gcount() == 4 && std::string(magic, 4) == "fLaC")
        return readFlac(path);
    return readWav(path);
}

namespace {

struct FlacState {
    AudioData audio;
    std::string error;
    unsigned bits = 0;
};

FLAC__StreamDecoderWriteStatus onWrite(const FLAC__StreamDecoder*, const FLAC__Frame* frame, const FLAC__int32* const buffer[],
                                       void* user)
{
    auto& s = *static_cast<FlacState*>(user);
    const unsigned ch = frame->header.channels;
    if (s.audio.channels.empty())
        s.audio.channels.resize(ch);
    if (s.audio.channels.size() != ch || s.bits == 0) {
        s.error = "channel count or bit depth changes inside the stream";
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    const double scale = 1.0 / static_cast<double>(1u << (s.bits - 1));
    for (unsigned c = 0; c < ch; ++c)
        for (unsigned i = 0; i < frame->header.blocksize; ++i)
            s.audio.channels[c].push_back(static_cast<float>(buffer[c][i] * scale));
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

void onMetadata(const FLAC__StreamDecoder*, const FLAC__StreamMetadata* m, void* user)
{
    auto& s = *static_cast<FlacState*>(user);
    if (m->type == FLAC__METADATA_TYPE_STREAMINFO) {
        s.audio.sampleRate = m->data.stream_info.sample_rate;
        s.bits = m->data.stream_info.bits_per_sample;
        for (auto& c : s.audio.channels)
            c.reserve(static_cast<std::size_t>(m->data.stream_info.total_samples));
    }
}

void onError(const FLAC__StreamDecoder*, FLAC__StreamDecoderErrorStatus status, void* user)
{
    static_cast<FlacState*>(user)->error = FLAC__StreamDecoderErrorStatusString[status];
}

} // namespace

AudioData readFlac(const std::string& path)
{
    std::unique_ptr<FLAC__StreamDecoder, void (*)(FLAC__StreamDecoder*)> dec(FLAC__stream_decoder_new(), FLAC__stream_decoder_delete);
    if (!dec)
        throw Error(path + ": out of memory for the FLAC decoder");
    FlacState state;
    if (FLAC__stream_decoder_init_file(dec.get(), path.c_str(), onWrite, onMetadata, onError, &state)
        != FLAC__STREAM_DECODER_INIT_STATUS_OK)
        throw Error(path + ": cannot open FLAC file");
    const bool ok = FLAC__stream_decoder_process_until_end_of_stream(dec.get());
    FLAC__stream_decoder_finish(dec.get());
    if (!ok || !state.error.empty())
        throw Error(path + ": FLAC decoding failed (" + (state.error.empty() ? "corrupt stream" : state.error) + ")");
    if (state.audio.numFrames() == 0)
        throw Error(path + ": FLAC file holds no audio");
    return state.audio;
}

} // namespace iemeq::cli
