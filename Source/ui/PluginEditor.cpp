#include "PluginEditor.h"

#include "DataPaths.h"
#include "NameDialog.h"
#include "StandaloneAudio.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/preset/PresetExport.h"
#include "dsp/analysis/DesignWarnings.h"
#include "dsp/analysis/ReviewAnalysis.h"
#include "dsp/curve/Alignment.h"
#include "plugin/core/DesignJob.h"

namespace iemeq::ui {

using namespace iemeq::plugin;

namespace {

// The origin in full (checksums whole), for the tooltip under the graph.
std::string originTooltip(const library::MeasurementOrigin& o)
{
    if (o.empty())
        return {};
    std::string s = o.library + " (" + o.site + "): " + o.iem;
    for (std::size_t i = 0; i < o.files.size(); ++i)
        s += "\n" + o.files[i] + (i < o.sha256.size() ? "  sha256 " + o.sha256[i] : std::string());
    return s;
}

} // namespace

IemeqEditor::IemeqEditor(IemeqProcessor& p) : AudioProcessorEditor(p), processor_(p)
{
    setLookAndFeel(&lnf_);
    setTitle("iemeq");
    setFocusContainerType(FocusContainerType::keyboardFocusContainer);
    title_.setText("iemeq", juce::dontSendNotification);
    title_.setFont(juce::Font(20.0f, juce::Font::bold));
    title_.setColour(juce::Label::textColourId, theme::accent);
    status_.setColour(juce::Label::textColourId, theme::dimText);
    warnings_.setColour(juce::Label::textColourId, theme::warning);
    warnings_.setJustificationType(juce::Justification::centredRight);
    warnings_.setTitle("Design warnings");
    addChildComponent(warnings_);
    for (juce::Component* c : std::initializer_list<juce::Component*> {
             &title_, &status_, &graph_, &table_, &analysis_, &loadMeasurement_, &loadTarget_, &targets_, &presets_, &mode_, &channels_,
             &ab_, &autoPreamp_, &export_ })
        addAndMakeVisible(c);
    addChildComponent(channelView_);
    channelView_.addItemList({ "Channel shown: L", "Channel shown: R" }, 1);
    channelView_.setSelectedItemIndex(0, juce::dontSendNotification);
    channelView_.setTitle("Channel shown in the filter table");
    channelView_.setTooltip("Per-channel correction: which channel the filter table, the graph's EQ and nodes and the analysis show");
    channelView_.onChange = [this] { refresh(); };
    export_.setTooltip("Export the correction: ParametricEQ.txt (or to the clipboard), GraphicEQ.txt, WAV impulse response, preset");
    export_.onClick = [this] { showExportMenu(); };
    blindTest_.setTooltip("Blind ABX or preference test: corrected vs original, or vs a preset, loudness-matched (Ctrl/Cmd+T)");
    blindTest_.addShortcut(juce::KeyPress('t', juce::ModifierKeys::commandModifier, 0));
    blindTest_.onClick = [this] { openListening(); };
    addAndMakeVisible(blindTest_);
    for (auto& r : readouts_) {
        r.setJustificationType(juce::Justification::centred);
        r.setFont(juce::Font(14.0f));
        r.setColour(juce::Label::backgroundColourId, theme::panel);
        addAndMakeVisible(r);
    }

    loadMeasurement_.setTooltip("Load an IEM measurement: select one file, or the L and R files (also by drag and drop)");
    loadMeasurement_.onClick = [this] { chooseMeasurement(); };
    findIem_.setTooltip("Find an IEM by name in your measurement libraries (squig.link / CrinGraph sites, folders)");
    findIem_.onClick = [this] { showLibraryBrowser(); };
    addAndMakeVisible(findIem_);
    source_.setFont(juce::Font(12.0f));
    source_.setColour(juce::Label::textColourId, theme::dimText);
    source_.setMinimumHorizontalScale(0.8f);
    addAndMakeVisible(source_);
    loadTarget_.setTooltip("Load a target curve file");
    loadTarget_.onClick = [this] { chooseTarget(); };
    targets_.setTitle("Bundled targets");
    targets_.setTextWhenNothingSelected("Bundled targets");
    targets_.onChange = [this] {
        const int i = targets_.getSelectedItemIndex();
        if (i < 0 || i >= targetFiles_.size())
            return;
        try {
            processor_.loadTargetFile(targetFiles_[i].getFullPathName());
            error_ = {};
        } catch (const std::exception& e) {
            showError(e.what());
        }
    };
    presets_.setTitle("Presets");
    presets_.setTextWhenNothingSelected("Presets");
    presets_.onChange = [this] {
        const int id = presets_.getSelectedId();
        presets_.setSelectedId(0, juce::dontSendNotification);
        if (id == 1)
            savePreset();
        else if (id == 2)
            renamePreset();
        else if (id == 3)
            deletePreset();
        else if (id >= 100 && id - 100 < static_cast<int>(presetEntries_.size())) {
            const auto& entry = presetEntries_[static_cast<std::size_t>(id - 100)];
            loadPreset(juce::File(entry.path));
            currentUserPreset_ = entry.bundled ? std::string {} : entry.name;
            fillMenus();
        }
    };
    mode_.addItemList(processor_.parameters().getParameter(ParamID::mode)->getAllValueStrings(), 1);
    mode_.setTitle("Correction mode");
    mode_.setTooltip("Parametric EQ, or FIR (minimum phase: no latency; linear phase: no phase change, adds latency)");
    modeAttachment_ = std::make_unique<ComboAttachment>(p.parameters(), ParamID::mode, mode_);
    channels_.addItemList(processor_.parameters().getParameter(ParamID::channelMode)->getAllValueStrings(), 1);
    channels_.setTitle("Channel mode");
    channels_.setTooltip("Linked: one correction from the L/R average. Separate: each channel corrected on its own");
    channelsAttachment_ = std::make_unique<ComboAttachment>(p.parameters(), ParamID::channelMode, channels_);

    ab_.setClickingTogglesState(true);
    ab_.setTitle("A/B: correction on or off");
    ab_.setTooltip("Switch the correction on/off at matched loudness (key: B)");
    ab_.addShortcut(juce::KeyPress('b'));
    ab_.onStateChange = [this] {
        ab_.setButtonText(ab_.getToggleState() ? "A/B:  CORRECTED" : "A/B:  ORIGINAL");
    };
    abAttachment_ = std::make_unique<ButtonAttachment>(p.parameters(), ParamID::correction, ab_);
    ab_.setButtonText(ab_.getToggleState() ? "A/B:  CORRECTED" : "A/B:  ORIGINAL");
    autoPreamp_.setTooltip("Lower the level by the largest boost so the corrected signal never clips");
    preampAttachment_ = std::make_unique<ButtonAttachment>(p.parameters(), ParamID::autoPreamp, autoPreamp_);

    const std::pair<juce::Slider*, std::pair<juce::Label*, const char*>> sliders[] = {
        { &amount_, { &amountLabel_, ParamID::amount } },    { &bass_, { &bassLabel_, ParamID::bass } },
        { &tilt_, { &tiltLabel_, ParamID::tilt } },          { &trebleShelf_, { &trebleLabel_, ParamID::treble } },
        { &earGain_, { &earGainLabel_, ParamID::earGain } }, { &outputGain_, { &outputGainLabel_, ParamID::outputGain } },
    };
    for (const auto& [slider, labelAndId] : sliders) {
        slider->setSliderStyle(juce::Slider::RotaryHorizontalVerticalDrag);
        slider->setTextBoxStyle(juce::Slider::TextBoxBelow, false, 80, 18);
        slider->setWantsKeyboardFocus(true);
        auto* param = p.parameters().getParameter(labelAndId.second);
        slider->setTitle(param->getName(32));
        addAndMakeVisible(*slider);
        labelAndId.first->setText(param->getName(32), juce::dontSendNotification);
        labelAndId.first->setJustificationType(juce::Justification::centred);
        labelAndId.first->setColour(juce::Label::textColourId, theme::dimText);
        addAndMakeVisible(*labelAndId.first);
        sliderAttachments_.push_back(std::make_unique<SliderAttachment>(p.parameters(), labelAndId.second, *slider));
    }
    bass_.setTooltip("Target bass shelf (105 Hz)");
    tilt_.setTooltip("Target tilt around 1 kHz, dB per octave");
    trebleShelf_.setTooltip("Target treble shelf (10 kHz)");
    earGain_.setTooltip("Target ear-gain peak (2.75 kHz)");
    amount_.setTooltip("How much of the difference to the target is corrected");
    // The attachment shows the bare number: say it is a percentage.
    amount_.textFromValueFunction = [](double v) { return juce::String(juce::roundToInt(v)) + " %"; };
    amount_.updateText();
    outputGain_.setTooltip("Output level after the correction (0 dB: unchanged)");

    // The treble policy (issue 13): a design choice stored in the spec, presets and state.
    treble_.addItem("Treble: smooth", 1);
    treble_.addItem("Treble: fit", 2);
    treble_.addItem("Treble: off", 3);
    treble_.setTitle("Treble policy");
    treble_.setTooltip("Couplers measure an ear canal reliably up to about 6 kHz; above that the coupler's own resonances and "
                       "your ear decide the peaks.\nSmooth (default): the full-resolution fit up to 6 kHz, only the broad "
                       "(1-octave) level above 8 kHz.\nFit: follow the measurement up to 10 kHz.\nOff: nothing corrected above 8 kHz.");
    treble_.onChange = [this] {
        const int id = treble_.getSelectedId();
        if (id > 0)
            processor_.setTreblePolicy(id == 2 ? TreblePolicy::Fit : id == 3 ? TreblePolicy::Off : TreblePolicy::Smooth);
    };
    addAndMakeVisible(treble_);
    // The side panel's tabs, used when there is no room for the filters and the analysis together.
    for (auto* tab : { &showFilters_, &showAnalysis_ }) {
        tab->setRadioGroupId(4711);
        tab->setClickingTogglesState(true);
        addChildComponent(*tab);
    }
    showFilters_.setConnectedEdges(juce::Button::ConnectedOnRight);
    showAnalysis_.setConnectedEdges(juce::Button::ConnectedOnLeft);
    showFilters_.setToggleState(true, juce::dontSendNotification);
    showFilters_.onClick = [this] { showSideTab(false); };
    showAnalysis_.onClick = [this] { showSideTab(true); };
    showAnalysis_.setTitle("Analysis tab");
    showFilters_.setTitle("Filters tab");
    showAnalysis_.setTooltip("Preference score, RMS error and the deviation per band, before and after the correction");
    presets_.getProperties().set("iemeq.menuOnly", true);  // a menu: the box never shows a chosen item

    graph_.onFilterEdited = [this](int index, const PeqFilter& f, bool) {
        std::vector<PeqFilter> filters = shownFilters();
        if (index < static_cast<int>(filters.size()))
            filters[static_cast<std::size_t>(index)] = f;
        filtersEdited(filters);
    };
    graph_.onSelectionChanged = [this](int i) { table_.setSelected(i); };
    table_.onSelectionChanged = [this](int i) { graph_.setSelected(i); };
    table_.onEdited = [this](std::vector<PeqFilter> f) { filtersEdited(std::move(f)); };
    table_.onAutoDesign = [this] { processor_.setManualFilters(std::nullopt); };

    if (auto* player = processor_.player()) {
        player_ = std::make_unique<PlayerComponent>(*player);
        addAndMakeVisible(*player_);
    }
    fillMenus();
    p.onDesignChanged = [this] { refresh(); };
    setResizable(true, true);
    setResizeLimits(820, 560, 2800, 1800);

    setSize(1180, player_ ? 780 : 740);
    refresh();
    startTimerHz(4);
    // The standalone app's command line (--play, --preset, ...), once the app's window exists.
    juce::MessageManager::callAsync([safe = juce::Component::SafePointer<IemeqEditor>(this)] {
        if (safe != nullptr)
            safe->scripted_ = applyStandaloneCommandLine(safe->processor_);
    });
}

IemeqEditor::~IemeqEditor()
{
    listening_.reset();
    processor_.onDesignChanged = nullptr;
    setLookAndFeel(nullptr);
}

void IemeqEditor::fillMenus()
{
    targets_.clear(juce::dontSendNotification);
    targetFiles_ = listFiles(bundledDataDir("Targets"), "*.csv;*.txt");
    for (int i = 0; i < targetFiles_.size(); ++i)
        targets_.addItem(targetFiles_[i].getFileNameWithoutExtension(), i + 1);
    presets_.clear(juce::dontSendNotification);
    presets_.addItem("Save preset...", 1);
    const juce::String current(currentUserPreset_);
    presets_.addItem(current.isEmpty() ? juce::String("Rename your preset...") : "Rename \"" + current + "\"...", 2);
    presets_.addItem(current.isEmpty() ? juce::String("Delete your preset") : "Delete \"" + current + "\"", 3);
    presets_.setItemEnabled(2, !currentUserPreset_.empty());
    presets_.setItemEnabled(3, !currentUserPreset_.empty());
    presetEntries_ = presetLibrary().list();
    for (std::size_t i = 0; i < presetEntries_.size(); ++i) {
        if (i == 0 && presetEntries_[i].bundled)
            presets_.addSectionHeading("Bundled");
        if (!presetEntries_[i].bundled && (i == 0 || presetEntries_[i - 1].bundled))
            presets_.addSectionHeading("Yours");
        presets_.addItem(presetMenuName(presetEntries_[i]), 100 + static_cast<int>(i));
    }
}

int IemeqEditor::shownChannel() const
{
    const auto d = processor_.latestDesign();
    const bool two = d && d->correction && d->correction->perChannel.size() > 1;
    return two ? std::max(0, channelView_.getSelectedItemIndex()) : 0;
}

std::vector<PeqFilter> IemeqEditor::shownFilters() const
{
    const auto d = processor_.latestDesign();
    if (!d || !d->correction || d->fir)
        return {};
    return d->correction->forOutput(shownChannel()).filters;
}

void IemeqEditor::filtersEdited(std::vector<PeqFilter> filters)
{
    // Per channel when the correction is per channel: the other channel keeps its filters.
    const auto d = processor_.latestDesign();
    std::vector<std::vector<PeqFilter>> lists;
    if (d && d->correction && d->correction->perChannel.size() > 1) {
        for (const auto& ch : d->correction->perChannel)
            lists.push_back(ch.filters);
        lists[static_cast<std::size_t>(shownChannel())] = std::move(filters);
    } else {
        lists.push_back(std::move(filters));
    }
    processor_.setManualFilters(std::move(lists));
}

void IemeqEditor::refresh()
{
    const auto in = processor_.inputs();
    const auto d = processor_.latestDesign();
    const Correction* c = d && d->correction ? d->correction.get() : nullptr;
    const bool two = c && c->perChannel.size() > 1;
    if (channelView_.isVisible() != two) {
        channelView_.setVisible(two);
        resized();
    }
    const int ch = shownChannel();

    // Curves exactly as `iemeq report` draws them: the target normalised to 0 dB over 300 Hz-3 kHz,
    // the measurement and the corrected response level-matched to it there (AlignSpec defaults).
    // The EQ is drawn as it acts (0 dB = unchanged), without and with the preamp.
    ResponseGraph::Curves curves;
    if (c && c->hasCurves()) {
        curves.target = normalize(c->target, AlignSpec {});
        for (std::size_t k = 0; k < c->perChannel.size(); ++k) {
            const auto& cc = c->perChannel[k];
            ResponseGraph::Trace t;
            t.label = two ? (k == 0 ? "L" : "R") : "";
            t.measurement = alignTo(cc.measurement, curves.target, AlignSpec {});
            t.corrected = alignTo(add(cc.measurement, cc.eq), curves.target, AlignSpec {});
            curves.traces.push_back(std::move(t));
        }
    } else if (in && !in->spec.measurement.empty()) {
        // A measurement alone: show it (normalised like a target would be).
        ResponseGraph::Trace t;
        t.measurement = normalize(averageDb(in->spec.measurement, designGrid()), AlignSpec {});
        curves.traces.push_back(std::move(t));
    } else if (in && !in->spec.target.empty()) {
        curves.target = normalize(resample(in->spec.target, designGrid()), AlignSpec {});
    }
    if (c) {
        curves.eq = c->forOutput(ch).eq;
        curves.eqWithPreamp = offset(curves.eq, c->preampDb);
        curves.eqLabel = two ? (ch == 0 ? "EQ (L)" : "EQ (R)") : "EQ";
    }
    const std::vector<PeqFilter> filters = shownFilters();
    const bool manual = in && in->spec.manual();
    graph_.setCurves(std::move(curves));
    graph_.setTreblePolicy(in ? in->spec.peq.treble : TreblePolicy::Smooth);
    treble_.setSelectedId(processor_.treblePolicy() == TreblePolicy::Fit ? 2 : processor_.treblePolicy() == TreblePolicy::Off ? 3 : 1,
                          juce::dontSendNotification);
    {
        int shown = 0;
        for (int i = 0; i < targetFiles_.size(); ++i)
            if (in && targetFiles_[i].getFileNameWithoutExtension().toStdString() == in->spec.targetName)
                shown = i + 1;
        targets_.setSelectedId(shown, juce::dontSendNotification);
    }
    const bool fir = processor_.currentSettings().mode != 0;  // FIR: a kernel, no filter list
    graph_.setFilters(filters);
    table_.setEditable(!fir);
    table_.setFilters(filters, manual);
    // One set of numbers on screen: the analysis panel, computed like `iemeq report` from the
    // correction's own curves (the channel shown).
    if (c && c->hasCurves())
        analysis_.setAnalysis(analyseCorrectionCurve(c->forOutput(ch).measurement, c->target, c->forOutput(ch).eq));
    else
        analysis_.setAnalysis(std::nullopt);
    // Behind tabs, the Analysis tab carries the score so it is seen without opening it.
    if (const auto& a = analysis_.analysis())
        showAnalysis_.setButtonText("Score " + juce::String(a->scoreBefore.score, 1) + " -> " + juce::String(a->scoreAfter.score, 1));
    else
        showAnalysis_.setButtonText("Analysis");

    juce::String texts[kReadouts];
    if (c) {
        texts[0] = "Preamp  " + juce::String(d->preampDb, 1) + " dB";
        texts[1] = abReadout(processor_.matchGains());
    } else {
        texts[0] = "Preamp  -";
        texts[1] = "A/B level match  -";
    }
    const int latency = d ? d->latencySamples : processor_.getLatencySamples();
    const double fs = d ? d->sampleRate : 48000.0;
    texts[2] = "Latency  " + juce::String(latency) + " smp (" + juce::String(1000.0 * latency / fs, 1) + " ms)";
    for (int i = 0; i < kReadouts; ++i)
        readouts_[i].setText(texts[i], juce::dontSendNotification);
    readouts_[1].setTooltip("A/B plays both sides equally loud (BS.1770, measured on the music): the louder side is turned down by this "
                            "much. The standalone player analyses the whole track; in a DAW it is measured as the music plays "
                            "and moves at most 0.5 dB/s.");
    export_.setEnabled(c != nullptr);

    juce::String status;
    if (in && !in->spec.iemName.empty())
        status << in->spec.iemName;
    else if (in && !in->spec.measurement.empty())
        status << "IEM";
    if (in && !in->spec.targetName.empty())
        status << (status.isEmpty() ? "" : "  >  ") << in->spec.targetName;
    if (manual)
        status << "   (manual filters)";
    if (c)
        for (const auto& note : c->notes)
            status << "   (" << note << ")";
    juce::String problem = error_.isNotEmpty() ? error_ : processor_.statusMessage();
    if (problem.isEmpty() && d && !d->message.empty())
        problem = juce::String(d->message);
    if (problem.isNotEmpty())
        status << (status.isEmpty() ? "" : "   |   ") << problem;
    // The whole line in the tooltip; on screen as much as fits (the notes go first).
    statusFull_ = status;
    status_.setTooltip(status);
    juce::String shortStatus;
    if (in && !in->spec.iemName.empty())
        shortStatus << in->spec.iemName;
    if (in && !in->spec.targetName.empty())
        shortStatus << (shortStatus.isEmpty() ? "" : "  >  ") << in->spec.targetName;
    if (problem.isNotEmpty())
        shortStatus << (shortStatus.isEmpty() ? "" : "   |   ") << problem;
    statusShort_ = shortStatus;
    statusName_ = in && !in->spec.iemName.empty() ? juce::String(in->spec.iemName) : shortStatus;
    showStatus();
    // What to double-check about this design (the same list `iemeq design` prints).
    warningLines_.clear();
    if (c && d->spec)
        for (const auto& w : designWarnings(*d->spec, *c))
            warningLines_.add(juce::String(w.text));
    if (warnings_.isVisible() != !warningLines_.isEmpty()) {
        warnings_.setVisible(!warningLines_.isEmpty());
        resized();
    }
    showWarnings();
    useDefaultTargetIfNone();
    juce::String source;
    if (in && !in->spec.measurementOrigin.empty())
        source = "Measurement: " + juce::String::fromUTF8(library::creditLine(in->spec.measurementOrigin).c_str());
    else if (in && !in->spec.measurement.empty() && !in->spec.measurementSource.empty())
        source = "Measurement: " + juce::String(in->spec.iemName) + " (" + juce::String(in->spec.measurementSource) + ")";
    source_.setText(source, juce::dontSendNotification);
    if (source_.isVisible() != source.isNotEmpty())
        resized();
    source_.setTooltip(in ? juce::String(originTooltip(in->spec.measurementOrigin)) : juce::String());
    status_.setColour(juce::Label::textColourId, problem.isNotEmpty() ? theme::warning : theme::dimText);
}

void IemeqEditor::showLibraryBrowser(const juce::String& query)
{
    if (!browser_) {
        browser_ = std::make_unique<LibraryBrowser>();
        browser_->onClose = [this] {
            browser_->setVisible(false);
            findIem_.grabKeyboardFocus();
        };
        browser_->onLoaded = [this](const LoadedIem& iem) {
            try {
                loadLibraryIem(processor_, iem);
                error_ = {};
                browser_->setVisible(false);
            } catch (const std::exception& e) {
                showError(e.what());
            }
        };
        addChildComponent(*browser_);
        resized();
    }
    browser_->setVisible(true);
    browser_->toFront(false);
    if (query.isNotEmpty())
        browser_->search(query);
    browser_->focusSearch();
}

void IemeqEditor::loadLibraryIem(plugin::IemeqProcessor& processor, const LoadedIem& iem)
{
    CorrectionInputs in = *processor.inputs();
    in.spec.measurement = iem.channels;
    in.spec.iemName = iem.files.name;
    in.spec.measurementSource = iem.files.origin.library;
    in.spec.measurementOrigin = iem.files.origin;
    processor.setInputs(std::move(in));
}

void IemeqEditor::showExportMenu()
{
    juce::PopupMenu m;
    const auto d = processor_.latestDesign();
    const bool parametric = d && d->correction && !d->fir;
    m.addItem(1, "Copy ParametricEQ to clipboard", parametric);
    m.addItem(2, "Export ParametricEQ.txt...", parametric);
    m.addItem(3, "Export GraphicEQ.txt...");
    m.addItem(4, "Export WAV impulse response...");
    m.addItem(5, "Export preset (JSON)...");
    m.showMenuAsync(juce::PopupMenu::Options().withTargetComponent(&export_), [this](int id) {
        if (id > 0)
            exportCorrection(id);
    });
}

void IemeqEditor::exportCorrection(int what)
{
    const auto d = processor_.latestDesign();
    if (!d || !d->correction || !d->spec)
        return;
    const auto correction = d->correction;
    const auto spec = d->spec;
    const std::string base = spec->iemName.empty() ? "iemeq" : spec->iemName;
    if (what == 1) {
        juce::SystemClipboard::copyTextToClipboard(correctionApo(*correction));
        error_ = {};
        status_.setText("ParametricEQ copied to the clipboard", juce::dontSendNotification);
        return;
    }
    const PresetFileFormat formats[] = { PresetFileFormat::Apo, PresetFileFormat::Apo, PresetFileFormat::GraphicEq,
                                         PresetFileFormat::Wav, PresetFileFormat::Json };
    const char* names[] = { "", " ParametricEQ.txt", " GraphicEQ.txt", " impulse response.wav", ".json" };
    const auto format = formats[what - 1];
    const juce::File suggested = juce::File::getSpecialLocation(juce::File::userDocumentsDirectory).getChildFile(base + names[what - 1]);
    chooser_ = std::make_unique<juce::FileChooser>("Export the correction", suggested, what == 4 ? "*.wav" : (what == 5 ? "*.json" : "*.txt"));
    chooser_->launchAsync(juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this, correction, spec, format](const juce::FileChooser& fc) {
                              const auto f = fc.getResult();
                              if (f == juce::File())
                                  return;
                              try {
                                  const Preset p = makePreset(*spec, *correction, spec->iemName);
                                  const std::string what = iemeq::exportCorrection(p, *correction, f.getFullPathName().toStdString(), format);
                                  error_ = {};
                                  status_.setText("Wrote " + f.getFileName() + ": " + juce::String(what), juce::dontSendNotification);
                              } catch (const std::exception& e) {
                                  showError(e.what());
                              }
                          });
}

