#include "ListeningPanel.h"

#include "StandaloneAudio.h"
#include "Theme.h"

#include "dsp/core/Error.h"
#include "dsp/listening/Binomial.h"
#include "dsp/preset/PresetExport.h"

namespace iemeq::ui {

using listening::Side;
using listening::TestKind;

namespace {

const int kTrialChoices[] = { 8, 10, 12, 16, 20, 24, 32 };

juce::String modeName(CorrectionMode m)
{
    switch (m) {
    case CorrectionMode::FirMinimumPhase: return "FIR, minimum phase";
    case CorrectionMode::FirLinearPhase: return "FIR, linear phase";
    default: return "parametric EQ";
    }
}

// "Simgot EW200 to Harman in-ear 2019, parametric EQ"
std::string describeSpec(const CorrectionSpec& s)
{
    juce::String text = s.iemName.empty() ? juce::String("IEM") : juce::String(s.iemName);
    if (!s.targetName.empty())
        text << " to " << s.targetName;
    text << ", " << modeName(s.mode);
    if (s.manual())
        text << " (manual filters)";
    return text.toStdString();
}

void styleBig(juce::TextButton& b)
{
    b.setClickingTogglesState(false);
    b.setWantsKeyboardFocus(false);
    b.setColour(juce::TextButton::buttonOnColourId, theme::accent);
}

} // namespace

ListeningPanel::ListeningPanel(plugin::IemeqProcessor& p) : processor_(p)
{
    setTitle("Blind listening test");
    setWantsKeyboardFocus(true);
    setFocusContainerType(FocusContainerType::keyboardFocusContainer);

    title_.setFont(juce::Font(20.0f, juce::Font::bold));
    title_.setColour(juce::Label::textColourId, theme::accent);
    note_.setColour(juce::Label::textColourId, theme::warning);
    help_.setColour(juce::Label::textColourId, theme::dimText);
    help_.setJustificationType(juce::Justification::topLeft);
    help_.setMinimumHorizontalScale(1.0f);
    kindLabel_.setText("Test", juce::dontSendNotification);
    compareLabel_.setText("Compare", juce::dontSendNotification);
    trialsLabel_.setText("Trials", juce::dontSendNotification);
    kindBox_.addItem("ABX: is there an audible difference?", 1);
    kindBox_.addItem("Blind preference: which one is better?", 2);
    kindBox_.setSelectedId(1, juce::dontSendNotification);
    kindBox_.onChange = [this] { setTest(kindBox_.getSelectedId() == 2 ? TestKind::Preference : TestKind::Abx, trials_); };
    compareBox_.addItem("Current correction vs original", 1);
    compareBox_.addItem("Current correction vs a preset file", 2);
    compareBox_.setSelectedId(1, juce::dontSendNotification);
    compareBox_.onChange = [this] {
        compare_ = compareBox_.getSelectedId() == 2 ? Compare::CurrentVsPreset : Compare::CorrectedVsOriginal;
        if (compare_ == Compare::CurrentVsPreset && presetDesign_ == nullptr && !designing_)
            choosePresetFile();
        resized();
        repaint();
    };
    for (int t : kTrialChoices)
        trialsBox_.addItem(juce::String(t), t);
    trialsBox_.setSelectedId(trials_, juce::dontSendNotification);
    trialsBox_.onChange = [this] { setTest(kind_, trialsBox_.getSelectedId()); };
    for (auto* box : { &kindBox_, &compareBox_, &trialsBox_ })
        box->setWantsKeyboardFocus(false);
    presetButton_.onClick = [this] { choosePresetFile(); };
    startButton_.onClick = [this] { start(); };
    closeButton_.onClick = [this] {
        if (onClose)
            onClose();
    };
    audioSettings_.onClick = [] { showStandaloneAudioSettings(); };

    for (auto* b : { &listenA_, &listenB_, &listenX_ }) {
        styleBig(*b);
        b->setLookAndFeel(&bigLetters_);
        b->setColour(juce::TextButton::buttonColourId, theme::panel.brighter(0.08f));
        b->setColour(juce::TextButton::textColourOffId, theme::text);
        b->setColour(juce::TextButton::textColourOnId, juce::Colours::white);
    }
    listenA_.onClick = [this] { listen(kind_ == TestKind::Abx ? 'A' : '1'); };
    listenB_.onClick = [this] { listen(kind_ == TestKind::Abx ? 'B' : '2'); };
    listenX_.onClick = [this] { listen('X'); };
    for (auto* b : { &answerA_, &answerB_ })
        styleBig(*b);
    answerA_.onClick = [this] { kind_ == TestKind::Abx ? choose('1') : prefer('1'); };
    answerB_.onClick = [this] { kind_ == TestKind::Abx ? choose('2') : prefer('2'); };
    next_.onClick = [this] { confirm(); };
    stopButton_.onClick = [this] { stop("Test stopped: nothing was scored."); };
    counter_.setFont(juce::Font(18.0f, juce::Font::bold));
    sides_.setColour(juce::Label::textColourId, theme::dimText);
    keys_.setColour(juce::Label::textColourId, theme::dimText);
    loudness_.setColour(juce::Label::textColourId, theme::dimText);

    score_.setFont(juce::Font(26.0f, juce::Font::bold));
    verdict_.setFont(juce::Font(18.0f, juce::Font::bold));
    compared_.setColour(juce::Label::textColourId, theme::dimText);
    stats_.setColour(juce::Label::textColourId, theme::dimText);
    compared_.setJustificationType(juce::Justification::topLeft);
    saved_.setColour(juce::Label::textColourId, theme::dimText);
    save_.onClick = [this] { chooseSaveFile(); };
    again_.onClick = [this] { showPage(Page::Setup); };
    done_.onClick = [this] {
        if (onClose)
            onClose();
    };
    for (juce::Component* c : std::initializer_list<juce::Component*> {
             &title_, &note_, &kindLabel_, &compareLabel_, &trialsLabel_, &help_, &kindBox_, &compareBox_, &trialsBox_, &presetButton_,
             &startButton_, &closeButton_, &counter_, &sides_, &keys_, &loudness_, &listenA_, &listenB_, &listenX_, &answerA_, &answerB_,
             &next_, &stopButton_, &score_, &pValue_, &verdict_, &compared_, &saved_, &save_, &again_, &done_, &audioSettings_, &stats_ })
        addChildComponent(c);
    for (auto* b : { &presetButton_, &startButton_, &closeButton_, &next_, &stopButton_, &save_, &again_, &done_, &audioSettings_ })
        b->setWantsKeyboardFocus(false);
    showPage(Page::Setup);
    startTimerHz(10);
}

ListeningPanel::~ListeningPanel()
{
    for (auto* b : { &listenA_, &listenB_, &listenX_ })
        b->setLookAndFeel(nullptr);
    *alive_ = false;
    if (designer_.joinable())
        designer_.join();
    processor_.stopComparison();
}

const listening::BlindSession* ListeningPanel::session() const
{
    if (abx_)
        return abx_.get();
    return preference_.get();
}

void ListeningPanel::setTest(TestKind kind, int trials)
{
    kind_ = kind;
    trials_ = std::clamp(trials, 1, 1000);
    kindBox_.setSelectedId(kind == TestKind::Abx ? 1 : 2, juce::dontSendNotification);
    trialsBox_.setSelectedId(trials_, juce::dontSendNotification);
    showPage(page_);
}

listening::ComparedSide ListeningPanel::describeCurrent() const
{
    const auto d = processor_.latestDesign();
    if (!d || !d->spec)
        return { "corrected", "the current correction" };
    const std::string target = d->spec->targetName.empty() ? std::string("target") : d->spec->targetName;
    return { "corrected (" + target + ")", describeSpec(*d->spec) };
}

void ListeningPanel::choosePresetFile()
{
    chooser_ = std::make_unique<juce::FileChooser>("Compare the current correction with a preset", presetFile_, "*.json;*.txt");
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this](const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  comparePreset(fc.getResult());
                              else if (presetDesign_ == nullptr && !designing_)
                                  compareBox_.setSelectedId(1);
                          });
}

