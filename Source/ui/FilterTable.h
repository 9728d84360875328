#pragma once
// The editable filter list: type, fc, gain and Q per row, add and remove. Every edit reports the
// whole list, which the editor turns into a "manual" design.
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
    void setSelected(int index);
    std::function<void(std::vector<PeqFilter>)> onEdited;
    std::function<void()> onAutoDesign;
    std::function<void(int)> onSelectionChanged;

    void paint(juce::Graphics&) override;
    void resized() override;

private:
    class Row;
    void rebuildRows();
    void rowEdited(int index);

    std::vector<PeqFilter> filters_;
    std::vector<std::unique_ptr<Row>> rows_;
    juce::Component rowHolder_;
    juce::Viewport viewport_;
    juce::TextButton add_ { "+ Add" }, auto_ { "Auto design" };
    juce::Label title_;
    int selected_ = -1;
    bool manual_ = false;
};

} // namespace iemeq::ui
