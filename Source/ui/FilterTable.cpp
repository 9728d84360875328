#include "FilterTable.h"

#include "Theme.h"

namespace iemeq::ui {

static constexpr int kRowHeight = 28;

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
        number_.setBounds(r.removeFromLeft(22));
        remove_.setBounds(r.removeFromRight(24));
        const int w = r.getWidth();
        type_.setBounds(r.removeFromLeft(w * 20 / 100).reduced(1, 0));
        fc_.setBounds(r.removeFromLeft(w * 30 / 100).reduced(1, 0));
        gain_.setBounds(r.removeFromLeft(w * 26 / 100).reduced(1, 0));
        q_.setBounds(r.reduced(1, 0));
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
    title_.setText("Filters", juce::dontSendNotification);
    title_.setFont(juce::Font(15.0f, juce::Font::bold));
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

FilterTable::~FilterTable() = default;

void FilterTable::setFilters(const std::vector<PeqFilter>& filters, bool manual)
{
    manual_ = manual;
    auto_.setEnabled(manual);
    title_.setText(manual ? "Filters (manual)" : "Filters (designed)", juce::dontSendNotification);
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
    auto header = getLocalBounds().reduced(8, 0).withTrimmedTop(38).withHeight(16).withTrimmedLeft(24).withTrimmedRight(26);
    const int w = header.getWidth();
    for (const auto& [name, pct] : { std::pair { "Type", 20 }, { "Freq", 30 }, { "Gain", 26 }, { "Q", 24 } })
        g.drawText(name, header.removeFromLeft(w * pct / 100), juce::Justification::centred);
    if (filters_.empty()) {
        g.drawFittedText("No parametric filters (FIR mode, or nothing loaded yet).\nAdd one to shape the correction by hand.",
                   getLocalBounds().reduced(12).withTrimmedTop(60), juce::Justification::centredTop, 3);
    }
}

void FilterTable::resized()
{
    auto r = getLocalBounds().reduced(8, 6);
    auto top = r.removeFromTop(28);
    auto_.setBounds(top.removeFromRight(96));
    top.removeFromRight(6);
    add_.setBounds(top.removeFromRight(64));
    title_.setBounds(top);
    r.removeFromTop(22);
    viewport_.setBounds(r);
    rowHolder_.setBounds(0, 0, r.getWidth() - (static_cast<int>(rows_.size()) * kRowHeight > r.getHeight() ? 8 : 0),
                         static_cast<int>(rows_.size()) * kRowHeight);
    for (std::size_t i = 0; i < rows_.size(); ++i)
        rows_[i]->setBounds(0, static_cast<int>(i) * kRowHeight, rowHolder_.getWidth(), kRowHeight);
}

} // namespace iemeq::ui
