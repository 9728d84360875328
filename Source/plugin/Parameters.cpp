#include "Parameters.h"

namespace iemeq::plugin {

using juce::AudioParameterBool;
using juce::AudioParameterChoice;
using juce::AudioParameterFloat;
using juce::NormalisableRange;
using juce::ParameterID;

static std::unique_ptr<AudioParameterFloat> dbParam(const char* id, const char* name, float lo, float hi, float def,
                                                    const char* unit = "dB")
{
    return std::make_unique<AudioParameterFloat>(
        ParameterID { id, 1 }, name, NormalisableRange<float> { lo, hi, 0.1f }, def,
        juce::AudioParameterFloatAttributes().withLabel(unit).withStringFromValueFunction(
            [unit](float v, int) { return juce::String(v, 1) + " " + unit; }));
}

juce::AudioProcessorValueTreeState::ParameterLayout createParameterLayout()
{
    juce::AudioProcessorValueTreeState::ParameterLayout layout;
    layout.add(std::make_unique<AudioParameterBool>(ParameterID { ParamID::correction, 1 }, "Correction", true));
    layout.add(std::make_unique<AudioParameterChoice>(ParameterID { ParamID::mode, 1 }, "Mode",
                                                      juce::StringArray { "Parametric", "FIR minimum phase", "FIR linear phase" }, 0));
    layout.add(std::make_unique<AudioParameterFloat>(
        ParameterID { ParamID::amount, 1 }, "Amount", NormalisableRange<float> { 0.0f, 100.0f, 1.0f }, 100.0f,
        juce::AudioParameterFloatAttributes().withLabel("%")));
    layout.add(dbParam(ParamID::bass, "Bass", -12.0f, 12.0f, 0.0f));
    layout.add(dbParam(ParamID::tilt, "Tilt", -2.0f, 2.0f, 0.0f, "dB/oct"));
    layout.add(dbParam(ParamID::treble, "Treble", -12.0f, 12.0f, 0.0f));
    layout.add(dbParam(ParamID::earGain, "Ear gain", -10.0f, 10.0f, 0.0f));
    layout.add(std::make_unique<AudioParameterBool>(ParameterID { ParamID::autoPreamp, 1 }, "Auto preamp", true));
    layout.add(dbParam(ParamID::outputGain, "Output gain", -24.0f, 12.0f, 0.0f));
    layout.add(std::make_unique<AudioParameterChoice>(ParameterID { ParamID::channelMode, 1 }, "Channels",
                                                      juce::StringArray { "Linked", "Separate L/R" }, 0));
    return layout;
}

const juce::StringArray& designParameterIds()
{
    static const juce::StringArray ids { ParamID::mode, ParamID::amount, ParamID::bass, ParamID::tilt,
                                         ParamID::treble, ParamID::earGain, ParamID::autoPreamp, ParamID::channelMode };
    return ids;
}

} // namespace iemeq::plugin