ListeningPanel& IemeqEditor::openListening()
{
    if (!listening_) {
        listening_ = std::make_unique<ListeningPanel>(processor_);
        listening_->onClose = [this] {
            // Not from inside the panel's own callback: remove it once that has returned.
            juce::MessageManager::callAsync([safe = juce::Component::SafePointer<IemeqEditor>(this)] {
                if (safe != nullptr) {
                    safe->listening_.reset();
                    safe->refresh();
                }
            });
        };
        addAndMakeVisible(*listening_);
        listening_->setBounds(getLocalBounds());
    }
    listening_->grabKeyboardFocus();
    return *listening_;
}

void IemeqEditor::timerCallback()
{
    if (const auto d = processor_.latestDesign(); d && d->correction)
        readouts_[1].setText(abReadout(processor_.matchGains()), juce::dontSendNotification);
}

void IemeqEditor::paint(juce::Graphics& g)
{
    g.fillAll(theme::background);
}

namespace {

int textWidth(const juce::Font& font, const juce::String& text)
{
    return static_cast<int>(std::ceil(font.getStringWidthFloat(text)));
}

// Wide enough for the button's text where the look-and-feel draws it (indents included).
int buttonWidth(juce::TextButton& b, int height)
{
    return textWidth(b.getLookAndFeel().getTextButtonFont(b, height), b.getButtonText()) + 24;
}

// Wide enough for the longest item (and the placeholder) plus the arrow.
int comboWidth(juce::ComboBox& box, int height)
{
    const juce::Font font(std::min(14.0f, static_cast<float>(height) * 0.6f));
    int widest = textWidth(font, box.getTextWhenNothingSelected());
    for (int i = 0; i < box.getNumItems(); ++i)
        widest = std::max(widest, textWidth(font, box.getItemText(i)));
    return widest + theme::LookAndFeel::comboArrowWidth(height) + 16;
}

} // namespace

