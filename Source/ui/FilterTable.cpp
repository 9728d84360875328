#include "FilterTable.h"

#include "Theme.h"

#include <array>

namespace iemeq::ui {

static constexpr int kRowHeight = 28;

// Column widths of a row `width` px wide: number, type, frequency, gain, Q, remove. Each column
// has room for its widest text at the table's 13 px (e.g. "20000 Hz", "-24.0 dB", "HSC"); what
// is left is shared out.
static std::array<int, 6> columns(int width)
{
    std::array<int, 6> c { 26, 58, 70, 64, 46, 26 };
    const int spare = std::max(0, width - (c[0] + c[1] + c[2] + c[3] + c[4] + c[5]));
    c[1] += spare * 15 / 100;
    c[2] += spare * 35 / 100;
    c[3] += spare * 30 / 100;
    c[4] += spare - spare * 15 / 100 - spare * 35 / 100 - spare * 30 / 100;
    return c;
}

class FilterTable::Row final : public juce::Component {
public:
    Row(FilterTable& owner, int index) : owner_(owner), index_(index)
    {
        number_.setText(juce::String(index + 1), juce::dontSendNotification);
        number_.setJustificationType(juce::Justification::centred);
        addAndMakeVisible(number_);
        type_.addItemList({ "PK", "LSC", "HSC" }, 1);
        type_.setTitle("Filter " + juce::String(index + 1) + " type");
        type_.onChange = [this] { changed(); };
        addAndMakeVisible(type_);
        setup(fc_, 20.0, 20000.0, 1.0, " Hz", "frequency");
        fc_.setSkewFactorFromMidPoint(1000.0);
        setup(gain_, -24.0, 24.0, 0.1, " dB", "gain");
        setup(q_, 0.1, 20.0, 0.01, "", "Q");
        q_.setSkewFactorFromMidPoint(1.5);
        remove_.setTitle("Remove filter " + juce::String(index + 1));
        remove_.setTooltip("Remove this filter");
        remove_.onClick = [this] {
            // Rebuilding deletes this row: do it after the click callback has returned.
            juce::MessageManager::callAsync([owner = juce::Component::SafePointer<FilterTable>(&owner_), i = index_] {
                if (owner == nullptr || i >= static_cast<int>(owner->filters_.size()))
                    return;
                owner->filters_.erase(owner->filters_.begin() + i);
                owner->selected_ = -1;
                owner->rebuildRows();
                owner->rowEdited(-1);
            });
        };
        addAndMakeVisible(remove_);
    }

    void show(const PeqFilter& f)
    {
        type_.setSelectedId(f.type == FilterType::Peaking ? 1 : f.type == FilterType::LowShelf ? 2 : 3, juce::dontSendNotification);
        fc_.setValue(f.fc, juce::dontSendNotification);
        gain_.setValue(f.gainDb, juce::dontSendNotification);
        q_.setValue(f.q, juce::dontSendNotification);
    }

    void paint(juce::Graphics& g) override
    {
        if (index_ == owner_.selected_) {
            g.setColour(theme::accent.withAlpha(0.18f));
            g.fillRoundedRectangle(getLocalBounds().toFloat(), 4.0f);
        }
    }

    void resized() override
    {
        auto r = getLocalBounds().reduced(2, 2);
        const auto cols = columns(r.getWidth());
        number_.setBounds(r.removeFromLeft(cols[0]));
        remove_.setBounds(r.removeFromRight(cols[5]));
        type_.setBounds(r.removeFromLeft(cols[1]).reduced(1, 0));
        fc_.setBounds(r.removeFromLeft(cols[2]).reduced(1, 0));
        gain_.setBounds(r.removeFromLeft(cols[3]).reduced(1, 0));
        q_.setBounds(r.removeFromLeft(cols[4]).reduced(1, 0));
    }

    void mouseDown(const juce::MouseEvent&) override { owner_.setSelected(index_); }

private:
    void setup(juce::Slider& s, double lo, double hi, double step, const juce::String& suffix, const juce::String& what)
    {
        s.setSliderStyle(juce::Slider::LinearBar);
        s.setRange(lo, hi, step);
        s.setTextValueSuffix(suffix);
        s.setTextBoxIsEditable(true);
        s.setTitle("Filter " + juce::String(index_ + 1) + " " + what);
        s.setWantsKeyboardFocus(true);
        s.setColour(juce::Slider::trackColourId, theme::accent.withAlpha(0.25f));
        s.onValueChange = [this] { changed(); };
        s.onDragStart = [this] { owner_.setSelected(index_); };
        addAndMakeVisible(s);
    }

    void changed()
    {
        auto& f = owner_.filters_[static_cast<std::size_t>(index_)];
        const int t = type_.getSelectedId();
        f.type = t == 2 ? FilterType::LowShelf : t == 3 ? FilterType::HighShelf : FilterType::Peaking;
        f.fc = fc_.getValue();
        f.gainDb = gain_.getValue();
        f.q = q_.getValue();
        owner_.rowEdited(index_);
    }

