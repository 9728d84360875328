// Issue 15: the app at every size it allows. The real editor (plugin, and the standalone app with
// its music player) with EW200 -> Harman 2019 designed, at the smallest size the window allows,
// its default size and 1600x1000, walked component by component:
//  - every visible component lies inside its parent (scrolled content excepted);
//  - visible siblings do not overlap;
//  - no text is cut: every Label's text, with the font it is drawn in, fits its text area; every
//    ComboBox item (any of them can be chosen) and its placeholder fit the box's text area;
//    TextButton and ToggleButton texts fit where the look-and-feel draws them;
//  - the controls a user needs are all there (visible, not zero-sized).
#include "EditorLayoutProbe.h"
#include "PluginTestMaterial.h"

#include "plugin/PluginProcessor.h"
#include "ui/AnalysisPanel.h"
#include "ui/PluginEditor.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

struct Fixture {
    explicit Fixture(bool app, bool separateFirLinear = false)
    {
        // The standalone app has the music player: the processor asks which wrapper made it.
        juce::AudioProcessor::setTypeOfNextNewPlugin(app ? juce::AudioProcessor::wrapperType_Standalone
                                                         : juce::AudioProcessor::wrapperType_Undefined);
        processor = std::make_unique<IemeqProcessor>();
        juce::AudioProcessor::setTypeOfNextNewPlugin(juce::AudioProcessor::wrapperType_Undefined);
        processor->setInputs(test::ew200ToHarman());
        if (separateFirLinear) {
            auto* mode = processor->parameters().getParameter(ParamID::mode);
            mode->setValueNotifyingHost(mode->convertTo0to1(2.0f));
            processor->parameters().getParameter(ParamID::channelMode)->setValueNotifyingHost(1.0f);
        }
        processor->prepareToPlay(48000.0, 512);
        processor->waitForDesign(20000);
        editor.reset(processor->createEditor());
        juce::MessageManager::getInstance()->runDispatchLoopUntil(200);
    }
    ~Fixture()
    {
        editor.reset();
        processor.reset();
    }
    std::unique_ptr<IemeqProcessor> processor;
    std::unique_ptr<juce::AudioProcessorEditor> editor;
};

ui::AnalysisPanel* findPanel(juce::Component& parent)
{
    for (auto* c : parent.getChildren()) {
        if (auto* p = dynamic_cast<ui::AnalysisPanel*>(c))
            return p;
        if (auto* p = findPanel(*c))
            return p;
    }
    return nullptr;
}

void checkAtSize(juce::AudioProcessorEditor& editor, int w, int h)
{
    editor.setSize(w, h);
    juce::MessageManager::getInstance()->runDispatchLoopUntil(50);
    INFO("editor at " << editor.getWidth() << "x" << editor.getHeight());
    REQUIRE(editor.getWidth() == w);
    REQUIRE(editor.getHeight() == h);
    const auto problems = test::layoutProblems(editor);
    for (const auto& p : problems)
        UNSCOPED_INFO(p);
    CHECK(problems.empty());
    const auto missing = test::missingControls(editor);
    for (const auto& m : missing)
        UNSCOPED_INFO("not shown: " << m);
    CHECK(missing.empty());
    // The analysis: beside the table, or behind its tab (then opened, checked, and closed again).
    auto* panel = findPanel(editor);
    REQUIRE(panel != nullptr);
    juce::Button* tab = nullptr;
    for (auto* c : editor.getChildren())
        if (c->getTitle() == "Analysis tab" && c->isVisible())
            tab = dynamic_cast<juce::Button*>(c);
    if (tab != nullptr) {
        tab->triggerClick();
        juce::MessageManager::getInstance()->runDispatchLoopUntil(50);
        const auto withAnalysis = test::layoutProblems(editor);
        for (const auto& p : withAnalysis)
            UNSCOPED_INFO("analysis tab: " << p);
        CHECK(withAnalysis.empty());
    }
    CHECK(test::reallyVisible(*panel, editor));
    CHECK(panel->getHeight() >= panel->minimumHeight());
    for (const auto& t : panel->textItems()) {
        INFO("analysis text \"" << t.text << "\" in " << t.area.toString());
        CHECK(test::textProblem(t.text, t.font, t.area, t.maxLines > 1).empty());
        CHECK(panel->getLocalBounds().toFloat().contains(t.area));
    }
    if (tab != nullptr)
        for (auto* c : editor.getChildren())
            if (c->getTitle() == "Filters tab")
                dynamic_cast<juce::Button*>(c)->triggerClick();
}

void checkThreeSizes(juce::AudioProcessorEditor& editor)
{
    const auto* limits = editor.getConstrainer();
    REQUIRE(limits != nullptr);
    const int defaultW = editor.getWidth(), defaultH = editor.getHeight();
    SECTION("smallest size the window allows") { checkAtSize(editor, limits->getMinimumWidth(), limits->getMinimumHeight()); }
    SECTION("default size") { checkAtSize(editor, defaultW, defaultH); }
    SECTION("1600x1000") { checkAtSize(editor, 1600, 1000); }
}

} // namespace

TEST_CASE("Editor layout: nothing outside its parent, overlapping or cut, at min, default and 1600x1000 (plugin)",
          "[plugin][editor][layout]")
{
    Fixture f(false);
    checkThreeSizes(*f.editor);
}

TEST_CASE("Editor layout: nothing outside its parent, overlapping or cut, at min, default and 1600x1000 (app with player)",
          "[plugin][editor][layout]")
{
    Fixture f(true);
    REQUIRE(f.processor->player() != nullptr);
    checkThreeSizes(*f.editor);
}

TEST_CASE("Editor layout: separate channels and FIR linear phase (longest choices, channel selector shown)",
          "[plugin][editor][layout]")
{
    Fixture f(true, true);
    checkThreeSizes(*f.editor);
}