juce::String IemeqEditor::abReadout(const listening::MatchGains& gains)
{
    const double trim = -gains.trimDb();  // how much quieter the trimmed side is made
    if (trim < 0.05)
        return "A/B: equally loud as is";
    return "A/B: " + juce::String(gains.side() == listening::TrimmedSide::Original ? "original" : "corrected") + " "
           + juce::String(trim, 1) + " dB quieter";
}

juce::String IemeqEditor::presetMenuName(const PresetEntry& entry)
{
    if (!entry.bundled)
        return juce::String(entry.name);
    // Bundled presets live in one folder per target (Presets/<target>/<IEM>.json).
    const juce::String folder = juce::File(entry.path).getParentDirectory().getFileName();
    juce::String target = folder;
    if (folder == "harman-in-ear-2019")
        target = "Harman 2019";
    else if (folder == "diffuse-field")
        target = "diffuse field";
    else if (folder == "Presets")
        return juce::String(entry.name);
    else
        target = folder.replaceCharacter('-', ' ');
    return juce::String(entry.name) + " (" + target + ")";
}

void IemeqEditor::useDefaultTargetIfNone()
{
    // A measurement alone draws nothing to correct towards: use the CLI's default target, once.
    const auto in = processor_.inputs();
    if (defaultTargetAsked_ || !in || in->spec.measurement.empty() || !in->spec.target.empty())
        return;
    defaultTargetAsked_ = true;
    juce::MessageManager::callAsync([safe = juce::Component::SafePointer<IemeqEditor>(this)] {
        if (safe == nullptr)
            return;
        const auto now = safe->processor_.inputs();
        if (!now || !now->spec.target.empty())
            return;
        const juce::File file = bundledDataDir("Targets").getChildFile(juce::String(kDefaultTarget) + ".csv");
        try {
            safe->processor_.loadTargetFile(file.getFullPathName());
        } catch (const std::exception& e) {
            safe->showError("No target loaded (the default " + juce::String(kDefaultTarget) + " was not found: " + e.what() + ")");
        }
    });
}

