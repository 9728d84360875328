#include "DataPaths.h"

#include "dsp/core/DataPaths.h"

namespace iemeq::ui {

juce::File bundledDataDir(const juce::String& name)
{
    // For a plugin the binary is the plugin's own shared library (JUCE resolves it with dladdr).
    const auto binary = juce::File::getSpecialLocation(juce::File::currentExecutableFile);
    const std::string dir = dataFolder(name.toStdString(), binary.getFullPathName().toStdString());
    return dir.empty() ? juce::File() : juce::File(dir);
}

juce::Array<juce::File> listFiles(const juce::File& dir, const juce::String& patterns)
{
    juce::Array<juce::File> files;
    if (dir.isDirectory())
        files = dir.findChildFiles(juce::File::findFiles, false, patterns);
    files.sort();
    return files;
}

} // namespace iemeq::ui