    FilterTable& owner_;
    int index_;
    juce::Label number_;
    juce::ComboBox type_;
    juce::Slider fc_, gain_, q_;
    juce::TextButton remove_ { juce::String::fromUTF8("\xc3\x97") };
};

FilterTable::FilterTable()
{
    setLookAndFeel(&compact_);
    title_.setText("Filters", juce::dontSendNotification);
    title_.setFont(juce::Font(14.0f, juce::Font::bold));
    addAndMakeVisible(title_);
    add_.setTooltip("Add a peaking filter (the design becomes manual)");
    add_.onClick = [this] {
        if (filters_.size() >= 24)
            return;
        filters_.push_back({ FilterType::Peaking, 1000.0, 0.0, 1.0 });
        rebuildRows();
        setSelected(static_cast<int>(filters_.size()) - 1);
        rowEdited(static_cast<int>(filters_.size()) - 1);
    };
    auto_.setTooltip("Discard hand edits and let iemeq design the filters");
    auto_.onClick = [this] { if (onAutoDesign) onAutoDesign(); };
    addAndMakeVisible(add_);
    addAndMakeVisible(auto_);
    viewport_.setViewedComponent(&rowHolder_, false);
    viewport_.setScrollBarsShown(true, false);
    addAndMakeVisible(viewport_);
    setTitle("Filter table");
}

FilterTable::~FilterTable()
{
    rows_.clear();
    setLookAndFeel(nullptr);
}

bool FilterTable::rowsOverflow() const
{
    return static_cast<int>(rows_.size()) * kRowHeight > viewport_.getHeight();
}

juce::String FilterTable::emptyText() const
{
    return editable_ ? "No filters yet: load a measurement and a target, or add one to shape the correction by hand."
                     : "FIR mode: the correction is one filter kernel, not a list of filters (switch to Parametric to edit filters).";
}

juce::Rectangle<int> FilterTable::emptyTextArea() const
{
    return getLocalBounds().reduced(12).withTrimmedTop(64);
}

void FilterTable::setEditable(bool editable)
{
    if (editable == editable_)
        return;
    editable_ = editable;
    add_.setVisible(editable);
    auto_.setVisible(editable);
    resized();
    repaint();
}

void FilterTable::setFilters(const std::vector<PeqFilter>& filters, bool manual)
{
    manual_ = manual;
    auto_.setEnabled(manual);
    title_.setText(!editable_ ? "Filters" : manual ? "Filters (manual)" : "Filters (designed)", juce::dontSendNotification);
    const bool sameCount = filters.size() == filters_.size();
    filters_ = filters;
    if (!sameCount)
        rebuildRows();
    for (std::size_t i = 0; i < rows_.size(); ++i)
        rows_[i]->show(filters_[i]);
}

void FilterTable::setSelected(int index)
{
    if (index == selected_)
        return;
    selected_ = index;
    for (auto& r : rows_)
        r->repaint();
    if (index >= 0 && index < static_cast<int>(rows_.size()))
        viewport_.autoScroll(0, rows_[static_cast<std::size_t>(index)]->getY() - viewport_.getViewPositionY(), 0, 0);
    if (onSelectionChanged)
        onSelectionChanged(index);
}

void FilterTable::rebuildRows()
{
    rows_.clear();
    for (std::size_t i = 0; i < filters_.size(); ++i) {
        rows_.push_back(std::make_unique<Row>(*this, static_cast<int>(i)));
        rows_.back()->show(filters_[i]);
        rowHolder_.addAndMakeVisible(*rows_.back());
    }
    resized();
}

void FilterTable::rowEdited(int)
{
    if (onEdited)
        onEdited(filters_);
}

void FilterTable::paint(juce::Graphics& g)
{
    g.setColour(theme::panel);
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 6.0f);
    g.setColour(theme::dimText);
    g.setFont(juce::Font(12.0f));
    auto header = getLocalBounds().reduced(8, 0).withTrimmedTop(40).withHeight(16).withTrimmedRight(rowsOverflow() ? viewport_.getScrollBarThickness() : 0).reduced(2, 0);
    const auto cols = columns(header.getWidth());
    header.removeFromLeft(cols[0]);
    for (const auto& [name, i] : { std::pair { "Type", 1 }, { "Freq", 2 }, { "Gain", 3 }, { "Q", 4 } })
        g.drawText(name, header.removeFromLeft(cols[static_cast<std::size_t>(i)]), juce::Justification::centred);
    if (filters_.empty())
        g.drawFittedText(emptyText(), emptyTextArea(), juce::Justification::centredTop, 4, 1.0f);
}

void FilterTable::resized()
{
    auto r = getLocalBounds().reduced(8, 6);
    auto top = r.removeFromTop(28);
    if (editable_) {
        const auto width = [](juce::TextButton& b) {
            return juce::roundToInt(juce::Font(13.0f).getStringWidthFloat(b.getButtonText())) + 22;
        };
        auto_.setBounds(top.removeFromRight(width(auto_)));
        top.removeFromRight(6);
        add_.setBounds(top.removeFromRight(width(add_)));
        top.removeFromRight(6);
    }
    title_.setBounds(top);
    r.removeFromTop(24);
    viewport_.setBounds(r);
    rowHolder_.setBounds(0, 0, r.getWidth() - (rowsOverflow() ? viewport_.getScrollBarThickness() : 0),
                         static_cast<int>(rows_.size()) * kRowHeight);
    for (std::size_t i = 0; i < rows_.size(); ++i)
        rows_[i]->setBounds(0, static_cast<int>(i) * kRowHeight, rowHolder_.getWidth(), kRowHeight);
}

} // namespace iemeq::ui