void IemeqEditor::showStatus()
{
    const float room = static_cast<float>(status_.getWidth() - status_.getBorderSize().getLeftAndRight());
    juce::String shown = statusName_;
    for (const auto& c : { statusFull_, statusShort_ })
        if (status_.getFont().getStringWidthFloat(c) <= room) {
            shown = c;
            break;
        }
    status_.setText(shown, juce::dontSendNotification);
}

void IemeqEditor::showWarnings()
{
    warnings_.setTooltip(warningLines_.joinIntoString("\n"));
    if (warningLines_.isEmpty()) {
        warnings_.setText({}, juce::dontSendNotification);
        return;
    }
    // The first warning in full, or up to its explanation in brackets, or only how many there are.
    const int more = warningLines_.size() - 1;
    const juce::String tail = more > 0 ? "  (+" + juce::String(more) + " more)" : juce::String();
    const juce::String first = warningLines_[0];
    const juce::String candidates[] = { "Check: " + first + tail, "Check: " + first.upToFirstOccurrenceOf(" (", false, false) + tail,
                                        juce::String(warningLines_.size()) + (warningLines_.size() == 1 ? " warning" : " warnings")
                                            + " (hover)" };
    const float room = static_cast<float>(warnings_.getWidth() - warnings_.getBorderSize().getLeftAndRight());
    juce::String shown = candidates[2];
    for (const auto& c : candidates)
        if (warnings_.getFont().getStringWidthFloat(c) <= room) {
            shown = c;
            break;
        }
    warnings_.setText(shown, juce::dontSendNotification);
}

