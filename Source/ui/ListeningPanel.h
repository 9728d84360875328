#pragma once
// The blind listening test, shown over the editor. ABX ("is there a difference?": A and B known,
// X hidden and drawn per trial) or blind preference ("which is better?": the sides presented as
// 1 and 2, drawn per trial). What is compared: the current correction vs the original, or the
// current correction vs a preset file. Keyboard: A, B, X (or 1, 2) to listen, 1 / 2 to choose
// "X is A" / "X is B", Enter to confirm, Esc to stop. No feedback per trial; at the end the
// score, the p-value and a plain verdict, and the results saved as JSON and CSV.
//
// The panel owns the session (message thread); the processor only learns which side to play.
#include "Theme.h"
#include "plugin/PluginProcessor.h"

#include "dsp/listening/AbxSession.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <optional>
#include <thread>

namespace iemeq::ui {

class ListeningPanel final : public juce::Component, private juce::Timer {
public:
    enum class Page { Setup, Trial, Result };
    enum class Compare { CorrectedVsOriginal, CurrentVsPreset };

    explicit ListeningPanel(plugin::IemeqProcessor& p);
    ~ListeningPanel() override;  // ends a running comparison

    std::function<void()> onClose;  // the editor removes the panel

    void paint(juce::Graphics&) override;
    void paintOverChildren(juce::Graphics&) override;  // the result page's trial strip
    void resized() override;
    bool keyPressed(const juce::KeyPress& key) override;
    bool keyStateChanged(bool) override { return true; }  // the editor's shortcuts (B = A/B) stay out

    // What the setup page's controls do (also for the screenshot tool and tests).
    void setTest(listening::TestKind kind, int trials);
    void comparePreset(const juce::File& presetFile);  // designs it in the background
    // Starts a session (with a seed: a replay, the screenshot tool). False with the reason shown.
    bool start(std::optional<std::uint64_t> seed = std::nullopt);
    void press(juce::juce_wchar key);  // as if typed
    Page page() const { return page_; }
    const listening::BlindSession* session() const;
    std::optional<listening::ListeningResults> finishedResults() const { return results_; }
    // Writes `base`.json and `base`.csv; returns the message shown.
    juce::String saveResults(const juce::File& jsonFile);

private:
    void timerCallback() override;
    void showPage(Page p);
    void listen(char which);      // 'A' 'B' 'X' / '1' '2'
    void choose(char answer);     // ABX: '1' = X is A, '2' = X is B
    void confirm();               // ABX: the chosen answer; preference: the side playing
    void prefer(char presented);  // preference
    void afterAnswer();
    void stop(const juce::String& why);
    void refreshTrial();
    void chooseSaveFile();
    void choosePresetFile();
    listening::ComparedSide describeCurrent() const;
    juce::String loudnessLine() const;
    juce::String audioProblem();

    // The A / B / X buttons: big letters (their colours are set on the buttons, as the theme's).
    struct BigLetters final : juce::LookAndFeel_V4 {
        juce::Font getTextButtonFont(juce::TextButton&, int height) override { return juce::Font(height * 0.32f, juce::Font::bold); }
    };
    BigLetters bigLetters_;

    plugin::IemeqProcessor& processor_;
    Page page_ = Page::Setup;
    listening::TestKind kind_ = listening::TestKind::Abx;
    int trials_ = listening::AbxSession::kDefaultTrials;
    Compare compare_ = Compare::CorrectedVsOriginal;
    std::unique_ptr<listening::AbxSession> abx_;
    std::unique_ptr<listening::BlindPreferenceSession> preference_;
    std::optional<listening::ListeningResults> results_;
    char chosen_ = 0;  // ABX answer picked but not confirmed ('1' / '2')

    // The preset side (designed off the message thread).
    juce::File presetFile_;
    std::shared_ptr<const plugin::DesignResult> presetDesign_;
    listening::ComparedSide presetSide_;
    std::thread designer_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
    bool designing_ = false;

    std::uint64_t lastBlocks_ = 0;
    double lastBlocksAt_ = 0.0;

    // Setup page.
    juce::Label title_, note_, kindLabel_, compareLabel_, trialsLabel_, help_;
    juce::ComboBox kindBox_, compareBox_, trialsBox_;
    juce::TextButton presetButton_ { "Choose preset..." }, startButton_ { "Start  (Enter)" }, closeButton_ { "Close  (Esc)" };
    // Trial page.
    juce::Label counter_, sides_, keys_, loudness_;
    juce::TextButton listenA_ { "A" }, listenB_ { "B" }, listenX_ { "X" };
    juce::TextButton answerA_ { "X is A  (1)" }, answerB_ { "X is B  (2)" }, next_ { "Confirm  (Enter)" }, stopButton_ { "Stop test  (Esc)" };
    // Result page.
    juce::Label score_, pValue_, verdict_, compared_, saved_, stats_;
    juce::Rectangle<int> strip_;  // where paintOverChildren draws one box per trial
    juce::TextButton save_ { "Save results..." }, again_ { "New test" }, done_ { "Close" };
    juce::TextButton audioSettings_ { "Audio settings..." };
    std::unique_ptr<juce::FileChooser> chooser_;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR(ListeningPanel)
};

} // namespace iemeq::ui