void ListeningPanel::comparePreset(const juce::File& file)
{
    if (designing_)
        return;
    if (designer_.joinable())
        designer_.join();
    compare_ = Compare::CurrentVsPreset;
    compareBox_.setSelectedId(2, juce::dontSendNotification);
    presetFile_ = file;
    presetDesign_ = nullptr;
    designing_ = true;
    note_.setText("Designing " + file.getFileNameWithoutExtension() + "...", juce::dontSendNotification);
    showPage(Page::Setup);
    // Designing (an FIR especially) takes a moment: off the message thread.
    designer_ = std::thread([this, file, alive = alive_] {
        std::shared_ptr<const plugin::DesignResult> design;
        listening::ComparedSide side;
        juce::String error;
        try {
            const Preset preset = importPresetFile(file.getFullPathName().toStdString());
            design = processor_.designForComparison(preset.spec);
            side.label = preset.name.empty() ? file.getFileNameWithoutExtension().toStdString() : preset.name;
            side.description = describeSpec(preset.spec) + " (preset " + file.getFileName().toStdString() + ")";
        } catch (const std::exception& e) {
            error = e.what();
        }
        juce::MessageManager::callAsync([this, alive, design, side, error] {
            if (!*alive)
                return;
            designing_ = false;
            presetDesign_ = design;
            presetSide_ = side;
            note_.setText(error.isEmpty() ? juce::String() : "Cannot compare with this preset: " + error, juce::dontSendNotification);
            showPage(Page::Setup);
        });
    });
}