void IemeqEditor::showSideTab(bool analysis)
{
    analysisTab_ = analysis;
    showFilters_.setToggleState(!analysis, juce::dontSendNotification);
    showAnalysis_.setToggleState(analysis, juce::dontSendNotification);
    resized();
}

void IemeqEditor::layoutSide(juce::Rectangle<int> side)
{
    // The filter table with the channel selector on top (per-channel corrections).
    const auto placeTable = [this](juce::Rectangle<int> area) {
        if (channelView_.isVisible()) {
            channelView_.setBounds(area.removeFromTop(26));
            area.removeFromTop(4);
        }
        table_.setBounds(area);
    };
    const bool tabs = sideLayout_ == SideLayout::Tabs;
    showFilters_.setVisible(tabs);
    showAnalysis_.setVisible(tabs);
    if (tabs) {
        auto bar = side.removeFromTop(26);
        showFilters_.setBounds(bar.removeFromLeft(bar.getWidth() / 2));
        showAnalysis_.setBounds(bar);
        side.removeFromTop(4);
        analysis_.setVisible(analysisTab_);
        table_.setVisible(!analysisTab_);
        if (channelView_.isVisible() && analysisTab_) {
            channelView_.setBounds(side.removeFromTop(26));
            side.removeFromTop(4);
        }
        if (analysisTab_)
            analysis_.setBounds(side);
        else
            placeTable(side);
        return;
    }
    analysis_.setVisible(true);
    table_.setVisible(true);
    if (sideLayout_ == SideLayout::Columns) {
        analysis_.setBounds(side.removeFromRight(side.getWidth() / 2 - 4));
        side.removeFromRight(8);
        placeTable(side);
        return;
    }
    analysis_.setBounds(side.removeFromBottom(analysis_.preferredHeight()));
    side.removeFromBottom(8);
    placeTable(side);
}

