#include "DataPaths.h"

namespace iemeq::ui {

juce::File bundledDataDir(const juce::String& name)
{
    // For a plugin this is the plugin's own shared library (JUCE resolves it with dladdr).
    const auto binary = juce::File::getSpecialLocation(juce::File::currentExecutableFile);
    juce::Array<juce::File> candidates;
    // <prefix>/bin/iemeq-app, <prefix>/lib/vst3/iemeq.vst3/Contents/x86_64-linux/iemeq.so, ...
    for (auto dir = binary.getParentDirectory(); dir.getParentDirectory() != dir && candidates.size() < 6;
         dir = dir.getParentDirectory())
        candidates.add(dir.getChildFile("share/iemeq").getChildFile(name));
    candidates.addArray(juce::Array<juce::File> {
        juce::File("~/.local/share/iemeq").getChildFile(name),
        juce::File("/usr/local/share/iemeq").getChildFile(name),
        juce::File("/usr/share/iemeq").getChildFile(name),
    });
#ifdef IEMEQ_SOURCE_DIR
    candidates.add(juce::File(IEMEQ_SOURCE_DIR).getChildFile(name));
#endif
    for (const auto& dir : candidates)
        if (dir.isDirectory())
            return dir;
    return {};
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
