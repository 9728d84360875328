#include "PluginProcessor.h"

#include "dsp/curve/ChannelPair.h"
#include "dsp/core/Error.h"
#include "dsp/io/CurveReader.h"
#include "plugin/core/DesignJob.h"
#include "ui/PluginEditor.h"

#include <cmath>

namespace iemeq::plugin {

IemeqProcessor::IemeqProcessor()
    : AudioProcessor(BusesProperties()
                         .withInput("Input", juce::AudioChannelSet::stereo(), true)
                         .withOutput("Output", juce::AudioChannelSet::stereo(), true)),
      apvts_(*this, nullptr, "iemeq", createParameterLayout()),
      worker_([this] { triggerAsyncUpdate(); }, [this](const DesignResult& r, bool) { handKernel(r); }),
      inputs_(std::make_shared<CorrectionInputs>())
{
    for (const auto& id : designParameterIds())
        apvts_.addParameterListener(id, this);
    correctionParam_ = apvts_.getRawParameterValue(ParamID::correction);
    outputGainParam_ = apvts_.getRawParameterValue(ParamID::outputGain);
    if (wrapperType == wrapperType_Standalone) {
        player_ = std::make_unique<MusicPlayer>();
        // The player knows the whole track: its loudness match comes from analysing it.
        analyser_ = std::make_unique<ProgrammeAnalyser>(
            [this](const ProgrammeNote& note) { noteSlot_.publish(std::make_unique<ProgrammeNote>(note)); });
    }
    // Parameter changes may arrive on the audio thread: they only set a flag, polled here.
    startTimer(15);
}

IemeqProcessor::~IemeqProcessor()
{
    stopTimer();
    cancelPendingUpdate();
    for (const auto& id : designParameterIds())
        apvts_.removeParameterListener(id, this);
}

bool IemeqProcessor::isBusesLayoutSupported(const BusesLayout& layouts) const
{
    const auto out = layouts.getMainOutputChannelSet();
    if (out != juce::AudioChannelSet::mono() && out != juce::AudioChannelSet::stereo())
        return false;
    return layouts.getMainInputChannelSet() == out;
}

DesignSettings IemeqProcessor::currentSettings() const
{
    auto v = [this](const char* id) { return apvts_.getRawParameterValue(id)->load(); };
    DesignSettings s;
    s.amount = v(ParamID::amount) / 100.0;
    s.bassDb = v(ParamID::bass);
    s.tiltDbPerOct = v(ParamID::tilt);
    s.trebleDb = v(ParamID::treble);
    s.earGainDb = v(ParamID::earGain);
    s.autoPreamp = v(ParamID::autoPreamp) > 0.5f;
    s.separateChannels = v(ParamID::channelMode) > 0.5f;
    s.mode = static_cast<int>(v(ParamID::mode));
    return s;
}

void IemeqProcessor::requestDesign(bool synchronous)
{
    const double fs = sampleRate_.load() > 0.0 ? sampleRate_.load() : 48000.0;
    const DesignSettings settings = currentSettings();
    if (!synchronous && inputs_ == requestedInputs_ && settings == requestedSettings_ && fs == requestedRate_)
        return;
    requestedInputs_ = inputs_;
    requestedSettings_ = settings;
    requestedRate_ = fs;
    DesignRequest r { inputs_, settings, fs, ++generation_ };
    if (synchronous)
        worker_.designNow(r);
    else
        worker_.request(std::move(r));
}

void IemeqProcessor::handKernel(const DesignResult& r)
{
    if (!r.fir || r.firTaps.empty())
        return;
    std::lock_guard lock(kernelMutex_);
    if (r.sampleRate != path_.preparedRate())
        return;  // made for another rate; prepareToPlay designs again
    const bool now = preparing_.load();
    if (!now && r.firTaps == handedTaps_ && r.latencySamples == handedLatency_)
        return;  // the same kernel again (a redundant re-design): no crossfade at all
    if (kernelHeld_) {
        // A comparison owns side A's engine: this kernel is handed over when it ends.
        handedTaps_ = r.firTaps;
        handedLatency_ = r.latencySamples;
        return;
    }
    try {
        path_.engine(listening::Side::A).setFirKernel(r.firTaps, r.latencySamples, now);
        handedTaps_ = r.firTaps;
        handedLatency_ = r.latencySamples;
    } catch (const std::exception&) {
        // Too long for this configuration: the design's message already tells the user.
    }
}

void IemeqProcessor::prepareToPlay(double sampleRate, int maximumExpectedSamplesPerBlock)
{
    sampleRate_.store(sampleRate);
    if (player_)
        player_->setDeviceRate(sampleRate);
    {
        std::lock_guard lock(kernelMutex_);
        path_.prepare(sampleRate, maximumExpectedSamplesPerBlock);
        handedTaps_.clear();
        handedLatency_ = -1;
    }
    // Design now, for this rate, so the first block already sounds right (FIR kernels included).
    preparing_.store(true);
    needsRedesign_.store(false);
    requestDesign(true);
    preparing_.store(false);
    if (auto* r = worker_.acquireNew())
        live_ = r->sampleRate == sampleRate ? r : nullptr;
    // The audio thread is stopped: this thread is the consumer of the comparison slot now.
    comparisonSlot_.acquireNew();
    const ComparisonSetup* cs = comparisonSlot_.current();
    comparingAudio_ = cs != nullptr && cs->active && prepareComparison(*cs);
    if (!comparingAudio_) {
        if (live_ != nullptr)
            applyLiveDesign(live_, true);
        paramSide_ = correctionParam_->load() > 0.5f ? listening::Side::A : listening::Side::B;
        path_.select(paramSide_, true);
    }
    path_.setOutputGainDb(outputGainParam_->load(), true);
    trimA_.store(path_.gains().correctedDb);  // what the readout shows before the first block
    trimB_.store(path_.gains().originalDb);
    knownApplied_ = false;
    playingTrack_ = 0;
    setLatencySamples(path_.latencySamples());
}

void IemeqProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    juce::ScopedNoDenormals noDenormals;
    const int n = buffer.getNumSamples();
    const int channels = std::min(buffer.getNumChannels(), 2);
    // First: a host may pass 0 samples with null channel pointers (clearing those is UB).
    if (n <= 0 || channels <= 0)
        return;
    blocks_.fetch_add(1, std::memory_order_relaxed);
    for (int ch = 2; ch < buffer.getNumChannels(); ++ch)
        buffer.clear(ch, 0, n);
    if (player_)
        player_->render(buffer);  // the standalone's music goes through the same correction and A/B
    updateListening(n);
    path_.setOutputGainDb(outputGainParam_->load());
    path_.process(buffer.getArrayOfWritePointers(), channels, n);
    const auto trims = path_.gains();
    trimA_.store(trims.correctedDb, std::memory_order_relaxed);
    trimB_.store(trims.originalDb, std::memory_order_relaxed);
    // Non-finite input must not poison later blocks: clear the filter state and the output.
    for (int ch = 0; ch < channels; ++ch) {
        const float* d = buffer.getReadPointer(ch);
        for (int i = 0; i < n; ++i)
            if (!std::isfinite(d[i])) {
                path_.reset();
                buffer.clear();
                return;
            }
    }
}