void IemeqEditor::resized()
{
    auto r = getLocalBounds().reduced(10);
    // Row 1: what is loaded (IEM, target, presets).
    auto row = r.removeFromTop(30);
    title_.setBounds(row.removeFromLeft(textWidth(title_.getFont(), title_.getText()) + 14));
    const auto place = [&row](juce::Component& c, int width) {
        c.setBounds(row.removeFromLeft(width));
        row.removeFromLeft(6);
    };
    place(loadMeasurement_, buttonWidth(loadMeasurement_, 30));
    place(findIem_, buttonWidth(findIem_, 30));
    place(loadTarget_, buttonWidth(loadTarget_, 30));
    presets_.setBounds(row.removeFromRight(juce::jlimit(110, 170, row.getWidth() / 3)));
    row.removeFromRight(6);
    targets_.setBounds(row.removeFromLeft(std::min(row.getWidth(), std::max(comboWidth(targets_, 30), 220))));
    r.removeFromTop(6);
    // Row 2: how it is corrected, and the A/B switch.
    row = r.removeFromTop(28);
    ab_.setBounds(row.removeFromRight(std::max(150, textWidth(juce::Font(15.0f), "A/B:  CORRECTED") + 30)));
    row.removeFromRight(8);
    place(mode_, comboWidth(mode_, 28));
    place(channels_, comboWidth(channels_, 28));
    place(treble_, comboWidth(treble_, 28));
    place(autoPreamp_, textWidth(juce::Font(15.0f), autoPreamp_.getButtonText()) + 36);
    r.removeFromTop(4);
    {
        auto statusRow = r.removeFromTop(22);
        if (warnings_.isVisible()) {
            // The status keeps what its short form needs (IEM > target), the warnings the rest.
            const int statusWidth = std::min(statusRow.getWidth() / 2, textWidth(status_.getFont(), statusShort_) + 16);
            status_.setBounds(statusRow.removeFromLeft(statusWidth));
            warnings_.setBounds(statusRow);
        } else {
            status_.setBounds(statusRow);
        }
    }
    r.removeFromTop(4);

    // Bottom up: the player (app), the readouts and buttons, the knobs. The bottom row keeps clear
    // of the window's resize corner.
    bool cornerFree = false;
    if (player_) {
        player_->setBounds(r.removeFromBottom(40).withTrimmedRight(12));
        cornerFree = true;
        r.removeFromBottom(8);
    }
    auto readouts = r.removeFromBottom(28);
    if (!cornerFree)
        readouts.removeFromRight(12);
    export_.setBounds(readouts.removeFromRight(buttonWidth(export_, 28)));
    readouts.removeFromRight(6);
    blindTest_.setBounds(readouts.removeFromRight(buttonWidth(blindTest_, 28)));
    readouts.removeFromRight(6);
    {
        // Each readout as wide as its longest text, the rest shared.
        const juce::Font font(14.0f);
        const int need[kReadouts] = { textWidth(font, "Preamp  -12.3 dB") + 16, textWidth(font, "A/B: corrected 12.3 dB quieter") + 16,
                                      textWidth(font, "Latency  16383 smp (341.3 ms)") + 16 };
        const int spare = std::max(0, readouts.getWidth() - need[0] - need[1] - need[2] - 2 * 6) / kReadouts;
        for (int i = 0; i < kReadouts; ++i) {
            readouts_[i].setBounds(readouts.removeFromLeft(need[i] + spare));
            readouts.removeFromLeft(6);
        }
    }
    r.removeFromBottom(8);
    auto knobs = r.removeFromBottom(juce::jlimit(96, 124, r.getHeight() / 4));
    juce::Slider* sliders[] = { &amount_, &bass_, &tilt_, &trebleShelf_, &earGain_, &outputGain_ };
    juce::Label* labels[] = { &amountLabel_, &bassLabel_, &tiltLabel_, &trebleLabel_, &earGainLabel_, &outputGainLabel_ };
    const int w = knobs.getWidth() / 6;
    for (int i = 0; i < 6; ++i) {
        auto k = knobs.removeFromLeft(w);
        labels[i]->setBounds(k.removeFromTop(18));
        sliders[i]->setBounds(k);
    }
    r.removeFromBottom(6);

    // The middle: the graph, and beside it the filter table and the analysis: in two columns on
    // wide windows, stacked when tall enough, else one at a time behind two tabs.
    if (r.getWidth() >= 1380) {
        sideLayout_ = SideLayout::Columns;
        layoutSide(r.removeFromRight(std::min(760, r.getWidth() * 45 / 100)));
    } else {
        auto side = r.removeFromRight(std::clamp(r.getWidth() / 3, 330, 420));
        const int channelRow = channelView_.isVisible() ? 30 : 0;
        sideLayout_ = side.getHeight() >= analysis_.preferredHeight() + 8 + 230 + channelRow ? SideLayout::Stacked : SideLayout::Tabs;
        layoutSide(side);
    }
    r.removeFromRight(8);
    source_.setVisible(source_.getText().isNotEmpty());
    if (source_.isVisible())
        source_.setBounds(r.removeFromBottom(18));
    graph_.setBounds(r);
    if (browser_)
        browser_->setBounds(r.withSizeKeepingCentre(std::min(640, r.getWidth() - 20), std::min(460, r.getHeight() - 20)));
    if (listening_)
        listening_->setBounds(getLocalBounds());
    showStatus();
    showWarnings();
}

