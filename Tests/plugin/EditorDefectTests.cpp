// Issue 15 (and 13's treble choice): the editor's defects a new user saw, one check each, read
// from the real editor's components (texts, colours, bounds, menu items) or the graph's pixels.
#include "EditorLayoutProbe.h"
#include "PluginTestMaterial.h"

#include "dsp/analysis/DesignWarnings.h"
#include "dsp/curve/Alignment.h"
#include "dsp/listening/LoudnessMatcher.h"
#include "plugin/PluginProcessor.h"
#include "ui/AnalysisPanel.h"
#include "ui/FilterTable.h"
#include "ui/NameDialog.h"
#include "ui/PluginEditor.h"
#include "ui/ResponseGraph.h"
#include "ui/Theme.h"

#include <catch2/catch.hpp>
#include <set>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

template <typename T>
T* findComponent(juce::Component& parent, const juce::String& title = {})
{
    for (auto* child : parent.getChildren()) {
        if (auto* t = dynamic_cast<T*>(child); t != nullptr && (title.isEmpty() || child->getTitle() == title))
            return t;
        if (auto* t = findComponent<T>(*child, title))
            return t;
    }
    return nullptr;
}

juce::TextButton* findButton(juce::Component& parent, const juce::String& text)
{
    for (auto* child : parent.getChildren()) {
        if (auto* b = dynamic_cast<juce::TextButton*>(child); b != nullptr && b->getButtonText() == text)
            return b;
        if (auto* b = findButton(*child, text))
            return b;
    }
    return nullptr;
}

void settle(int ms = 200)
{
    juce::MessageManager::getInstance()->runDispatchLoopUntil(ms);
}

std::unique_ptr<juce::AudioProcessorEditor> openEditor(IemeqProcessor& p)
{
    p.prepareToPlay(48000.0, 512);
    p.waitForDesign(20000);
    std::unique_ptr<juce::AudioProcessorEditor> e(p.createEditor());
    settle();
    return e;
}

CorrectionInputs fa7ToHarman()
{
    CorrectionInputs in;
    in.spec.measurement = { readCurveFile(test::dataPath("measurements/antdroid/FA7 L.txt")),
                            readCurveFile(test::dataPath("measurements/antdroid/FA7 R.txt")) };
    in.spec.target = readCurveFile(test::repoPath("Targets/Harman in-ear 2019 v2.csv"));
    in.spec.iemName = "FA7";
    in.spec.targetName = "Harman in-ear 2019 v2";
    return in;
}

} // namespace

TEST_CASE("Graph: curves are clipped to the plot, never drawn over the axis labels", "[plugin][editor][graph]")
{
    ui::ResponseGraph graph;
    graph.setSize(600, 320);
    // A measurement far beyond any range the graph shows: -80 dB at 20 Hz to +80 dB at 20 kHz.
    ui::ResponseGraph::Curves curves;
    ui::ResponseGraph::Trace t;
    for (double f = 20.0; f <= 20000.0; f *= 1.02) {
        t.measurement.freq.push_back(f);
        t.measurement.db.push_back(-80.0 + 160.0 * std::log(f / 20.0) / std::log(1000.0));
    }
    graph.setCurves({});
    const auto bare = graph.createComponentSnapshot(graph.getLocalBounds(), true, 1.0f);
    curves.traces.push_back(t);
    graph.setCurves(curves);
    const auto drawn = graph.createComponentSnapshot(graph.getLocalBounds(), true, 1.0f);
    // The range widens with the curves, so the axis labels may move: compare only pixels whose
    // colour is the measurement's orange.
    const auto plot = graph.plotArea().getSmallestIntegerContainer();
    int inside = 0, outside = 0;
    for (int y = 0; y < drawn.getHeight(); ++y)
        for (int x = 0; x < drawn.getWidth(); ++x) {
            const auto c = drawn.getPixelAt(x, y);
            const bool orange = c.getRed() > 150 && c.getRed() - c.getBlue() > 80 && c != bare.getPixelAt(x, y);
            if (!orange)
                continue;
            (plot.contains(x, y) ? inside : outside) += 1;
        }
    INFO("plot " << plot.toString() << ": " << inside << " curve pixels inside, " << outside << " outside");
    CHECK(inside > 100);
    CHECK(outside == 0);
    CHECK(graph.dbMax() <= 36.0);
    CHECK(graph.dbMin() >= -48.0);
}