bool ListeningPanel::start(std::optional<std::uint64_t> seed)
{
    const auto current = processor_.latestDesign();
    if (!current || !current->correction) {
        note_.setText("Load a measurement and a target first: there is no correction to test.", juce::dontSendNotification);
        return false;
    }
    std::shared_ptr<const plugin::DesignResult> other;
    listening::ComparedSide a = describeCurrent(), b { "original", "no correction (the input as it is)" };
    if (compare_ == Compare::CurrentVsPreset) {
        if (presetDesign_ == nullptr) {
            note_.setText(designing_ ? "The preset is still being designed." : "Choose a preset to compare with.", juce::dontSendNotification);
            return false;
        }
        other = presetDesign_;
        b = presetSide_;
    }
    try {
        processor_.startComparison(current, other);
    } catch (const std::exception& e) {
        note_.setText(e.what(), juce::dontSendNotification);
        return false;
    }
    abx_.reset();
    preference_.reset();
    results_.reset();
    chosen_ = 0;
    if (kind_ == TestKind::Abx)
        abx_ = seed ? std::make_unique<listening::AbxSession>(a, b, trials_, *seed) : std::make_unique<listening::AbxSession>(a, b, trials_);
    else
        preference_ = seed ? std::make_unique<listening::BlindPreferenceSession>(a, b, trials_, *seed)
                           : std::make_unique<listening::BlindPreferenceSession>(a, b, trials_);
    processor_.playSide(session()->audibleSide());
    note_.setText({}, juce::dontSendNotification);
    showPage(Page::Trial);
    return true;
}

void ListeningPanel::listen(char which)
{
    if (page_ != Page::Trial || !processor_.comparisonSettled())
        return;
    const char before = session()->listening();
    if (abx_)
        abx_->listen(which);
    else
        preference_->listen(which);
    // A change of what is selected is a switch, also when the side heard stays the same (A -> X
    // when X is A): the same fade either way.
    if (session()->listening() != before)
        processor_.playSide(session()->audibleSide());
    refreshTrial();
}

void ListeningPanel::choose(char answer)
{
    if (page_ != Page::Trial || !abx_)
        return;
    chosen_ = answer;
    refreshTrial();
}

void ListeningPanel::confirm()
{
    if (page_ != Page::Trial || !processor_.comparisonSettled())
        return;
    if (abx_) {
        if (chosen_ == 0)
            return;
        abx_->answer(chosen_ == '1' ? Side::A : Side::B);
        afterAnswer();
    } else {
        prefer(preference_->listening());
    }
}

void ListeningPanel::prefer(char presented)
{
    if (page_ != Page::Trial || !preference_ || !processor_.comparisonSettled())
        return;
    preference_->prefer(presented);
    afterAnswer();
}

void ListeningPanel::afterAnswer()
{
    chosen_ = 0;
    if (session()->finished()) {
        results_ = session()->results();
        processor_.stopComparison();
        showPage(Page::Result);
        return;
    }
    processor_.playSide(session()->audibleSide());  // each trial starts on A (or 1)
    refreshTrial();
}

void ListeningPanel::stop(const juce::String& why)
{
    processor_.stopComparison();
    abx_.reset();
    preference_.reset();
    note_.setText(why, juce::dontSendNotification);
    showPage(Page::Setup);
}