bool IemeqEditor::isInterestedInFileDrag(const juce::StringArray& files)
{
    for (const auto& f : files) {
        const juce::File file(f);
        if (!file.hasFileExtension("txt;csv;json") && !(player_ && file.hasFileExtension("wav;flac;ogg;mp3;aif;aiff")))
            return false;
    }
    return true;
}

void IemeqEditor::filesDropped(const juce::StringArray& files, int, int)
{
    if (player_ && juce::File(files[0]).hasFileExtension("wav;flac;ogg;mp3;aif;aiff")) {
        player_->open(juce::File(files[0]));
        return;
    }
    if (juce::File(files[0]).hasFileExtension("json")) {
        loadPreset(juce::File(files[0]));
        return;
    }
    try {
        processor_.loadMeasurementFiles(files);
        error_ = {};
    } catch (const std::exception& e) {
        showError(e.what());
    }
}

void IemeqEditor::chooseMeasurement()
{
    chooser_ = std::make_unique<juce::FileChooser>("Load IEM measurement (select L and R)", juce::File(), "*.txt;*.csv");
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::canSelectMultipleItems,
                          [this](const juce::FileChooser& fc) {
                              juce::StringArray paths;
                              for (const auto& f : fc.getResults())
                                  paths.add(f.getFullPathName());
                              if (paths.isEmpty())
                                  return;
                              try {
                                  processor_.loadMeasurementFiles(paths);
                                  error_ = {};
                              } catch (const std::exception& e) {
                                  showError(e.what());
                              }
                          });
}

