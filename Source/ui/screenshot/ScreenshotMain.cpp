// iemeq_screenshot: renders the plugin editor, with a real measurement and target loaded, to a
// PNG, so the UI can be looked at without a display (run it under xvfb-run on a headless machine).
//   iemeq_screenshot OUT.png [--fr L.txt [R.txt]] [--target T.csv] [--size WxH] [--mode 0|1|2]
#include "plugin/PluginProcessor.h"

#include <iostream>

int main(int argc, char** argv)
{
    juce::ScopedJuceInitialiser_GUI runtime;
    juce::String out = "iemeq-editor.png", size = "1180x740";
    const juce::String source(IEMEQ_SOURCE_DIR);
    juce::StringArray fr { source + "/Presets/measurements/Simgot EW200 L.txt", source + "/Presets/measurements/Simgot EW200 R.txt" };
    juce::String target = source + "/Targets/Harman in-ear 2019 v2.csv";
    int mode = 0;
    for (int i = 1; i < argc; ++i) {
        const juce::String a(argv[i]);
        if (a == "--fr" && i + 1 < argc) {
            fr.clear();
            while (i + 1 < argc && !juce::String(argv[i + 1]).startsWith("--"))
                fr.add(argv[++i]);
        } else if (a == "--target" && i + 1 < argc) {
            target = argv[++i];
        } else if (a == "--size" && i + 1 < argc) {
            size = argv[++i];
        } else if (a == "--mode" && i + 1 < argc) {
            mode = juce::String(argv[++i]).getIntValue();
        } else if (a == "--help" || a == "-h") {
            std::cout << "usage: iemeq_screenshot OUT.png [--fr L.txt [R.txt]] [--target T.csv] [--size WxH] [--mode 0|1|2]\n";
            return 0;
        } else {
            out = a;
        }
    }
    try {
        iemeq::plugin::IemeqProcessor p;
        p.loadMeasurementFiles(fr);
        p.loadTargetFile(target);
        auto* modeParam = p.parameters().getParameter(iemeq::plugin::ParamID::mode);
        modeParam->setValueNotifyingHost(modeParam->convertTo0to1(static_cast<float>(mode)));
        p.prepareToPlay(48000.0, 512);
        std::unique_ptr<juce::AudioProcessorEditor> editor(p.createEditor());
        editor->setSize(size.upToFirstOccurrenceOf("x", false, true).getIntValue(),
                        size.fromFirstOccurrenceOf("x", false, true).getIntValue());
        juce::MessageManager::getInstance()->runDispatchLoopUntil(300);
        const auto image = editor->createComponentSnapshot(editor->getLocalBounds(), true, 1.0f);
        juce::File file = juce::File::getCurrentWorkingDirectory().getChildFile(out);
        file.deleteFile();
        juce::FileOutputStream stream(file);
        if (!stream.openedOk() || !juce::PNGImageFormat().writeImageToStream(image, stream)) {
            std::cerr << "iemeq_screenshot: cannot write " << file.getFullPathName() << "\n";
            return 1;
        }
        std::cout << "wrote " << file.getFullPathName() << " (" << image.getWidth() << "x" << image.getHeight() << ")\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "iemeq_screenshot: " << e.what() << "\n";
        return 1;
    }
}
