#include "PluginEditor.h"

#include "DataPaths.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/preset/Preset.h"
#include "plugin/DesignJob.h"

namespace iemeq::ui {

using namespace iemeq::plugin;

IemeqEditor::IemeqEditor(IemeqProcessor& p) : AudioProcessorEditor(p), processor_(p)
{
    setLookAndFeel(&lnf_);
    setTitle("iemeq");
    setFocusContainerType(FocusContainerType::keyboardFocusContainer);
    title_.setText("iemeq", juce::dontSendNotification);
    title_.setFont(juce::Font(20.0f, juce::Font::bold));
    title_.setColour(juce::Label::textColourId, theme::accent);
    status_.setColour(juce::Label::textColourId, theme::dimText);
    for (juce::Component* c : std::initializer_list<juce::Component*> {
             &title_, &status_, &graph_, &table_, &analysis_, &loadMeasurement_, &loadTarget_, &targets_, &presets_, &mode_, &channels_,
             &ab_, &autoPreamp_ })
        addAndMakeVisible(c);
    for (auto& r : readouts_) {
        r.setJustificationType(juce::Justification::centred);
        r.setColour(juce::Label::backgroundColourId, theme::panel);
        addAndMakeVisible(r);
    }

    loadMeasurement_.setTooltip("Load an IEM measurement: select one file, or the L and R files (also by drag and drop)");
    loadMeasurement_.onClick = [this] { chooseMeasurement(); };
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
        targets_.setSelectedId(0, juce::dontSendNotification);
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
        { &tilt_, { &tiltLabel_, ParamID::tilt } },          { &treble_, { &trebleLabel_, ParamID::treble } },
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
    treble_.setTooltip("Target treble shelf (10 kHz)");
    earGain_.setTooltip("Target ear-gain peak (2.75 kHz)");
    amount_.setTooltip("How much of the difference to the target is corrected");

    graph_.onFilterEdited = [this](int index, const PeqFilter& f, bool) {
        auto in = processor_.inputs();
        auto d = processor_.latestDesign();
        std::vector<PeqFilter> filters = in->manual ? in->manualFilters
                                                    : (d && !d->designs.empty() ? d->designs.front().filters : std::vector<PeqFilter> {});
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
}

IemeqEditor::~IemeqEditor()
{
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
        presets_.addItem(juce::String(presetEntries_[i].name), 100 + static_cast<int>(i));
    }
}

void IemeqEditor::filtersEdited(std::vector<PeqFilter> filters)
{
    processor_.setManualFilters(std::move(filters));
}

void IemeqEditor::refresh()
{
    const auto in = processor_.inputs();
    const auto d = processor_.latestDesign();
    ResponseGraph::Curves c;
    const auto& grid = displayGrid();
    if (in && !in->target.empty())
        c.target = resample(adjustedTarget(in->target, processor_.currentSettings()), grid);
    if (in && !in->measurement.empty()) {
        c.measurement = averageDb(in->measurement, grid);
        if (!c.target.empty()) {  // the measurement aligned to the target over 300 Hz-3 kHz
            double m = 0, t = 0;
            int n = 0;
            for (std::size_t i = 0; i < grid.size(); ++i)
                if (grid[i] >= 300 && grid[i] <= 3000) {
                    m += c.measurement.db[i];
                    t += c.target.db[i];
                    ++n;
                }
            c.measurement = offset(c.measurement, (t - m) / n);
        }
    }
    std::vector<PeqFilter> filters;
    if (d && !d->eqCurves.empty()) {
        c.eq = d->eqCurves.front();
        if (!c.measurement.empty())
            c.corrected = add(c.measurement, c.eq);
        if (!d->fir && !d->designs.empty())
            filters = d->designs.front().filters;
    }
    if (in && in->manual)
        filters = in->manualFilters;
    // Everything is shown relative to the target's level at 1 kHz, so 0 dB sits mid-graph.
    if (!c.target.empty()) {
        const double ref = levelAt(c.target, 1000.0);
        c.target = offset(c.target, -ref);
        if (!c.measurement.empty())
            c.measurement = offset(c.measurement, -ref);
        if (!c.corrected.empty())
            c.corrected = offset(c.corrected, -ref);
    }
    graph_.setCurves(std::move(c));
    graph_.setFilters(filters);
    table_.setFilters(filters, in && in->manual);
    // Same numbers as `iemeq report`: measurement and (adjusted) target on the display grid, the
    // correction as realised (biquads or FIR), levels matched by the analysis itself.
    if (in && !in->empty() && d && !d->eqCurves.empty()) {
        const auto& grid = displayGrid();
        analysis_.setAnalysis(analyseCorrectionCurve(averageDb(in->measurement, grid),
                                                     resample(adjustedTarget(in->target, processor_.currentSettings()), grid),
                                                     d->eqCurves.front()));
    } else {
        analysis_.setAnalysis(std::nullopt);
    }

    juce::String texts[5];
    if (d && !d->designs.empty()) {
        texts[0] = "Residual  " + juce::String(d->residualBeforeDb, 2) + " > " + juce::String(d->residualAfterDb, 2) + " dB";
        texts[1] = "Preference  " + juce::String(d->scoreBefore, 1) + " > " + juce::String(d->scoreAfter, 1);
        texts[2] = "Preamp  " + juce::String(d->preampDb, 1) + " dB";
        texts[3] = "A/B matched by  " + juce::String(d->loudnessMatchDb - d->preampDb, 1) + " dB";
    } else {
        texts[0] = "Residual  -";
        texts[1] = "Preference  -";
        texts[2] = "Preamp  -";
        texts[3] = "A/B matched by  -";
    }
    const int latency = d ? d->latencySamples : processor_.getLatencySamples();
    const double fs = d ? d->sampleRate : 48000.0;
    texts[4] = "Latency  " + juce::String(latency) + " smp (" + juce::String(1000.0 * latency / fs, 1) + " ms)";
    for (int i = 0; i < 5; ++i)
        readouts_[i].setText(texts[i], juce::dontSendNotification);
    readouts_[1].setTooltip("Predicted preference rating (Olive et al. 2018), before > after correction");
    readouts_[3].setTooltip("Level difference between the corrected and the original sound that the A/B compensates");

    juce::String status;
    if (in && !in->iemName.empty())
        status << in->iemName;
    else if (in && !in->measurement.empty())
        status << "IEM";
    if (in && !in->targetName.empty())
        status << (status.isEmpty() ? "" : "  >  ") << in->targetName;
    if (in && in->manual)
        status << "   (manual filters)";
    juce::String problem = error_.isNotEmpty() ? error_ : processor_.statusMessage();
    if (problem.isEmpty() && d && !d->message.empty())
        problem = juce::String(d->message);
    if (problem.isNotEmpty())
        status << (status.isEmpty() ? "" : "   |   ") << problem;
    status_.setText(status, juce::dontSendNotification);
    status_.setColour(juce::Label::textColourId, problem.isNotEmpty() ? theme::warning : theme::dimText);
}

void IemeqEditor::paint(juce::Graphics& g)
{
    g.fillAll(theme::background);
}

void IemeqEditor::resized()
{
    auto r = getLocalBounds().reduced(10);
    auto top = r.removeFromTop(32);
    // Narrow windows shrink the menus, never the buttons' labels.
    const double k = juce::jlimit(0.62, 1.0, (top.getWidth() - 76 - 104 - 110 - 170) / (170.0 + 130 + 170 + 130 + 40));
    const auto scaled = [k](int width) { return static_cast<int>(width * k); };
    title_.setBounds(top.removeFromLeft(76));
    const auto place = [&top](juce::Component& c, int width) {
        c.setBounds(top.removeFromLeft(width));
        top.removeFromLeft(6);
    };
    place(loadMeasurement_, 104);
    place(loadTarget_, 110);
    place(targets_, scaled(170));
    place(presets_, scaled(130));
    ab_.setBounds(top.removeFromRight(170));
    top.removeFromRight(10);
    channels_.setBounds(top.removeFromRight(scaled(130)));
    top.removeFromRight(6);
    mode_.setBounds(top.removeFromRight(std::max(scaled(170), std::min(top.getWidth(), 170))));
    r.removeFromTop(4);
    status_.setBounds(r.removeFromTop(22));
    r.removeFromTop(4);
    if (player_) {
        player_->setBounds(r.removeFromBottom(40));
        r.removeFromBottom(8);
    }
    auto readouts = r.removeFromBottom(28);
    const int rw = readouts.getWidth() / 5;
    for (auto& label : readouts_)
        label.setBounds(readouts.removeFromLeft(rw).reduced(3, 0));
    r.removeFromBottom(8);
    auto knobs = r.removeFromBottom(124);
    autoPreamp_.setBounds(knobs.removeFromRight(120).withSizeKeepingCentre(120, 28));
    juce::Slider* sliders[] = { &amount_, &bass_, &tilt_, &treble_, &earGain_, &outputGain_ };
    juce::Label* labels[] = { &amountLabel_, &bassLabel_, &tiltLabel_, &trebleLabel_, &earGainLabel_, &outputGainLabel_ };
    const int w = knobs.getWidth() / 6;
    for (int i = 0; i < 6; ++i) {
        auto k = knobs.removeFromLeft(w);
        labels[i]->setBounds(k.removeFromTop(18));
        sliders[i]->setBounds(k);
    }
    r.removeFromBottom(6);
    auto side = r.removeFromRight(std::clamp(r.getWidth() / 3, 300, 420));
    // The reviewer's numbers under the filter table, when there is room for both.
    if (side.getHeight() > 420)
        analysis_.setBounds(side.removeFromBottom(std::min(side.getHeight() / 2, 250)).withTrimmedTop(6));
    analysis_.setVisible(side.getHeight() > 200);
    table_.setBounds(side);
    r.removeFromRight(8);
    graph_.setBounds(r);
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
        const Preset preset = presetFromJson(readFileBytes(file.getFullPathName().toStdString()), file.getFileName().toStdString());
        CorrectionInputs in;
        in.measurement = preset.measurement;
        in.target = preset.target;
        in.iemName = preset.iemName;
        in.targetName = preset.targetName;
        // The preset's own filters, exactly as designed then.
        in.manual = !preset.design.filters.empty();
        in.manualFilters = preset.design.filters;
        processor_.setInputs(std::move(in));
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
    dialog_ = std::make_unique<juce::AlertWindow>(title, "Preset name:", juce::MessageBoxIconType::NoIcon, this);
    dialog_->addTextEditor("name", initial);
    dialog_->addButton("OK", 1, juce::KeyPress(juce::KeyPress::returnKey));
    dialog_->addButton("Cancel", 0, juce::KeyPress(juce::KeyPress::escapeKey));
    dialog_->enterModalState(true, juce::ModalCallbackFunction::create([this, done = std::move(done)](int result) {
        const juce::String text = dialog_ != nullptr ? dialog_->getTextEditorContents("name").trim() : juce::String();
        if (result == 1 && text.isNotEmpty())
            done(text);
    }));
}

void IemeqEditor::savePreset()
{
    const auto in = processor_.inputs();
    const auto d = processor_.latestDesign();
    if (!in || in->empty() || !d || d->designs.empty()) {
        showError("Load a measurement and a target before saving a preset.");
        return;
    }
    const juce::String suggested = currentUserPreset_.empty() ? juce::String(in->iemName.empty() ? "My preset" : in->iemName)
                                                               : juce::String(currentUserPreset_);
    askForName("Save preset", suggested, [this, in, d](const juce::String& name) {
        try {
            const auto s = processor_.currentSettings();
            Preset p;
            p.iemName = in->iemName;
            p.targetName = in->targetName;
            p.measurement = in->measurement;
            p.target = in->target;
            p.adjustments.bassGainDb = s.bassDb;
            p.adjustments.tiltDbPerOctave = s.tiltDbPerOct;
            p.adjustments.trebleGainDb = s.trebleDb;
            p.adjustments.earGainDb = s.earGainDb;
            p.settings.fs = d->sampleRate;
            p.design = d->designs.front();
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