void ListeningPanel::press(juce::juce_wchar key)
{
    keyPressed(juce::KeyPress(key));
}

bool ListeningPanel::keyPressed(const juce::KeyPress& key)
{
    // Typed text, or the key code (a KeyPress made from a code alone has no text character).
    const juce::juce_wchar c = juce::CharacterFunctions::toUpperCase(key.getTextCharacter() != 0 ? key.getTextCharacter()
                                                                                                   : static_cast<juce::juce_wchar>(key.getKeyCode()));
    const bool enter = key == juce::KeyPress::returnKey || c == '\r' || c == '\n';
    const bool escape = key == juce::KeyPress::escapeKey || c == 27;
    switch (page_) {
    case Page::Setup:
        if (enter)
            start();
        else if (escape && onClose)
            onClose();
        return true;
    case Page::Trial:
        if (escape)
            stop("Test stopped: nothing was scored.");
        else if (enter)
            confirm();
        else if (kind_ == TestKind::Abx && (c == 'A' || c == 'B' || c == 'X'))
            listen(static_cast<char>(c));
        else if (kind_ == TestKind::Abx && (c == '1' || c == '2'))
            choose(static_cast<char>(c));
        else if (kind_ == TestKind::Preference && (c == '1' || c == '2'))
            listen(static_cast<char>(c));
        return true;
    case Page::Result:
        if (escape && onClose)
            onClose();
        else if (enter)
            showPage(Page::Setup);
        return true;
    }
    return true;
}

juce::String ListeningPanel::loudnessLine() const
{
    const auto g = processor_.matchGains();
    juce::String side = g.trimDb() == 0.0 ? juce::String("no trim needed")
                                          : juce::String(g.side() == listening::TrimmedSide::Corrected ? "A" : "B") + " turned down by "
                                                + juce::String(-g.trimDb(), 1) + " dB";
    return "Loudness matched (BS.1770, " + juce::String(processor_.matchFromProgramme() ? "whole track" : "measured as it plays")
           + "): " + side + ". Same latency, same 20 ms crossfade on every switch.";
}

juce::String ListeningPanel::audioProblem()
{
    if (auto problem = standaloneOutputProblem(); problem.isNotEmpty())
        return problem + ": nothing can be heard. Open one in the audio settings.";
    if (auto* player = processor_.player(); player != nullptr && !player->hasTrack())
        return "Open a track in the player (or play into the input) to hear the comparison.";
    // Inside a DAW: the host must be playing through iemeq.
    const std::uint64_t blocks = processor_.blocksProcessed();
    const double now = juce::Time::getMillisecondCounterHiRes() / 1000.0;
    if (blocks != lastBlocks_) {
        lastBlocks_ = blocks;
        lastBlocksAt_ = now;
        return {};
    }
    return now - lastBlocksAt_ > 1.0 ? juce::String("No audio is reaching iemeq: start playback.") : juce::String();
}

void ListeningPanel::timerCallback()
{
    const juce::String problem = audioProblem();
    const bool deviceMissing = standaloneOutputProblem().isNotEmpty();
    if (audioSettings_.isVisible() != deviceMissing) {
        audioSettings_.setVisible(deviceMissing);
        resized();
    }
    if (page_ == Page::Trial) {
        if (!processor_.comparing()) {
            stop(processor_.statusMessage().isNotEmpty() ? processor_.statusMessage() : juce::String("The comparison ended."));
            return;
        }
        note_.setText(problem, juce::dontSendNotification);
        refreshTrial();
    } else if (page_ == Page::Setup && !designing_ && note_.getText().isEmpty()) {
        note_.setText(problem, juce::dontSendNotification);
    }
}