TEST_CASE("Graph: every axis label and the treble note fit, inside the graph, outside the plot, apart", "[plugin][editor][graph]")
{
    for (const auto size : { juce::Point<int> { 430, 220 }, { 700, 400 }, { 1000, 600 } }) {
        ui::ResponseGraph graph;
        graph.setSize(size.x, size.y);
        INFO("graph " << size.x << "x" << size.y);
        const auto items = graph.textItems();
        const auto plot = graph.plotArea();
        REQUIRE(items.size() >= 10);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& a = items[i];
            INFO("\"" << a.text << "\" at " << a.area.toString());
            CHECK(a.font.getStringWidthFloat(a.text) <= a.area.getWidth() + 0.01f);
            CHECK(graph.getLocalBounds().toFloat().contains(a.area));
            CHECK(!a.area.intersects(plot));
            for (std::size_t j = i + 1; j < items.size(); ++j) {
                INFO("and \"" << items[j].text << "\" at " << items[j].area.toString());
                CHECK(!a.area.intersects(items[j].area));
            }
        }
    }
}

TEST_CASE("Graph: the dB range shows every measured curve (FA7 goes beyond +-18 dB)", "[plugin][editor][graph]")
{
    IemeqProcessor p;
    p.setInputs(fa7ToHarman());
    auto editor = openEditor(p);
    const auto d = p.latestDesign();
    REQUIRE(d != nullptr);
    REQUIRE(d->correction != nullptr);
    const Correction& c = *d->correction;
    const FrequencyCurve target = normalize(c.target, AlignSpec {});
    double lo = 0.0, hi = 0.0;
    for (const auto& ch : c.perChannel) {
        for (const auto& curve : { alignTo(ch.measurement, target, AlignSpec {}), alignTo(add(ch.measurement, ch.eq), target, AlignSpec {}) })
            for (std::size_t i = 0; i < curve.size(); ++i)
                if (curve.freq[i] >= 20.0 && curve.freq[i] <= 20000.0) {
                    lo = std::min(lo, curve.db[i]);
                    hi = std::max(hi, curve.db[i]);
                }
    }
    auto* graph = findComponent<ui::ResponseGraph>(*editor);
    REQUIRE(graph != nullptr);
    INFO("FA7 drawn from " << lo << " to " << hi << " dB; graph shows " << graph->dbMin() << " to " << graph->dbMax());
    CHECK((lo < -18.0 || hi > 18.0));  // what made the fixed +-18 dB cut it
    CHECK(graph->dbMin() <= lo);
    CHECK(graph->dbMax() >= hi);
}

TEST_CASE("Treble policy: chosen in the editor, designed by the processor, named on the graph", "[plugin][editor][treble]")
{
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    auto editor = openEditor(p);
    auto* box = findComponent<juce::ComboBox>(*editor, "Treble policy");
    auto* graph = findComponent<ui::ResponseGraph>(*editor);
    REQUIRE(box != nullptr);
    REQUIRE(graph != nullptr);
    CHECK(box->getTooltip().contains("6 kHz"));
    CHECK(box->getText() == "Treble: smooth");
    CHECK(graph->trebleNote() == "above 8 kHz: broad level only");
    const std::pair<int, TreblePolicy> choices[] = { { 3, TreblePolicy::Off }, { 2, TreblePolicy::Fit }, { 1, TreblePolicy::Smooth } };
    for (const auto& [id, policy] : choices) {
        box->setSelectedId(id, juce::sendNotificationSync);
        REQUIRE(p.waitForDesign(20000));
        settle(100);
        CHECK(p.treblePolicy() == policy);
        REQUIRE(p.latestDesign()->spec != nullptr);
        CHECK(p.latestDesign()->spec->peq.treble == policy);
        CHECK(graph->trebleNote()
              == (policy == TreblePolicy::Off   ? "above 8 kHz: not corrected"
                  : policy == TreblePolicy::Fit ? "above 8 kHz: fitted (couplers are less reliable there)"
                                                : "above 8 kHz: broad level only"));
    }
    // A policy set elsewhere (a preset, a restored session) shows in the box.
    p.setTreblePolicy(TreblePolicy::Off);
    p.waitForDesign(20000);
    settle(100);
    CHECK(box->getText() == "Treble: off");
}

