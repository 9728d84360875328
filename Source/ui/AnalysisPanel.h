#pragma once
// The reviewer's view in the editor: preference score and RMS error before/after the correction,
// the deviation from the target per review band (as bars, before and after), and the tonal words.
// Self-contained: give it a ReviewAnalysis (dsp/analysis/ReviewAnalysis.h, the same numbers
// `iemeq report` writes) with setAnalysis(); it keeps no reference to the processor.
// Colours as on the graph: before = the measurement's orange, after = the corrected green.
#include "dsp/analysis/ReviewAnalysis.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <optional>
#include <vector>

namespace iemeq::ui {

class AnalysisPanel final : public juce::Component {
public:
    AnalysisPanel();

    // nullopt clears the panel (no measurement or no target loaded).
    void setAnalysis(std::optional<ReviewAnalysis> analysis);
    const std::optional<ReviewAnalysis>& analysis() const { return analysis_; }

    void paint(juce::Graphics& g) override;

    // The height that shows everything (bars and both sentences) at the current width, with
    // comfortable rows; and the least in which it all still fits (13 px rows).
    int preferredHeight() const;
    int minimumHeight() const;

    // The bar chart's scale: a band's bar spans from the zero line by db * pixelsPerDb, clamped
    // to +-kBarRangeDb. Public so tests can check bar lengths.
    static constexpr double kBarRangeDb = 6.0;
    juce::Rectangle<float> barArea() const;
    float xForDb(double db) const;

    // The one-line summary shown at the top, e.g. "Score 82.2 -> 98.4   RMS 1.49 -> 0.15 dB".
    juce::String summaryLine() const;

    // Every text paint() draws, where and how (tests check that each fits and what colour it has).
    struct TextItem {
        juce::String text;
        juce::Font font;
        juce::Rectangle<float> area;
        juce::Colour colour;
        int maxLines = 1;
    };
    std::vector<TextItem> textItems() const;

private:
    juce::String wordsLine(bool after) const;
    float wordsHeight(bool after) const;
    float rowHeight() const;
    std::optional<ReviewAnalysis> analysis_;
};

} // namespace iemeq::ui