void ListeningPanel::refreshTrial()
{
    const auto* s = session();
    if (s == nullptr || s->finished())
        return;
    const bool abx = kind_ == TestKind::Abx;
    const bool ready = processor_.comparisonSettled();
    counter_.setText(juce::String(abx ? "ABX" : "Blind preference") + "   -   trial " + juce::String(s->trialNumber()) + " of "
                         + juce::String(s->plannedTrials()) + (ready ? "" : "   (preparing both sides...)"),
                     juce::dontSendNotification);
    const auto header = s->results();
    sides_.setText(abx ? "A: " + juce::String(header.a.label) + "      B: " + juce::String(header.b.label)
                       : juce::String("1 and 2 are ") + header.a.label + " and " + header.b.label + ", in an order drawn for each trial",
                   juce::dontSendNotification);
    const char sel = s->listening();
    listenA_.setToggleState(sel == (abx ? 'A' : '1'), juce::dontSendNotification);
    listenB_.setToggleState(sel == (abx ? 'B' : '2'), juce::dontSendNotification);
    listenX_.setToggleState(sel == 'X', juce::dontSendNotification);
    answerA_.setToggleState(abx && chosen_ == '1', juce::dontSendNotification);
    answerB_.setToggleState(abx && chosen_ == '2', juce::dontSendNotification);
    for (auto* b : { &listenA_, &listenB_, &listenX_, &answerA_, &answerB_ })
        b->setEnabled(ready);
    next_.setEnabled(ready && (!abx || chosen_ != 0));
    loudness_.setText(loudnessLine(), juce::dontSendNotification);
}

void ListeningPanel::showPage(Page p)
{
    page_ = p;
    const bool setup = p == Page::Setup, trial = p == Page::Trial, result = p == Page::Result;
    const bool abx = kind_ == TestKind::Abx;
    for (juce::Component* c : std::initializer_list<juce::Component*> { &kindLabel_, &compareLabel_, &trialsLabel_, &help_, &kindBox_,
                                                                        &compareBox_, &trialsBox_, &startButton_, &closeButton_ })
        c->setVisible(setup);
    presetButton_.setVisible(setup && compare_ == Compare::CurrentVsPreset);
    for (juce::Component* c : std::initializer_list<juce::Component*> { &counter_, &sides_, &keys_, &loudness_, &listenA_, &listenB_,
                                                                        &answerA_, &answerB_, &stopButton_ })
        c->setVisible(trial);
    listenX_.setVisible(trial && abx);
    next_.setVisible(trial && abx);
    for (juce::Component* c : std::initializer_list<juce::Component*> { &score_, &pValue_, &verdict_, &compared_, &saved_, &save_, &again_, &done_, &stats_ })
        c->setVisible(result);
    note_.setVisible(!result);
    title_.setVisible(true);

    if (setup) {
        title_.setText("Blind listening test", juce::dontSendNotification);
        presetButton_.setButtonText(presetFile_ == juce::File() ? juce::String("Choose preset...") : presetFile_.getFileNameWithoutExtension() + "...");
        startButton_.setEnabled(!designing_);
        help_.setText(abx ? "ABX: A and B are known; X is one of them, drawn at random for every trial. Switch freely "
                            "between A, B and X (keys A, B, X), then say whether X is A or B (1 or 2, Enter to confirm). "
                            "No answer is shown until the end: then the score and the chance of doing as well by guessing."
                          : "Blind preference: the two sides are presented as 1 and 2, in an order drawn for every trial. "
                            "Switch with 1 and 2 and press Enter on the one you prefer (or click Prefer 1 / Prefer 2). "
                            "At the end: how often each side was preferred and whether that is more than chance.",
                      juce::dontSendNotification);
    } else if (trial) {
        title_.setText("Blind listening test", juce::dontSendNotification);
        listenA_.setButtonText(abx ? "A" : "1");
        listenB_.setButtonText(abx ? "B" : "2");
        answerA_.setButtonText(abx ? "X is A  (1)" : "Prefer 1");
        answerB_.setButtonText(abx ? "X is B  (2)" : "Prefer 2");
        keys_.setText(abx ? "Keys: A, B, X listen   -   1 = X is A, 2 = X is B   -   Enter confirms   -   Esc stops"
                          : "Keys: 1, 2 listen   -   Enter prefers the one playing   -   Esc stops",
                      juce::dontSendNotification);
        refreshTrial();
    } else if (results_) {
        const auto& r = *results_;
        title_.setText(abx ? "ABX result" : "Blind preference result", juce::dontSendNotification);
        score_.setText(abx ? juce::String(r.score) + " of " + juce::String(r.answered()) + " correct"
                           : "A preferred " + juce::String(r.score) + " of " + juce::String(r.answered()) + " times",
                       juce::dontSendNotification);
        pValue_.setText(juce::String(listening::formatP(r.pValue))
                            + (abx ? "  -  the chance of scoring this well or better by guessing"
                                   : "  -  the chance of a split at least this uneven by coin flips"),
                        juce::dontSendNotification);
        juce::String verdict(r.verdict);
        verdict_.setText(verdict.substring(0, 1).toUpperCase() + verdict.substring(1), juce::dontSendNotification);
        verdict_.setColour(juce::Label::textColourId, r.pValue < listening::kSignificance ? theme::corrected : theme::text);
        compared_.setText("A: " + juce::String(r.a.label) + " - " + juce::String(r.a.description) + "\nB: " + juce::String(r.b.label) + " - "
                              + juce::String(r.b.description)
                              + (r.pValue < listening::kSignificance ? juce::String()
                                                                      : "\nA result above p = 0.05 does not show that there is no "
                                                                        "difference, only that this test did not find one."),
                          juce::dontSendNotification);
        saved_.setText({}, juce::dontSendNotification);
        int switches = 0;
        for (const auto& t : r.trials)
            switches += static_cast<int>(t.switches.size());
        const double seconds = r.trials.empty() ? 0.0 : r.trials.back().answerSeconds;
        stats_.setText(juce::String(r.answered()) + " trials in " + juce::String(static_cast<int>(seconds) / 60) + " min "
                           + juce::String(static_cast<int>(seconds) % 60) + " s, " + juce::String(switches) + " switches"
                           + (abx ? juce::String("   (green: right, grey: wrong)") : juce::String("   (the side preferred in each trial)")),
                       juce::dontSendNotification);
    }
    resized();
    repaint();
    if (isShowing())
        grabKeyboardFocus();
}