TEST_CASE("Readouts and colours say what they mean", "[plugin][editor]")
{
    SECTION("the A/B readout names the quieter side in plain words")
    {
        CHECK(ui::IemeqEditor::abReadout(listening::gainsForDifference(-2.9)) == "A/B: original 2.9 dB quieter");
        CHECK(ui::IemeqEditor::abReadout(listening::gainsForDifference(1.5)) == "A/B: corrected 1.5 dB quieter");
        CHECK(ui::IemeqEditor::abReadout(listening::gainsForDifference(0.0)) == "A/B: equally loud as is");
    }
    SECTION("\"After:\" is drawn in the corrected curve's green, never red; \"Before:\" in the measurement's colour")
    {
        IemeqProcessor p;
        p.setInputs(test::ew200ToHarman());
        auto editor = openEditor(p);
        editor->setSize(1600, 1000);
        settle(50);
        auto* panel = findComponent<ui::AnalysisPanel>(*editor);
        REQUIRE(panel != nullptr);
        REQUIRE(panel->analysis().has_value());
        int found = 0;
        for (const auto& t : panel->textItems()) {
            INFO(t.text << " in " << t.colour.toDisplayString(false));
            if (t.text.startsWith("After:")) {
                ++found;
                CHECK(t.colour.getGreen() > t.colour.getRed() + 60);
            }
            if (t.text.startsWith("Before:")) {
                ++found;
                CHECK(t.colour.getRed() > t.colour.getBlue() + 60);
            }
            // Every text of the panel fits where it is drawn.
            CHECK(test::textProblem(t.text, t.font, t.area, t.maxLines > 1).empty());
        }
        CHECK(found == 2);
    }
    SECTION("Amount reads in percent; the output gain at 0 dB points straight up (nothing turned up)")
    {
        IemeqProcessor p;
        auto editor = openEditor(p);
        auto* amount = findComponent<juce::Slider>(*editor, "Amount");
        auto* gain = findComponent<juce::Slider>(*editor, "Output gain");
        REQUIRE(amount != nullptr);
        REQUIRE(gain != nullptr);
        CHECK(amount->getTextFromValue(amount->getValue()) == "100 %");
        CHECK(gain->getValue() == 0.0);
        CHECK(gain->valueToProportionOfLength(0.0) == Approx(0.5).margin(1e-9));
        CHECK(gain->valueToProportionOfLength(gain->getMinimum()) == Approx(0.0).margin(1e-9));
        CHECK(gain->valueToProportionOfLength(gain->getMaximum()) == Approx(1.0).margin(1e-9));
        CHECK(gain->proportionOfLengthToValue(0.75) == Approx(gain->getMaximum() / 2).margin(1e-9));
    }
}

TEST_CASE("Targets: a measurement alone gets the default target, and the box shows the chosen target", "[plugin][editor]")
{
    IemeqProcessor p;
    CorrectionInputs in;
    in.spec.measurement = test::ew200ToHarman().spec.measurement;
    in.spec.iemName = "Simgot EW200";
    p.setInputs(in);
    auto editor = openEditor(p);
    p.waitForDesign(20000);
    settle(300);
    REQUIRE(p.inputs() != nullptr);
    CHECK(p.inputs()->spec.targetName == ui::IemeqEditor::kDefaultTarget);
    CHECK(!p.inputs()->spec.target.empty());
    const auto d = p.latestDesign();
    REQUIRE(d != nullptr);
    CHECK(d->correction != nullptr);
    auto* targets = findComponent<juce::ComboBox>(*editor, "Bundled targets");
    REQUIRE(targets != nullptr);
    CHECK(targets->getText() == "Harman in-ear 2019 v2");
    // Choosing another bundled target: it is loaded and the box keeps showing it.
    int diffuse = 0;
    for (int i = 0; i < targets->getNumItems(); ++i)
        if (targets->getItemText(i).startsWith("Diffuse field"))
            diffuse = targets->getItemId(i);
    REQUIRE(diffuse != 0);
    targets->setSelectedId(diffuse, juce::sendNotificationSync);
    p.waitForDesign(20000);
    settle(100);
    CHECK(juce::String(p.inputs()->spec.targetName).startsWith("Diffuse field"));
    CHECK(targets->getText().startsWith("Diffuse field"));
}

TEST_CASE("Presets menu: every item can be told apart (Harman vs diffuse-field versions of one IEM)", "[plugin][editor]")
{
    IemeqProcessor p;
    auto editor = openEditor(p);
    auto* presets = findComponent<juce::ComboBox>(*editor, "Presets");
    REQUIRE(presets != nullptr);
    std::set<juce::String> names;
    bool harman = false, diffuse = false;
    for (int i = 0; i < presets->getNumItems(); ++i) {
        const juce::String name = presets->getItemText(i);
        INFO(name);
        CHECK(names.insert(name).second);
        harman = harman || name == "Andromeda (Harman 2019)";
        diffuse = diffuse || name == "Andromeda (diffuse field)";
    }
    CHECK(harman);
    CHECK(diffuse);
}

TEST_CASE("Filter table: no live '+ Add' when the correction is FIR", "[plugin][editor]")
{
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    auto editor = openEditor(p);
    auto* add = findButton(*editor, "+ Add");
    REQUIRE(add != nullptr);
    CHECK(test::reallyVisible(*add, *editor));
    for (float mode : { 1.0f, 2.0f }) {
        auto* param = p.parameters().getParameter(ParamID::mode);
        param->setValueNotifyingHost(param->convertTo0to1(mode));
        p.waitForDesign(20000);
        settle(200);
        INFO("mode " << mode);
        CHECK(!(test::reallyVisible(*add, *editor) && add->isEnabled()));
        auto* table = findComponent<ui::FilterTable>(*editor);
        REQUIRE(table != nullptr);
        CHECK(!table->editable());
        CHECK(table->emptyText().startsWith("FIR mode"));
    }
}

