#include "PluginProcessor.h"

#include "dsp/core/Error.h"
#include "dsp/io/CurveReader.h"
#include "ui/PluginEditor.h"

#include <cmath>

namespace iemeq::plugin {

IemeqProcessor::IemeqProcessor()
    : AudioProcessor(BusesProperties()
                         .withInput("Input", juce::AudioChannelSet::stereo(), true)
                         .withOutput("Output", juce::AudioChannelSet::stereo(), true)),
      apvts_(*this, nullptr, "iemeq", createParameterLayout()),
      worker_([this] { triggerAsyncUpdate(); }),
      inputs_(std::make_shared<CorrectionInputs>())
{
    for (const auto& id : designParameterIds())
        apvts_.addParameterListener(id, this);
    correctionParam_ = apvts_.getRawParameterValue(ParamID::correction);
    outputGainParam_ = apvts_.getRawParameterValue(ParamID::outputGain);
    cascade_.setRampLength(2048);
}

IemeqProcessor::~IemeqProcessor()
{
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
    const double fs = sampleRate_.load();
    DesignRequest r { inputs_, currentSettings(), fs > 0.0 ? fs : 48000.0, ++generation_ };
    if (synchronous)
        worker_.designNow(r);
    else
        worker_.request(std::move(r));
}

void IemeqProcessor::prepareToPlay(double sampleRate, int)
{
    const bool rateChanged = sampleRate != sampleRate_.load();
    sampleRate_.store(sampleRate);
    cascade_.setRampLength(static_cast<int>(sampleRate * 0.03));  // 30 ms: no clicks, still snappy
    cascade_.reset();
    // The sections depend on the sample rate: design now, so the first block already sounds right.
    if (rateChanged || active_ == nullptr)
        requestDesign(true);
    if (auto* r = worker_.acquireNew())
        active_ = r;
    if (active_ != nullptr)
        applyDesignToEngine(*active_, true);
}

void IemeqProcessor::applyDesignToEngine(const DesignResult& r, bool immediately) noexcept
{
    const bool on = correctionParam_->load() > 0.5f;
    const float outDb = outputGainParam_->load();
    static const std::array<BiquadCoeffs, BiquadCascade::kMaxSections> identity {};
    for (int ch = 0; ch < 2; ++ch)
        cascade_.setSections(on ? r.sections[static_cast<std::size_t>(ch)].data() : identity.data(),
                             on ? r.numSections : 0, ch, immediately);
    // Bypass gets the loudness of the corrected path, so A/B compares tone, not level.
    const double gainDb = (on ? r.preampDb : r.loudnessMatchDb) + outDb;
    cascade_.setOutputGain(std::pow(10.0, gainDb / 20.0), immediately);
    lastCorrectionOn_ = on;
    lastOutputGainDb_ = outDb;
}

void IemeqProcessor::processBlock(juce::AudioBuffer<float>& buffer, juce::MidiBuffer&)
{
    juce::ScopedNoDenormals noDenormals;
    const int n = buffer.getNumSamples();
    const int channels = std::min(buffer.getNumChannels(), 2);
    if (n <= 0 || channels <= 0)
        return;
    if (auto* fresh = worker_.acquireNew()) {
        // active_ must always be the slot's current object (older ones get freed by the worker).
        // A result for an outdated rate is replaced by prepareToPlay's synchronous design.
        active_ = fresh;
        applyDesignToEngine(*fresh, false);
    } else if (active_ != nullptr && ((correctionParam_->load() > 0.5f) != lastCorrectionOn_
                                      || outputGainParam_->load() != lastOutputGainDb_)) {
        applyDesignToEngine(*active_, false);
    }
    cascade_.process(buffer.getArrayOfWritePointers(), channels, n);
    // Non-finite input must not poison later blocks: clear the filter state and the output.
    for (int ch = 0; ch < channels; ++ch) {
        const float* d = buffer.getReadPointer(ch);
        for (int i = 0; i < n; ++i)
            if (!std::isfinite(d[i])) {
                cascade_.reset();
                buffer.clear();
                return;
            }
    }
}

void IemeqProcessor::parameterChanged(const juce::String&, float)
{
    // Listeners may fire on the audio thread during automation: never design here, just
    // hop to the message thread.
    needsRedesign_.store(true);
    triggerAsyncUpdate();
}

void IemeqProcessor::handleAsyncUpdate()
{
    if (needsRedesign_.exchange(false))
        requestDesign(false);
    if (onDesignChanged)
        onDesignChanged();
}

void IemeqProcessor::setInputs(CorrectionInputs in)
{
    if (in.measurement.size() > 2)
        throw Error("load one (mono/average) or two (L and R) measurement files, not " + std::to_string(in.measurement.size()));
    inputs_ = std::make_shared<const CorrectionInputs>(std::move(in));
    requestDesign(false);
}

void IemeqProcessor::loadMeasurementFiles(const juce::StringArray& paths)
{
    CorrectionInputs in = *inputs_;
    in.measurement.clear();
    for (const auto& p : paths)
        in.measurement.push_back(readCurveFile(p.toStdString()));
    if (!in.measurement.empty())
        in.iemName = in.measurement.front().name;
    setInputs(std::move(in));
}

void IemeqProcessor::loadTargetFile(const juce::String& path)
{
    CorrectionInputs in = *inputs_;
    in.target = readCurveFile(path.toStdString());
    in.targetName = in.target.name;
    setInputs(std::move(in));
}

void IemeqProcessor::getStateInformation(juce::MemoryBlock& dest)
{
    PluginStateData s;
    s.inputs = *inputs_;
    for (auto* p : getParameters())
        if (auto* rp = dynamic_cast<juce::RangedAudioParameter*>(p))
            s.parameters[rp->getParameterID().toStdString()] = rp->convertFrom0to1(rp->getValue());
    if (const auto d = worker_.latestForUi())
        s.designs = d->designs;
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