void ListeningPanel::chooseSaveFile()
{
    if (!results_)
        return;
    const juce::String name = "iemeq listening " + juce::String(results_->date).replaceCharacter(':', '-');
    chooser_ = std::make_unique<juce::FileChooser>(
        "Save the results (JSON, and CSV next to it)",
        juce::File::getSpecialLocation(juce::File::userDocumentsDirectory).getChildFile(name + ".json"), "*.json");
    chooser_->launchAsync(juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this](const juce::FileChooser& fc) {
                              if (fc.getResult() != juce::File())
                                  saved_.setText(saveResults(fc.getResult()), juce::dontSendNotification);
                          });
}

juce::String ListeningPanel::saveResults(const juce::File& jsonFile)
{
    if (!results_)
        return "Nothing to save yet.";
    const juce::File json = jsonFile.withFileExtension("json"), csv = jsonFile.withFileExtension("csv");
    try {
        listening::saveResults(*results_, json.getFullPathName().toStdString(), csv.getFullPathName().toStdString());
        return "Saved " + json.getFileName() + " and " + csv.getFileName() + " (iemeq report --listening " + json.getFileName() + ")";
    } catch (const std::exception& e) {
        return juce::String("Not saved: ") + e.what();
    }
}

void ListeningPanel::paint(juce::Graphics& g)
{
    g.fillAll(juce::Colours::black.withAlpha(0.6f));
    const auto card = getLocalBounds().withSizeKeepingCentre(std::min(720, getWidth() - 20), std::min(500, getHeight() - 20)).toFloat();
    g.setColour(theme::panel);
    g.fillRoundedRectangle(card, 10.0f);
    g.setColour(theme::accent.withAlpha(0.5f));
    g.drawRoundedRectangle(card.reduced(0.5f), 10.0f, 1.0f);
}

void ListeningPanel::paintOverChildren(juce::Graphics& g)
{
    if (page_ != Page::Result || !results_ || strip_.isEmpty())
        return;
    const auto& trials = results_->trials;
    const int n = static_cast<int>(trials.size());
    if (n == 0)
        return;
    const float w = std::min(34.0f, static_cast<float>(strip_.getWidth()) / static_cast<float>(n));
    g.setFont(juce::Font(12.0f, juce::Font::bold));
    for (int i = 0; i < n; ++i) {
        const auto& t = trials[static_cast<std::size_t>(i)];
        const juce::Rectangle<float> box(static_cast<float>(strip_.getX()) + w * static_cast<float>(i), static_cast<float>(strip_.getY()),
                                         w - 3.0f, static_cast<float>(strip_.getHeight()));
        const bool abx = results_->kind == TestKind::Abx;
        g.setColour(abx ? (t.correct ? theme::corrected.withAlpha(0.8f) : theme::dimText.withAlpha(0.35f))
                        : (t.answer == Side::A ? theme::accent.withAlpha(0.8f) : theme::measurement.withAlpha(0.8f)));
        g.fillRoundedRectangle(box, 3.0f);
        g.setColour(theme::text);
        g.drawText(abx ? juce::String(t.number) : juce::String::charToString(listening::sideLetter(t.answer)), box, juce::Justification::centred);
    }
}