void IemeqProcessor::parameterChanged(const juce::String&, float)
{
    // Listeners may fire on the audio thread during automation: only a flag (no message posting,
    // which may lock); the message thread's timer picks it up.
    needsRedesign_.store(true);
}

void IemeqProcessor::timerCallback()
{
    if (needsRedesign_.exchange(false))
        requestDesign(false);
    timerListening();
}

void IemeqProcessor::handleAsyncUpdate()
{
    // Latency changes (linear-phase FIR) are reported from the message thread; during a
    // comparison its own sides set the latency.
    if (const auto d = worker_.latestForUi(); d && !comparing() && d->sampleRate == sampleRate_.load()
                                              && d->latencySamples != getLatencySamples())
        setLatencySamples(d->latencySamples);
    if (onDesignChanged)
        onDesignChanged();
}

bool IemeqProcessor::waitForDesign(int timeoutMs)
{
    if (needsRedesign_.exchange(false))
        requestDesign(false);
    const bool idle = worker_.waitUntilIdle(timeoutMs);
    handleUpdateNowIfNeeded();
    return idle;
}

void IemeqProcessor::setManualFilters(std::optional<std::vector<std::vector<PeqFilter>>> filters)
{
    CorrectionInputs in = *inputs_;
    in.spec.manualFilters = filters.value_or(std::vector<std::vector<PeqFilter>> {});
    setInputs(std::move(in));
}

