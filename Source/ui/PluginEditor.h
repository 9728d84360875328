#pragma once
// The editor: response graph with draggable filter nodes, filter table, file loading (buttons,
// drag-and-drop, bundled targets, presets), mode/channel choice, A/B, knobs and readouts; in the
// standalone app also the music player. Resizable, every control reachable by keyboard.
#include "CentredSlider.h"
#include "FilterTable.h"
#include "ListeningPanel.h"
#include "LibraryBrowser.h"
#include "NameDialog.h"
#include "PlayerComponent.h"
#include "AnalysisPanel.h"
#include "ResponseGraph.h"
#include "dsp/preset/PresetLibrary.h"
#include "Theme.h"
#include "plugin/PluginProcessor.h"

#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui {

class IemeqEditor final : public juce::AudioProcessorEditor, public juce::FileDragAndDropTarget, private juce::Timer {
public:
    explicit IemeqEditor(plugin::IemeqProcessor& p);
    ~IemeqEditor() override;

    void paint(juce::Graphics&) override;
    void resized() override;
    bool isInterestedInFileDrag(const juce::StringArray& files) override;
    void filesDropped(const juce::StringArray& files, int x, int y) override;

    void refresh();  // pulls the latest design and curves from the processor
    void loadPreset(const juce::File& file);
    // The blind listening test over the editor (button "Blind test...", Ctrl/Cmd+T).
    ListeningPanel& openListening();
    // "Find IEM...": the search over the measurement libraries, over the graph (`query` typed in).
    void showLibraryBrowser(const juce::String& query = {});
    // An IEM from a library into the processor, as "Load IEM..." does with files, with its origin.
    static void loadLibraryIem(plugin::IemeqProcessor& processor, const LoadedIem& iem);

    // The A/B readout in plain words: "A/B: original 2.9 dB quieter to match" (never "trimmed by -").
    static juce::String abReadout(const listening::MatchGains& gains);
    // A preset's name in the menu, with the target it was made for when that is not the only one
    // ("Andromeda (Harman 2019)" / "Andromeda (diffuse field)"), from the folder it lives in.
    static juce::String presetMenuName(const PresetEntry& entry);
    // The target loaded when a measurement comes without one (as the CLI's default).
    static constexpr const char* kDefaultTarget = "Harman in-ear 2019 v2";
    // The side panel: filter table and analysis side by side, stacked, or one at a time (tabs).
    enum class SideLayout { Columns, Stacked, Tabs };
    SideLayout sideLayout() const { return sideLayout_; }

private:
    void timerCallback() override;  // the A/B loudness readout follows the match
    void chooseMeasurement();
    void chooseTarget();
    void savePreset();
    void renamePreset();
    void deletePreset();
    PresetLibrary presetLibrary() const;
    // Asks for a name in a small modal dialog; `done` runs with the text when the user confirms.
    void askForName(const juce::String& title, const juce::String& initial, std::function<void(juce::String)> done);
    void fillMenus();
    void showError(const juce::String& text);
    void filtersEdited(std::vector<PeqFilter> filters);
    int shownChannel() const;                   // 0 = L (or both), 1 = R when per channel
    std::vector<PeqFilter> shownFilters() const;  // the shown channel's filters as designed
    void showExportMenu();
    void exportCorrection(int what);
    void useDefaultTargetIfNone();
    void showSideTab(bool analysis);
    void layoutSide(juce::Rectangle<int> side);

    plugin::IemeqProcessor& processor_;
    theme::LookAndFeel lnf_;
    juce::TooltipWindow tooltips_ { this, 600 };
    ResponseGraph graph_;
    FilterTable table_;
    AnalysisPanel analysis_;
    std::unique_ptr<PlayerComponent> player_;
    juce::TextButton loadMeasurement_ { "Load IEM..." }, loadTarget_ { "Load target..." }, ab_, export_ { "Export..." };
    juce::TextButton blindTest_ { "Blind test..." };
    std::unique_ptr<ListeningPanel> listening_;
    std::shared_ptr<juce::Timer> scripted_;  // the standalone app's --ab-every
    juce::ComboBox targets_, presets_, mode_, channels_, channelView_, treble_;
    juce::TextButton showFilters_ { "Filters" }, showAnalysis_ { "Analysis" };  // the side panel's tabs when it is small
    SideLayout sideLayout_ = SideLayout::Tabs;
    bool analysisTab_ = false, defaultTargetAsked_ = false;
    juce::String statusFull_, statusShort_, statusName_;  // the status line, long to short
    void showStatus();  // the longest form that fits
    juce::ToggleButton autoPreamp_ { "Auto preamp" };
    juce::Label title_, status_;
    juce::Label warnings_;                 // on the status row: what to double-check (designWarnings)
    juce::StringArray warningLines_;
    void showWarnings();                   // the warnings line, as much as fits
    juce::TextButton findIem_ { "Find IEM..." };
    std::unique_ptr<LibraryBrowser> browser_;  // created on first use; kept so phone books stay loaded
    juce::Label source_;                       // under the graph: where the measurement came from
    static constexpr int kReadouts = 3;  // preamp, A/B level match, latency
    juce::Label readouts_[kReadouts];
    juce::Slider amount_, bass_, tilt_, trebleShelf_, earGain_;
    CentredSlider outputGain_;
    juce::Label amountLabel_, bassLabel_, tiltLabel_, trebleLabel_, earGainLabel_, outputGainLabel_;
    using SliderAttachment = juce::AudioProcessorValueTreeState::SliderAttachment;
    using ButtonAttachment = juce::AudioProcessorValueTreeState::ButtonAttachment;
    using ComboAttachment = juce::AudioProcessorValueTreeState::ComboBoxAttachment;
    std::vector<std::unique_ptr<SliderAttachment>> sliderAttachments_;
    std::unique_ptr<ButtonAttachment> abAttachment_, preampAttachment_;
    std::unique_ptr<ComboAttachment> modeAttachment_, channelsAttachment_;
    std::unique_ptr<juce::FileChooser> chooser_;
    juce::Array<juce::File> targetFiles_;
    std::vector<PresetEntry> presetEntries_;
    std::string currentUserPreset_;  // the user preset last loaded or saved (rename/delete act on it)
    std::unique_ptr<NameDialog> dialog_;
    juce::String error_;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR(IemeqEditor)
};

} // namespace iemeq::ui