void IemeqEditor::chooseTarget()
{
    chooser_ = std::make_unique<juce::FileChooser>("Load target curve", bundledDataDir("Targets"), "*.txt;*.csv");
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this](const juce::FileChooser& fc) {
                              const auto f = fc.getResult();
                              if (f == juce::File())
                                  return;
                              try {
                                  processor_.loadTargetFile(f.getFullPathName());
                                  error_ = {};
                              } catch (const std::exception& e) {
                                  showError(e.what());
                              }
                          });
}

void IemeqEditor::loadPreset(const juce::File& file)
{
    try {
        // The preset's whole spec: its curves, settings and parameters (a filters-only preset,
        // e.g. an imported ParametricEQ.txt, keeps its filters as given).
        const Preset preset = importPresetFile(file.getFullPathName().toStdString());
        processor_.loadSpec(preset.spec);
        error_ = {};
    } catch (const std::exception& e) {
        showError(e.what());
    }
}

PresetLibrary IemeqEditor::presetLibrary() const
{
    // The same user folder as the command line (dsp/preset/PresetLibrary.h), and the bundled
    // presets next to the installed binary or in the source tree.
    std::vector<std::string> bundled;
    if (const auto dir = bundledDataDir("Presets"); dir.isDirectory())
        bundled.push_back(dir.getFullPathName().toStdString());
    return PresetLibrary(userPresetFolder(), bundled);
}

void IemeqEditor::askForName(const juce::String& title, const juce::String& initial, std::function<void(juce::String)> done)
{
    dialog_ = std::make_unique<NameDialog>(title, "Preset name:", initial);
    addAndMakeVisible(*dialog_);
    dialog_->setCentrePosition(getLocalBounds().getCentre());
    dialog_->enterModalState(true, juce::ModalCallbackFunction::create([this, done = std::move(done)](int result) {
        const juce::String text = dialog_ != nullptr ? dialog_->text() : juce::String();
        // Closed whatever the answer: hidden now, deleted once this callback has returned.
        if (dialog_ != nullptr)
            dialog_->setVisible(false);
        juce::MessageManager::callAsync([safe = juce::Component::SafePointer<IemeqEditor>(this)] {
            if (safe != nullptr)
                safe->dialog_.reset();
        });
        if (result == 1 && text.isNotEmpty())
            done(text);
    }));
    dialog_->editor().grabKeyboardFocus();
}

void IemeqEditor::savePreset()
{
    const auto in = processor_.inputs();
    const auto d = processor_.latestDesign();
    if (!in || in->empty() || !d || !d->correction || !d->spec) {
        showError("Load a measurement and a target before saving a preset.");
        return;
    }
    const juce::String suggested = currentUserPreset_.empty() ? juce::String(in->spec.iemName.empty() ? "My preset" : in->spec.iemName)
                                                               : juce::String(currentUserPreset_);
    askForName("Save preset", suggested, [this, d](const juce::String& name) {
        try {
            // Everything that reproduces what is heard: the spec designed (every channel, mode,
            // amount, adjustments) and its result, at the rate it plays at.
            const Preset p = makePreset(*d->spec, *d->correction, name.toStdString());
            // Saving again under the current preset's own name updates it; any other existing
            // name is refused (rename or delete that one first).
            const auto entry = presetLibrary().save(p, name.toStdString(), name.toStdString() == currentUserPreset_);
            currentUserPreset_ = entry.name;
            error_ = {};
            fillMenus();
            refresh();
        } catch (const std::exception& e) {
            showError(e.what());
        }
    });
}

void IemeqEditor::renamePreset()
{
    if (currentUserPreset_.empty())
        return;
    askForName("Rename preset", juce::String(currentUserPreset_), [this](const juce::String& name) {
        try {
            currentUserPreset_ = presetLibrary().rename(currentUserPreset_, name.toStdString()).name;
            error_ = {};
            fillMenus();
            refresh();
        } catch (const std::exception& e) {
            showError(e.what());
        }
    });
}

void IemeqEditor::deletePreset()
{
    if (currentUserPreset_.empty())
        return;
    const std::string name = currentUserPreset_;
    juce::AlertWindow::showOkCancelBox(juce::MessageBoxIconType::QuestionIcon, "Delete preset",
                                       "Delete your preset \"" + juce::String(name) + "\"? This cannot be undone.", "Delete", "Cancel",
                                       this, juce::ModalCallbackFunction::create([this, name](int ok) {
                                           if (ok == 0)
                                               return;
                                           try {
                                               presetLibrary().remove(name);
                                               currentUserPreset_.clear();
                                               error_ = {};
                                               fillMenus();
                                               refresh();
                                           } catch (const std::exception& e) {
                                               showError(e.what());
                                           }
                                       }));
}

void IemeqEditor::showError(const juce::String& text)
{
    error_ = text;
    refresh();
}

} // namespace iemeq::ui
