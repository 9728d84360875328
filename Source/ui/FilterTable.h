#pragma once
// The editable filter list: type, fc, gain and Q per row, add and remove. Every edit reports the
// whole list, which the editor turns into a "manual" design.
#include "Theme.h"
#include "dsp/design/Biquad.h"

#include <functional>
#include <juce_gui_basics/juce_gui_basics.h>
#include <memory>
#include <vector>

namespace iemeq::ui {

class FilterTable final : public juce::Component {
public:
    FilterTable();
    ~FilterTable() override;

    void setFilters(const std::vector<PeqFilter>& filters, bool manual);
    // false in FIR modes: the correction is a kernel, there are no filters to add or edit.
    void setEditable(bool editable);
    bool editable() const { return editable_; }
    void setSelected(int index);
    std::function<void(std::vector<PeqFilter>)> onEdited;
    std::function<void()> onAutoDesign;
    std::function<void(int)> onSelectionChanged;

    void paint(juce::Graphics&) override;
    void resized() override;

    // What the table says when it has no rows, and where (tests check that it fits).
    juce::String emptyText() const;
    juce::Rectangle<int> emptyTextArea() const;

private:
    class Row;
    bool rowsOverflow() const;
    void rebuildRows();
    void rowEdited(int index);

    std::vector<PeqFilter> filters_;
    std::vector<std::unique_ptr<Row>> rows_;
    juce::Component rowHolder_;
    juce::Viewport viewport_;
    juce::TextButton add_ { "+ Add" }, auto_ { "Auto design" };
    juce::Label title_;
    int selected_ = -1;
    bool manual_ = false, editable_ = true;
    theme::CompactLookAndFeel compact_;
};

} // namespace iemeq::ui
