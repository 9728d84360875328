#include "HostHarness.h"

#include <catch2/catch.hpp>
#include <cstdlib>

namespace iemeq::test {

const char* formatName(Format f) { return f == Format::Vst3 ? "VST3" : "LV2"; }

static std::unique_ptr<juce::AudioPluginFormatManager> manager;

juce::AudioPluginFormatManager& formats()
{
    if (manager == nullptr) {
        const auto home = juce::File::getSpecialLocation(juce::File::tempDirectory).getChildFile("iemeq-host-home");
        home.createDirectory();
        setenv("HOME", home.getFullPathName().toRawUTF8(), 1);
        manager = std::make_unique<juce::AudioPluginFormatManager>();
        manager->addDefaultFormats();
    }
    return *manager;
}

void releaseFormats()
{
    manager.reset();
}

static juce::AudioPluginFormat* findFormat(Format f)
{
    for (auto* format : formats().getFormats())
        if (format->getName() == formatName(f))
            return format;
    return nullptr;
}

std::unique_ptr<juce::AudioPluginInstance> loadPlugin(Format f, double fs, int block)
{
    auto* format = findFormat(f);
    REQUIRE(format != nullptr);
    juce::OwnedArray<juce::PluginDescription> types;
    if (f == Format::Vst3) {
        format->findAllTypesForFile(types, IEMEQ_VST3_BUNDLE);
    } else {
        static const bool scanned = [format] {
            format->searchPathsForPlugins(juce::FileSearchPath(juce::File(IEMEQ_LV2_BUNDLE).getParentDirectory().getFullPathName()),
                                          true, false);
            return true;
        }();
        (void) scanned;
        format->findAllTypesForFile(types, IEMEQ_LV2_URI);
    }
    INFO("plugin bundle " << (f == Format::Vst3 ? IEMEQ_VST3_BUNDLE : IEMEQ_LV2_BUNDLE));
    REQUIRE(types.size() == 1);
    CHECK(types[0]->name == "iemeq");
    juce::String error;
    auto instance = formats().createPluginInstance(*types[0], fs, block, error);
    INFO("error: " << error);
    REQUIRE(instance != nullptr);
    instance->enableAllBuses();
    return instance;
}

juce::MemoryBlock hostStateWith(Format f, juce::AudioPluginInstance& p, const std::string& pluginState)
{
    juce::MemoryBlock host;
    p.getStateInformation(host);
    const juce::MemoryBlock inner(pluginState.data(), pluginState.size());
    if (f == Format::Vst3) {
        // <VST3PluginState><IComponent>base64 of the plugin's chunk</IComponent>...
        auto xml = juce::AudioProcessor::getXmlFromBinary(host.getData(), static_cast<int>(host.getSize()));
        REQUIRE(xml != nullptr);
        auto* component = xml->getChildByName("IComponent");
        REQUIRE(component != nullptr);
        component->deleteAllTextElements();
        component->addTextElement(inner.toBase64Encoding());
        juce::MemoryBlock out;
        juce::AudioProcessor::copyXmlToBinary(*xml, out);
        return out;
    }
    // LV2: a Turtle state whose <URI:StateString> property holds the chunk as a base64 string.
    juce::String ttl(static_cast<const char*>(host.getData()), host.getSize());
    const int key = ttl.indexOf(":StateString>");
    INFO("LV2 state: " << ttl);
    REQUIRE(key >= 0);
    const int open = ttl.indexOfChar(key, '"');
    const int close = ttl.indexOfChar(open + 1, '"');
    REQUIRE((open > key && close > open));
    const juce::String replaced = ttl.substring(0, open + 1) + inner.toBase64Encoding() + ttl.substring(close);
    return juce::MemoryBlock(replaced.toRawUTF8(), replaced.getNumBytesAsUTF8());
}

std::vector<std::vector<float>> render(juce::AudioPluginInstance& p, const std::vector<float>& input,
                                       const std::function<int()>& nextBlock)
{
    const int total = static_cast<int>(input.size());
    const int channels = std::max(p.getTotalNumInputChannels(), p.getTotalNumOutputChannels());
    juce::AudioBuffer<float> all(channels, total);
    for (int c = 0; c < channels; ++c)
        all.copyFrom(c, 0, input.data(), total);
    juce::MidiBuffer midi;
    for (int i = 0; i < total;) {
        const int len = std::min(nextBlock(), total - i);
        juce::AudioBuffer<float> view(all.getArrayOfWritePointers(), channels, i, len);
        p.processBlock(view, midi);
        i += len;
    }
    std::vector<std::vector<float>> out;
    for (int c = 0; c < p.getTotalNumOutputChannels(); ++c)
        out.emplace_back(all.getReadPointer(c), all.getReadPointer(c) + total);
    return out;
}

void pump(int ms)
{
    juce::MessageManager::getInstance()->runDispatchLoopUntil(ms);
}

bool haveDisplay()
{
    const char* d = std::getenv("DISPLAY");
    return d != nullptr && *d != '\0';
}

} // namespace iemeq::test
