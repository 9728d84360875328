#pragma once
// The standalone app's music player: a track is decoded (WAV/FLAC/OGG/MP3) and resampled to the
// device rate on a background thread, then handed to the audio thread lock-free; the audio
// thread only copies samples (no disk, no lock, no allocation) and plays them through the same
// correction and A/B as any input.
#include "dsp/io/WavFile.h"
#include "dsp/rt/LatestSlot.h"

#include <juce_audio_formats/juce_audio_formats.h>
#include <juce_events/juce_events.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace iemeq::plugin {

class MusicPlayer {
public:
    MusicPlayer();
    ~MusicPlayer();

    // Message thread. Decoding runs in the background; `onLoaded(error)` comes back on the message thread.
    void load(const juce::File& file, std::function<void(juce::String error)> onLoaded = {});
    void setDeviceRate(double fs);  // re-decodes the current file if the rate changed
    void setPlaying(bool p) { playing_.store(p); }
    bool isPlaying() const { return playing_.load(); }
    void setLooping(bool l) { looping_.store(l); }
    bool isLooping() const { return looping_.load(); }
    void seek(double seconds);
    double positionSeconds() const;
    double lengthSeconds() const { return length_.load(); }
    bool hasTrack() const { return hasTrack_.load(); }
    juce::String trackName() const { return name_; }
    // The decoded track at the device rate (for the loudness analysis) and its id (new per decode; 0: none).
    std::shared_ptr<const AudioData> trackAudio() const;
    std::uint64_t trackId() const { return trackId_.load(); }
    // How many blocks the audio thread has asked for: stands still when no device plays.
    std::uint64_t blocksRendered() const { return blocks_.load(std::memory_order_relaxed); }
    static juce::String wildcard() { return "*.wav;*.flac;*.ogg;*.mp3;*.aif;*.aiff"; }

    // Audio thread: with a track loaded, replaces the buffer's content (silence while paused).
    void render(juce::AudioBuffer<float>& buffer) noexcept;
    // Audio thread: the id of the track render() plays from (0: none yet).
    std::uint64_t playingTrackId() const noexcept { return slot_.current() != nullptr ? slot_.current()->id : 0; }

private:
    struct Track {
        std::shared_ptr<const AudioData> audio;  // 2 channels at the device rate (shared with the analysis)
        double sampleRate = 0;
        std::uint64_t id = 0;
    };
    void decode(juce::File file, double fs, std::function<void(juce::String)> onLoaded);

    juce::AudioFormatManager formats_;
    rt::LatestSlot<Track> slot_;
    std::thread loader_;
    juce::File file_;
    juce::String name_;
    double deviceRate_ = 48000.0;
    std::atomic<bool> playing_ { false }, looping_ { true }, hasTrack_ { false };
    std::atomic<double> length_ { 0.0 }, rate_ { 48000.0 };
    std::atomic<juce::int64> position_ { 0 }, seekTo_ { -1 };
    std::atomic<std::uint64_t> trackId_ { 0 }, blocks_ { 0 };
    mutable std::mutex audioMutex_;  // guards audio_ (message and loader threads, never audio)
    std::shared_ptr<const AudioData> audio_;
    float gain_ = 0.0f;  // audio thread: short fades on play/pause
};

} // namespace iemeq::plugin