TEST_CASE("Warnings: the editor shows what designWarnings() finds (FA7: 12 dB L-R difference), all in the tooltip", "[plugin][editor]")
{
    IemeqProcessor p;
    p.setInputs(fa7ToHarman());
    auto editor = openEditor(p);
    const auto d = p.latestDesign();
    REQUIRE(d != nullptr);
    REQUIRE(d->spec != nullptr);
    REQUIRE(d->correction != nullptr);
    const auto expected = designWarnings(*d->spec, *d->correction);
    REQUIRE(!expected.empty());
    CHECK(expected.front().kind == DesignWarningKind::ChannelImbalance);
    auto* line = findComponent<juce::Label>(*editor, "Design warnings");
    REQUIRE(line != nullptr);
    for (const auto size : { juce::Point<int> { 820, 560 }, { 1180, 740 }, { 1600, 1000 } }) {
        editor->setSize(size.x, size.y);
        settle(50);
        INFO("at " << size.x << "x" << size.y << ": \"" << line->getText() << "\"");
        CHECK(test::reallyVisible(*line, *editor));
        CHECK(line->findColour(juce::Label::textColourId) == ui::theme::warning);
        CHECK((line->getText().contains("imbalance") || line->getText().contains("warning")));
        for (const auto& w : expected)
            CHECK(line->getTooltip().contains(juce::String(w.text)));
        CHECK(test::layoutProblems(*editor).empty());
    }
    // Wide enough, the first warning is there in words.
    CHECK(line->getText().contains("channel imbalance"));
}

TEST_CASE("Presets > Save preset...: the dialog closes on OK (preset written), Cancel and Esc (nothing written)", "[plugin][editor]")
{
    // A user folder of our own (the preset library follows XDG_DATA_HOME).
    const juce::File home = juce::File::createTempFile("iemeq-presets");
    home.createDirectory();
    const char* before = std::getenv("XDG_DATA_HOME");
    const std::string saved = before != nullptr ? before : "";
    setenv("XDG_DATA_HOME", home.getFullPathName().toRawUTF8(), 1);
    {
        IemeqProcessor p;
        p.setInputs(test::ew200ToHarman());
        auto editor = openEditor(p);
        auto* presets = findComponent<juce::ComboBox>(*editor, "Presets");
        REQUIRE(presets != nullptr);
        const juce::File folder = home.getChildFile("iemeq/presets");
        auto* modal = juce::ModalComponentManager::getInstance();
        const auto openDialog = [&]() -> ui::NameDialog* {
            presets->setSelectedId(1, juce::sendNotificationSync);  // "Save preset..."
            settle(50);
            REQUIRE(modal->getNumModalComponents() == 1);
            auto* w = dynamic_cast<ui::NameDialog*>(modal->getModalComponent(0));
            REQUIRE(w != nullptr);
            CHECK(test::reallyVisible(*w, *editor));
            CHECK(editor->getLocalBounds().contains(w->getBounds()));
            CHECK(test::layoutProblems(*w).empty());
            return w;
        };
        const auto dialogGone = [&] {
            settle(100);
            CHECK(modal->getNumModalComponents() == 0);
            CHECK(findComponent<ui::NameDialog>(*editor) == nullptr);
        };
        SECTION("OK")
        {
            auto* w = openDialog();
            w->editor().setText("Layout test preset");
            findButton(*w, "OK")->triggerClick();
            dialogGone();
            CHECK(folder.getChildFile("Layout test preset.json").existsAsFile());
            bool listed = false;
            for (int i = 0; i < presets->getNumItems(); ++i)
                listed = listed || presets->getItemText(i) == "Layout test preset";
            CHECK(listed);
        }
        SECTION("Cancel")
        {
            auto* w = openDialog();
            findButton(*w, "Cancel")->triggerClick();
            dialogGone();
            CHECK(folder.findChildFiles(juce::File::findFiles, false, "*.json").isEmpty());
        }
        SECTION("Esc")
        {
            auto* w = openDialog();
            w->keyPressed(juce::KeyPress(juce::KeyPress::escapeKey));
            dialogGone();
            CHECK(folder.findChildFiles(juce::File::findFiles, false, "*.json").isEmpty());
        }
    }
    if (before != nullptr)
        setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else
        unsetenv("XDG_DATA_HOME");
    home.deleteRecursively();
}