void IemeqProcessor::setTreblePolicy(TreblePolicy policy)
{
    if (policy == inputs_->spec.peq.treble)
        return;
    CorrectionInputs in = *inputs_;
    in.spec.peq.treble = policy;
    setInputs(std::move(in));
}

void IemeqProcessor::setInputs(CorrectionInputs in)
{
    if (in.spec.measurement.size() > 2)
        throw Error("load one (mono/average) or two (L and R) measurement files, not "
                    + std::to_string(in.spec.measurement.size()));
    inputs_ = std::make_shared<const CorrectionInputs>(std::move(in));
    requestDesign(false);
}

void IemeqProcessor::loadMeasurementFiles(const juce::StringArray& paths)
{
    CorrectionInputs in = *inputs_;
    in.spec.measurement.clear();
    for (const auto& p : paths)
        in.spec.measurement.push_back(readCurveFile(p.toStdString()));
    if (!in.spec.measurement.empty()) {
        in.spec.iemName = iemNameFromChannelName(in.spec.measurement.front().name);
        in.spec.measurementSource = juce::File(paths[0]).getParentDirectory().getFileName().toStdString();
    }
    in.spec.measurementOrigin = {};  // files from disk: no library to credit
    setInputs(std::move(in));
}

void IemeqProcessor::loadTargetFile(const juce::String& path)
{
    CorrectionInputs in = *inputs_;
    in.spec.target = readCurveFile(path.toStdString());
    in.spec.targetName = juce::File(path).getFileNameWithoutExtension().toStdString();
    setInputs(std::move(in));
}

void IemeqProcessor::loadSpec(const CorrectionSpec& spec)
{
    const DesignSettings s = settingsFor(spec);
    auto set = [this](const char* id, float plain) {
        if (auto* p = apvts_.getParameter(id))
            p->setValueNotifyingHost(p->convertTo0to1(plain));
    };
    set(ParamID::amount, static_cast<float>(s.amount * 100.0));
    set(ParamID::bass, static_cast<float>(s.bassDb));
    set(ParamID::tilt, static_cast<float>(s.tiltDbPerOct));
    set(ParamID::treble, static_cast<float>(s.trebleDb));
    set(ParamID::earGain, static_cast<float>(s.earGainDb));
    set(ParamID::autoPreamp, s.autoPreamp ? 1.0f : 0.0f);
    set(ParamID::channelMode, s.separateChannels ? 1.0f : 0.0f);
    set(ParamID::mode, static_cast<float>(s.mode));
    CorrectionInputs in;
    in.spec = spec;
    setInputs(std::move(in));
}

void IemeqProcessor::getStateInformation(juce::MemoryBlock& dest)
{
    PluginStateData s;
    s.inputs = *inputs_;
    for (auto* p : getParameters())
        if (auto* rp = dynamic_cast<juce::RangedAudioParameter*>(p))
            s.parameters[rp->getParameterID().toStdString()] = rp->convertFrom0to1(rp->getValue());
    const std::string json = stateToJson(s);
    dest.replaceAll(json.data(), json.size());
}

void IemeqProcessor::setStateInformation(const void* data, int size)
{
    if (data == nullptr || size <= 0) {
        status_ = "Saved state was empty; kept the current settings.";
        return;
    }
    try {
        const PluginStateData s = stateFromJson(std::string(static_cast<const char*>(data), static_cast<std::size_t>(size)));
        for (const auto& [id, value] : s.parameters)
            if (auto* p = apvts_.getParameter(id))
                p->setValueNotifyingHost(p->convertTo0to1(value));
        inputs_ = std::make_shared<const CorrectionInputs>(s.inputs);
        status_ = {};
        // Design at once so a reopened session sounds right from its first block.
        requestDesign(true);
        needsRedesign_.store(false);
        if (const auto d = worker_.latestForUi())
            setLatencySamples(d->latencySamples);  // hosts restore state on their message thread
    } catch (const std::exception& e) {
        status_ = juce::String("Could not restore the saved state: ") + e.what() + " (kept the current settings)";
    }
}

juce::AudioProcessorEditor* IemeqProcessor::createEditor()
{
    return new iemeq::ui::IemeqEditor(*this);
}

} // namespace iemeq::plugin

juce::AudioProcessor* JUCE_CALLTYPE createPluginFilter()
{
    return new iemeq::plugin::IemeqProcessor();
}
