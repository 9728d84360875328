#include "PluginEditor.h"

#include "dsp/curve/LogGrid.h"
#include "plugin/DesignJob.h"

namespace iemeq::ui {

using namespace iemeq::plugin;

IemeqEditor::IemeqEditor(IemeqProcessor& p) : AudioProcessorEditor(p), processor_(p)
{
    addAndMakeVisible(graph_);
    addAndMakeVisible(loadMeasurement_);
    addAndMakeVisible(loadTarget_);
    addAndMakeVisible(ab_);
    addAndMakeVisible(readout_);
    addAndMakeVisible(status_);
    loadMeasurement_.onClick = [this] { chooseMeasurement(); };
    loadTarget_.onClick = [this] { chooseTarget(); };
    abAttachment_ = std::make_unique<ButtonAttachment>(p.parameters(), ParamID::correction, ab_);
    status_.setColour(juce::Label::textColourId, juce::Colours::orange);

    const std::pair<juce::Slider*, std::pair<juce::Label*, const char*>> sliders[] = {
        { &amount_, { &amountLabel_, ParamID::amount } }, { &bass_, { &bassLabel_, ParamID::bass } },
        { &tilt_, { &tiltLabel_, ParamID::tilt } },       { &treble_, { &trebleLabel_, ParamID::treble } },
        { &earGain_, { &earGainLabel_, ParamID::earGain } }, { &outputGain_, { &outputGainLabel_, ParamID::outputGain } },
    };
    for (const auto& [slider, labelAndId] : sliders) {
        slider->setSliderStyle(juce::Slider::RotaryHorizontalVerticalDrag);
        slider->setTextBoxStyle(juce::Slider::TextBoxBelow, false, 70, 18);
        addAndMakeVisible(*slider);
        auto* param = p.parameters().getParameter(labelAndId.second);
        labelAndId.first->setText(param->getName(32), juce::dontSendNotification);
        labelAndId.first->setJustificationType(juce::Justification::centred);
        addAndMakeVisible(*labelAndId.first);
        sliderAttachments_.push_back(std::make_unique<SliderAttachment>(p.parameters(), labelAndId.second, *slider));
    }
    p.onDesignChanged = [this] { refresh(); };
    setResizable(true, true);
    setResizeLimits(640, 420, 2400, 1600);
    setSize(900, 560);
    refresh();
}

IemeqEditor::~IemeqEditor()
{
    processor_.onDesignChanged = nullptr;
}

void IemeqEditor::refresh()
{
    const auto in = processor_.inputs();
    const auto d = processor_.latestDesign();
    ResponseGraph::Curves c;
    const auto grid = makeLogGrid(20.0, 20000.0, 48.0);
    if (in && !in->target.empty()) {
        c.target = resample(adjustedTarget(in->target, processor_.currentSettings()), grid);
    }
    if (in && !in->measurement.empty()) {
        c.measurement = averageDb(in->measurement, grid);
        if (!c.target.empty())  // show the measurement aligned to the target over 300 Hz-3 kHz
        {
            double m = 0, t = 0;
            int n = 0;
            for (std::size_t i = 0; i < grid.size(); ++i)
                if (grid[i] >= 300 && grid[i] <= 3000) { m += c.measurement.db[i]; t += c.target.db[i]; ++n; }
            c.measurement = offset(c.measurement, (t - m) / n);
        }
    }
    if (d && !d->designs.empty() && !c.measurement.empty()) {
        c.eq = eqCurve(d->designs.front().filters, grid, d->sampleRate);
        c.corrected = add(c.measurement, c.eq);
    }
    graph_.setCurves(std::move(c));
    juce::String text;
    if (d && !d->designs.empty())
        text << "Residual " << juce::String(d->residualBeforeDb, 2) << " -> " << juce::String(d->residualAfterDb, 2)
             << " dB   Preamp " << juce::String(d->preampDb, 1) << " dB   A/B matched by "
             << juce::String(d->loudnessMatchDb, 1) << " dB   Latency " << processor_.getLatencySamples() << " samples";
    readout_.setText(text, juce::dontSendNotification);
    juce::String status = processor_.statusMessage();
    if (d && !d->message.empty())
        status = juce::String(d->message);
    status_.setText(status, juce::dontSendNotification);
}

void IemeqEditor::paint(juce::Graphics& g)
{
    g.fillAll(juce::Colour(0xff202227));
}

void IemeqEditor::resized()
{
    auto r = getLocalBounds().reduced(8);
    auto top = r.removeFromTop(28);
    loadMeasurement_.setBounds(top.removeFromLeft(120));
    top.removeFromLeft(6);
    loadTarget_.setBounds(top.removeFromLeft(120));
    top.removeFromLeft(12);
    ab_.setBounds(top.removeFromLeft(160));
    status_.setBounds(top);
    r.removeFromTop(4);
    readout_.setBounds(r.removeFromBottom(22));
    auto knobs = r.removeFromBottom(110);
    juce::Slider* sliders[] = { &amount_, &bass_, &tilt_, &treble_, &earGain_, &outputGain_ };
    juce::Label* labels[] = { &amountLabel_, &bassLabel_, &tiltLabel_, &trebleLabel_, &earGainLabel_, &outputGainLabel_ };
    const int w = knobs.getWidth() / 6;
    for (int i = 0; i < 6; ++i) {
        auto k = knobs.removeFromLeft(w);
        labels[i]->setBounds(k.removeFromTop(18));
        sliders[i]->setBounds(k);
    }
    graph_.setBounds(r);
}

bool IemeqEditor::isInterestedInFileDrag(const juce::StringArray& files)
{
    for (const auto& f : files)
        if (!f.endsWithIgnoreCase(".txt") && !f.endsWithIgnoreCase(".csv"))
            return false;
    return true;
}

void IemeqEditor::filesDropped(const juce::StringArray& files, int, int)
{
    try {
        processor_.loadMeasurementFiles(files);
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
                              } catch (const std::exception& e) {
                                  showError(e.what());
                              }
                          });
}

void IemeqEditor::chooseTarget()
{
    chooser_ = std::make_unique<juce::FileChooser>("Load target curve", juce::File(), "*.txt;*.csv");
    chooser_->launchAsync(juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this](const juce::FileChooser& fc) {
                              const auto f = fc.getResult();
                              if (f == juce::File())
                                  return;
                              try {
                                  processor_.loadTargetFile(f.getFullPathName());
                              } catch (const std::exception& e) {
                                  showError(e.what());
                              }
                          });
}

void IemeqEditor::showError(const juce::String& text)
{
    status_.setText(text, juce::dontSendNotification);
}

} // namespace iemeq::ui
