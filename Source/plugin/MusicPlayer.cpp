#include "MusicPlayer.h"

namespace iemeq::plugin {

MusicPlayer::MusicPlayer()
{
    formats_.registerBasicFormats();
}

MusicPlayer::~MusicPlayer()
{
    if (loader_.joinable())
        loader_.join();
}

void MusicPlayer::load(const juce::File& file, std::function<void(juce::String)> onLoaded)
{
    if (loader_.joinable())
        loader_.join();  // one decode at a time keeps the slot single-producer
    file_ = file;
    name_ = file.getFileNameWithoutExtension();
    loader_ = std::thread([this, file, fs = deviceRate_, cb = std::move(onLoaded)] { decode(file, fs, cb); });
}

void MusicPlayer::setDeviceRate(double fs)
{
    if (fs <= 0 || fs == deviceRate_)
        return;
    deviceRate_ = fs;
    if (file_.existsAsFile())
        load(file_);
}

void MusicPlayer::decode(juce::File file, double fs, std::function<void(juce::String)> onLoaded)
{
    juce::String error;
    std::unique_ptr<juce::AudioFormatReader> reader(formats_.createReaderFor(file));
    if (reader == nullptr) {
        error = "Cannot read " + file.getFileName() + " (not WAV/FLAC/OGG/MP3, or damaged)";
    } else if (reader->lengthInSamples > static_cast<juce::int64>(reader->sampleRate * 60 * 30)) {
        error = file.getFileName() + " is longer than 30 minutes";
    } else {
        const int n = static_cast<int>(reader->lengthInSamples);
        juce::AudioBuffer<float> raw(2, n);
        reader->read(&raw, 0, n, 0, true, reader->numChannels > 1);
        if (reader->numChannels == 1)
            raw.copyFrom(1, 0, raw, 0, 0, n);
        auto audio = std::make_shared<AudioData>();
        audio->sampleRate = fs;
        const double ratio = reader->sampleRate / fs;
        const bool same = std::abs(ratio - 1.0) < 1e-9;
        const int out = same ? n : static_cast<int>(n / ratio);
        audio->channels.assign(2, std::vector<float>(static_cast<std::size_t>(out)));
        for (int c = 0; c < 2; ++c) {
            if (same) {
                std::copy(raw.getReadPointer(c), raw.getReadPointer(c) + n, audio->channels[static_cast<std::size_t>(c)].begin());
            } else {
                juce::WindowedSincInterpolator interp;
                interp.process(ratio, raw.getReadPointer(c), audio->channels[static_cast<std::size_t>(c)].data(), out);
            }
        }
        static std::atomic<std::uint64_t> nextId { 0 };
        auto track = std::make_unique<Track>();
        track->sampleRate = fs;
        track->audio = audio;
        track->id = ++nextId;
        length_.store(out / fs);
        rate_.store(fs);
        {
            std::lock_guard lock(audioMutex_);
            audio_ = audio;
        }
        trackId_.store(track->id);
        slot_.publish(std::move(track));
        hasTrack_.store(true);
    }
    juce::MessageManager::callAsync([onLoaded, error] {
        if (onLoaded)
            onLoaded(error);
    });
}

std::shared_ptr<const AudioData> MusicPlayer::trackAudio() const
{
    std::lock_guard lock(audioMutex_);
    return audio_;
}

void MusicPlayer::seek(double seconds)
{
    seekTo_.store(static_cast<juce::int64>(std::max(0.0, seconds) * rate_.load()));
}

double MusicPlayer::positionSeconds() const
{
    return static_cast<double>(position_.load()) / rate_.load();
}

void MusicPlayer::render(juce::AudioBuffer<float>& buffer) noexcept
{
    blocks_.fetch_add(1, std::memory_order_relaxed);
    if (auto* fresh = slot_.acquireNew()) {
        (void) fresh;
        position_.store(0);
    }
    const Track* t = slot_.current();
    if (t == nullptr)
        return;  // no track: the live input goes through
    const int n = buffer.getNumSamples();
    const auto& left = t->audio->channels[0];
    const auto& right = t->audio->channels[1];
    const int len = static_cast<int>(left.size());
    if (const auto s = seekTo_.exchange(-1); s >= 0)
        position_.store(std::min<juce::int64>(s, len));
    juce::int64 pos = position_.load();
    const float target = playing_.load() ? 1.0f : 0.0f;
    const float step = 1.0f / (0.005f * static_cast<float>(t->sampleRate));  // 5 ms fades
    for (int i = 0; i < n; ++i) {
        gain_ += juce::jlimit(-step, step, target - gain_);
        float l = 0.0f, r = 0.0f;
        if (pos < len && gain_ > 0.0f) {
            l = left[static_cast<std::size_t>(pos)] * gain_;
            r = right[static_cast<std::size_t>(pos)] * gain_;
            ++pos;
        }
        if (pos >= len && looping_.load())
            pos = 0;
        buffer.setSample(0, i, l);
        if (buffer.getNumChannels() > 1)
            buffer.setSample(1, i, r);
    }
    if (pos >= len && !looping_.load())
        playing_.store(false);
    position_.store(pos);
}

} // namespace iemeq::plugin
