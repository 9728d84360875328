// iemeq_screenshot: renders the plugin editor, with a real measurement and target loaded, to a
// PNG, so the UI can be looked at without a display (run it under xvfb-run on a headless machine).
//   iemeq_screenshot OUT.png [--fr L.txt [R.txt]] [--iem LIB:IEM] [--find TEXT] [--target T.csv] [--size WxH] [--mode 0|1|2]
// --iem loads an IEM from a configured measurement library (as the editor's Find IEM does);
// --find opens the Find IEM panel with TEXT searched (waits for the results).
#include "plugin/PluginProcessor.h"
#include "ui/PluginEditor.h"

#include "dsp/io/CurveReader.h"
#include "library/IemSpec.h"
#include "library/LibraryConfig.h"

#include <iostream>

int main(int argc, char** argv)
{
    juce::ScopedJuceInitialiser_GUI runtime;
    juce::String out = "iemeq-editor.png", size = "1180x740";
    const juce::String source(IEMEQ_SOURCE_DIR);
    juce::StringArray fr { source + "/Presets/measurements/Simgot EW200 L.txt", source + "/Presets/measurements/Simgot EW200 R.txt" };
    juce::String target = source + "/Targets/Harman in-ear 2019 v2.csv";
    int mode = 0;
    juce::String iem, find;
    bool findGiven = false;
    for (int i = 1; i < argc; ++i) {
        const juce::String a(argv[i]);
        if (a == "--fr" && i + 1 < argc) {
            fr.clear();
            while (i + 1 < argc && !juce::String(argv[i + 1]).startsWith("--"))
                fr.add(argv[++i]);
        } else if (a == "--target" && i + 1 < argc) {
            target = argv[++i];
        } else if (a == "--iem" && i + 1 < argc) {
            iem = argv[++i];
        } else if (a == "--find" && i + 1 < argc) {
            find = argv[++i];
            findGiven = true;
        } else if (a == "--size" && i + 1 < argc) {
            size = argv[++i];
        } else if (a == "--mode" && i + 1 < argc) {
            mode = juce::String(argv[++i]).getIntValue();
        } else if (a == "--help" || a == "-h") {
            std::cout << "usage: iemeq_screenshot OUT.png [--fr L.txt [R.txt]] [--iem LIB:IEM] [--find TEXT] [--target T.csv] [--size WxH] [--mode 0|1|2]\n";
            return 0;
        } else {
            out = a;
        }
    }
    try {
        iemeq::plugin::IemeqProcessor p;
        p.loadMeasurementFiles(fr);
        if (iem.isNotEmpty()) {
            iemeq::ui::LoadedIem loaded;
            loaded.files = iemeq::library::fetchIem(iem.toStdString(), iemeq::library::loadLibraries(), iemeq::library::cacheFolder());
            for (const auto& path : loaded.files.paths)
                loaded.channels.push_back(iemeq::readCurveFile(path));
            iemeq::ui::IemeqEditor::loadLibraryIem(p, loaded);
        }
        p.loadTargetFile(target);
        auto* modeParam = p.parameters().getParameter(iemeq::plugin::ParamID::mode);
        modeParam->setValueNotifyingHost(modeParam->convertTo0to1(static_cast<float>(mode)));
        p.prepareToPlay(48000.0, 512);
        std::unique_ptr<juce::AudioProcessorEditor> editor(p.createEditor());
        editor->setSize(size.upToFirstOccurrenceOf("x", false, true).getIntValue(),
                        size.fromFirstOccurrenceOf("x", false, true).getIntValue());
        if (findGiven)
            if (auto* e = dynamic_cast<iemeq::ui::IemeqEditor*>(editor.get()))
                e->showLibraryBrowser(find);
        // The Find IEM panel searches on its own thread: give it time to answer.
        juce::MessageManager::getInstance()->runDispatchLoopUntil(findGiven ? 2500 : 300);
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
