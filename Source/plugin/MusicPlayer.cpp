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
        auto track = std::make_unique<Track>();
        track->sampleRate = fs;
        const double ratio = reader->sampleRate / fs;
        if (std::abs(ratio - 1.0) < 1e-9) {
            track->audio = std::move(raw);
        } else {
            const int out = static_cast<int>(n / ratio);
            track->audio.setSize(2, out);
            for (int c = 0; c < 2; ++c) {
                juce::WindowedSincInterpolator interp;
                interp.process(ratio, raw.getReadPointer(c), track->audio.getWritePointer(c), out);
            }
        }
        length_.store(track->audio.getNumSamples() / fs);
        rate_.store(fs);
        slot_.publish(std::move(track));
        hasTrack_.store(true);
    }
    juce::MessageManager::callAsync([onLoaded, error] {
        if (onLoaded)
            onLoaded(error);
    });
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
    if (auto* fresh = slot_.acquireNew()) {
        (void) fresh;
        position_.store(0);
    }
    const Track* t = slot_.current();
    if (t == nullptr)
        return;  // no track: the live input goes through
    const int n = buffer.getNumSamples();
    const int len = t->audio.getNumSamples();
    if (const auto s = seekTo_.exchange(-1); s >= 0)
        position_.store(std::min<juce::int64>(s, len));
    juce::int64 pos = position_.load();
    const float target = playing_.load() ? 1.0f : 0.0f;
    const float step = 1.0f / (0.005f * static_cast<float>(t->sampleRate));  // 5 ms fades
    for (int i = 0; i < n; ++i) {
        gain_ += juce::jlimit(-step, step, target - gain_);
        float l = 0.0f, r = 0.0f;
        if (pos < len && gain_ > 0.0f) {
            l = t->audio.getSample(0, static_cast<int>(pos)) * gain_;
            r = t->audio.getSample(1, static_cast<int>(pos)) * gain_;
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
