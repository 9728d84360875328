// iemeq_screenshot: renders the plugin editor, with a real measurement and target loaded, to a
// PNG, so the UI can be looked at without a display (run it under xvfb-run on a headless machine).
//   iemeq_screenshot OUT.png [--fr L.txt [R.txt]] [--iem LIB:IEM] [--find TEXT] [--target T.csv] [--size WxH] [--mode 0|1|2]
//                    [--channels linked|separate] [--app] [--treble smooth|fit|off]
// --analysis: open the Analysis tab (when the window is too small for the table and the analysis).
// --app: the standalone app's editor (with the music player); --size min: the smallest size the
// window allows.
// --iem loads an IEM from a configured measurement library (as the editor's Find IEM does);
// --find opens the Find IEM panel with TEXT searched (waits for the results).
// --listening setup|abx|preference|result: the blind-test panel before, during or at the end of a test (fixed seed;
// the audio device is simulated by running processBlock so both sides settle).
#include "plugin/PluginProcessor.h"
#include "ui/PluginEditor.h"

#include "dsp/io/CurveReader.h"
#include "library/IemSpec.h"
#include "library/LibraryConfig.h"

#include <iostream>

namespace {

using iemeq::listening::Side;

void driveListening(iemeq::plugin::IemeqProcessor& p, iemeq::ui::ListeningPanel& panel, const juce::String& what)
{
    const auto runAudio = [&p](double seconds) {
        juce::AudioBuffer<float> buffer(2, 512);
        juce::MidiBuffer midi;
        for (int i = 0; i < static_cast<int>(seconds * 48000.0 / 512.0); ++i) {
            buffer.clear();
            p.processBlock(buffer, midi);
        }
    };
    panel.setTest(what == "preference" ? iemeq::listening::TestKind::Preference : iemeq::listening::TestKind::Abx, 16);
    if (what == "setup")
        return;
    if (!panel.start(0x1eaf5eedULL))
        throw std::runtime_error("the blind test did not start");
    runAudio(1.0);
    juce::MessageManager::getInstance()->runDispatchLoopUntil(150);
    const auto trial = [&panel](bool right) {
        const auto* abx = dynamic_cast<const iemeq::listening::AbxSession*>(panel.session());
        for (char k : { 'a', 'b', 'x' })
            panel.press(k);
        panel.press((abx->xIs() == Side::A) == right ? '1' : '2');
        panel.press('\r');
    };
    if (what == "result") {
        for (int t = 0; t < 16; ++t)
            trial(t % 5 != 2);  // 13 of 16 right
    } else if (what == "preference") {
        for (int t = 0; t < 4; ++t) {
            panel.press(t % 2 == 0 ? '2' : '1');
            panel.press('\r');
        }
        panel.press('2');
    } else {
        for (int t = 0; t < 4; ++t)
            trial(t != 1);
        panel.press('a');
        panel.press('x');
        panel.press('2');  // chosen, not yet confirmed
    }
    runAudio(0.2);
}

} // namespace

int main(int argc, char** argv)
{
    juce::ScopedJuceInitialiser_GUI runtime;
    juce::String out = "iemeq-editor.png", size = "1180x740";
    const juce::String source(IEMEQ_SOURCE_DIR);
    juce::StringArray fr { source + "/Presets/measurements/Simgot EW200 L.txt", source + "/Presets/measurements/Simgot EW200 R.txt" };
    juce::String target = source + "/Targets/Harman in-ear 2019 v2.csv";
    int mode = 0;
    bool separate = false;
    juce::String iem, find, listening;
    bool findGiven = false, app = false, analysisTab = false;
    juce::String treble;
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
        } else if (a == "--listening" && i + 1 < argc) {
            listening = argv[++i];
        } else if (a == "--size" && i + 1 < argc) {
            size = argv[++i];
        } else if (a == "--mode" && i + 1 < argc) {
            mode = juce::String(argv[++i]).getIntValue();
        } else if (a == "--analysis") {
            analysisTab = true;
        } else if (a == "--app") {
            app = true;
        } else if (a == "--treble" && i + 1 < argc) {
            treble = argv[++i];
        } else if (a == "--channels" && i + 1 < argc) {
            separate = juce::String(argv[++i]) == "separate";
        } else if (a == "--help" || a == "-h") {
            std::cout << "usage: iemeq_screenshot OUT.png [--fr L.txt [R.txt]] [--iem LIB:IEM] [--find TEXT] [--target T.csv] [--size WxH] [--mode 0|1|2] [--channels linked|separate] [--listening setup|abx|preference|result] [--app] [--treble smooth|fit|off] [--analysis]\n";
            return 0;
        } else {
            out = a;
        }
    }
    try {
        if (app)
            juce::AudioProcessor::setTypeOfNextNewPlugin(juce::AudioProcessor::wrapperType_Standalone);
        iemeq::plugin::IemeqProcessor p;
        juce::AudioProcessor::setTypeOfNextNewPlugin(juce::AudioProcessor::wrapperType_Undefined);
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
        p.parameters().getParameter(iemeq::plugin::ParamID::channelMode)->setValueNotifyingHost(separate ? 1.0f : 0.0f);
        if (treble.isNotEmpty())
            p.setTreblePolicy(treble == "fit" ? iemeq::TreblePolicy::Fit : treble == "off" ? iemeq::TreblePolicy::Off : iemeq::TreblePolicy::Smooth);
        p.prepareToPlay(48000.0, 512);
        std::unique_ptr<juce::AudioProcessorEditor> editor(p.createEditor());
        if (size == "min") {
            if (const auto* limits = editor->getConstrainer())
                editor->setSize(limits->getMinimumWidth(), limits->getMinimumHeight());
        } else if (size != "default") {
            editor->setSize(size.upToFirstOccurrenceOf("x", false, true).getIntValue(),
                            size.fromFirstOccurrenceOf("x", false, true).getIntValue());
        }
        if (analysisTab)
            for (auto* c : editor->getChildren())
                if (auto* b = dynamic_cast<juce::Button*>(c); b != nullptr && c->getTitle() == "Analysis tab" && c->isVisible())
                    b->triggerClick();
        if (findGiven)
            if (auto* e = dynamic_cast<iemeq::ui::IemeqEditor*>(editor.get()))
                e->showLibraryBrowser(find);
        if (listening.isNotEmpty())
            if (auto* e = dynamic_cast<iemeq::ui::IemeqEditor*>(editor.get()))
                driveListening(p, e->openListening(), listening);
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