void ListeningPanel::resized()
{
    auto r = getLocalBounds().withSizeKeepingCentre(std::min(720, getWidth() - 20), std::min(500, getHeight() - 20)).reduced(22, 18);
    title_.setBounds(r.removeFromTop(30));
    r.removeFromTop(6);
    auto bottom = r.removeFromBottom(32);
    auto noteRow = r.removeFromBottom(26);
    if (audioSettings_.isVisible())
        audioSettings_.setBounds(noteRow.removeFromRight(140));
    note_.setBounds(noteRow);
    r.removeFromBottom(6);
    if (page_ == Page::Setup) {
        const auto row = [&r](juce::Label& label, juce::Component& c) {
            auto line = r.removeFromTop(30);
            label.setBounds(line.removeFromLeft(90));
            c.setBounds(line.removeFromLeft(380));
            r.removeFromTop(8);
            return line;
        };
        row(kindLabel_, kindBox_);
        auto line = row(compareLabel_, compareBox_);
        presetButton_.setBounds(line.removeFromLeft(190).withTrimmedLeft(10));
        auto trials = r.removeFromTop(30);
        trialsLabel_.setBounds(trials.removeFromLeft(90));
        trialsBox_.setBounds(trials.removeFromLeft(90));
        r.removeFromTop(6);
        help_.setBounds(r);
        startButton_.setBounds(bottom.removeFromRight(150));
        bottom.removeFromRight(10);
        closeButton_.setBounds(bottom.removeFromRight(130));
    } else if (page_ == Page::Trial) {
        counter_.setBounds(r.removeFromTop(28));
        sides_.setBounds(r.removeFromTop(24));
        r.removeFromTop(14);
        auto big = r.removeFromTop(110);
        const int n = kind_ == TestKind::Abx ? 3 : 2;
        const int w = std::min(150, (big.getWidth() - (n - 1) * 16) / n);
        auto buttons = big.withSizeKeepingCentre(n * w + (n - 1) * 16, big.getHeight());
        for (juce::TextButton* b : { &listenA_, &listenB_, &listenX_ }) {
            if (!b->isVisible())
                continue;
            b->setBounds(buttons.removeFromLeft(w));
            buttons.removeFromLeft(16);
        }
        r.removeFromTop(18);
        auto answers = r.removeFromTop(44);
        auto centred = answers.withSizeKeepingCentre(kind_ == TestKind::Abx ? 3 * 170 + 2 * 12 : 2 * 170 + 12, 44);
        answerA_.setBounds(centred.removeFromLeft(170));
        centred.removeFromLeft(12);
        answerB_.setBounds(centred.removeFromLeft(170));
        centred.removeFromLeft(12);
        next_.setBounds(centred.removeFromLeft(170));
        r.removeFromTop(16);
        keys_.setBounds(r.removeFromTop(22));
        loudness_.setBounds(r.removeFromTop(40));
        stopButton_.setBounds(bottom.removeFromRight(150));
    } else {
        score_.setBounds(r.removeFromTop(40));
        pValue_.setBounds(r.removeFromTop(24));
        r.removeFromTop(6);
        verdict_.setBounds(r.removeFromTop(30));
        r.removeFromTop(10);
        saved_.setBounds(r.removeFromBottom(24));
        compared_.setBounds(r.removeFromTop(66));
        r.removeFromTop(8);
        strip_ = r.removeFromTop(34);
        stats_.setBounds(r.removeFromTop(24));
        done_.setBounds(bottom.removeFromRight(110));
        bottom.removeFromRight(10);
        again_.setBounds(bottom.removeFromRight(110));
        bottom.removeFromRight(10);
        save_.setBounds(bottom.removeFromRight(150));
    }
}

} // namespace iemeq::ui
