#include "AnalysisPanel.h"

#include "Theme.h"

#include <algorithm>
#include <cmath>

namespace iemeq::ui {

namespace {

// The same colours as the graph's curves: what was measured, what the correction gives.
const juce::Colour kBefore = theme::measurement;
const juce::Colour kAfter = theme::corrected;

constexpr float kPad = 8.0f;
constexpr float kRowHeight = 18.0f, kMinRowHeight = 13.0f;
constexpr float kLabelWidth = 86.0f;
constexpr float kHeaderHeight = 40.0f;

juce::Font summaryFont() { return juce::Font(14.0f, juce::Font::bold); }
juce::Font smallFont() { return juce::Font(12.0f); }
juce::Font wordsFont() { return juce::Font(13.0f); }

// The widest "-10.3 / -10.3" the numbers column can show.
float numbersWidth() { return std::ceil(smallFont().getStringWidthFloat("-10.3 / -10.3")) + 4.0f; }

} // namespace

AnalysisPanel::AnalysisPanel()
{
    setOpaque(false);
    setTitle("Analysis");
    setSize(360, 260);
}

void AnalysisPanel::setAnalysis(std::optional<ReviewAnalysis> analysis)
{
    analysis_ = std::move(analysis);
    repaint();
}

juce::String AnalysisPanel::summaryLine() const
{
    if (!analysis_)
        return "Load a measurement and a target to see the analysis";
    const auto& a = *analysis_;
    return "Score " + juce::String(a.scoreBefore.score, 1) + juce::String(" -> ") + juce::String(a.scoreAfter.score, 1)
           + "   error " + juce::String(a.errors.reliableBeforeDb, 2) + " -> " + juce::String(a.errors.reliableAfterDb, 2) + " dB";
}

juce::String AnalysisPanel::wordsLine(bool after) const
{
    if (!analysis_)
        return {};
    return (after ? "After: " : "Before: ") + juce::String(toneSentence(after ? analysis_->wordsAfter : analysis_->wordsBefore));
}

float AnalysisPanel::wordsHeight(bool after) const
{
    // As many 13 px lines as the sentence needs at this width (at most two).
    const float width = static_cast<float>(getWidth()) - 2 * kPad;
    const juce::String text = wordsLine(after);
    if (text.isEmpty() || width <= 0.0f)
        return 0.0f;
    juce::GlyphArrangement ga;
    ga.addJustifiedText(wordsFont(), text, 0.0f, 0.0f, width, juce::Justification::left);
    const int lines = std::clamp(juce::roundToInt(ga.getBoundingBox(0, -1, true).getHeight() / wordsFont().getHeight()), 1, 2);
    return static_cast<float>(lines) * wordsFont().getHeight() + 3.0f;
}

float AnalysisPanel::rowHeight() const
{
    const float free = static_cast<float>(getHeight()) - 2 * kPad - kHeaderHeight - 6.0f - wordsHeight(false) - wordsHeight(true);
    return std::clamp(free / static_cast<float>(kReviewBandCount), kMinRowHeight, kRowHeight);
}

int AnalysisPanel::preferredHeight() const
{
    return static_cast<int>(std::ceil(2 * kPad + kHeaderHeight + kRowHeight * static_cast<float>(kReviewBandCount) + 6.0f
                                      + wordsHeight(false) + wordsHeight(true)));
}

int AnalysisPanel::minimumHeight() const
{
    return static_cast<int>(std::ceil(2 * kPad + kHeaderHeight + kMinRowHeight * static_cast<float>(kReviewBandCount) + 6.0f
                                      + wordsHeight(false) + wordsHeight(true)));
}

juce::Rectangle<float> AnalysisPanel::barArea() const
{
    auto r = getLocalBounds().toFloat().reduced(kPad);
    r.removeFromTop(kHeaderHeight);
    r = r.removeFromTop(rowHeight() * static_cast<float>(kReviewBandCount));
    r.removeFromLeft(kLabelWidth);
    r.removeFromRight(numbersWidth() + 2.0f);  // room for the numbers
    return r;
}

float AnalysisPanel::xForDb(double db) const
{
    const auto area = barArea();
    const double clamped = std::clamp(db, -kBarRangeDb, kBarRangeDb);
    return area.getCentreX() + static_cast<float>(clamped / kBarRangeDb) * area.getWidth() * 0.5f;
}

std::vector<AnalysisPanel::TextItem> AnalysisPanel::textItems() const
{
    std::vector<TextItem> items;
    auto bounds = getLocalBounds().toFloat().reduced(kPad);
    if (!analysis_) {
        items.push_back({ summaryLine(), summaryFont(), bounds.removeFromTop(kHeaderHeight), theme::text, 2 });
        return items;
    }
    const auto& a = *analysis_;
    items.push_back({ summaryLine(), summaryFont(), bounds.removeFromTop(20.0f), theme::text });
    auto legend = bounds.removeFromTop(kHeaderHeight - 20.0f);
    legend.removeFromLeft(10.0f);
    const juce::String before = " before EQ", after = " after EQ", scale = "   dB vs target (+-" + juce::String(kBarRangeDb, 0) + " shown)";
    items.push_back({ before, smallFont(), legend.removeFromLeft(std::ceil(smallFont().getStringWidthFloat(before)) + 2.0f), theme::dimText });
    legend.removeFromLeft(10.0f);
    items.push_back({ after, smallFont(), legend.removeFromLeft(std::ceil(smallFont().getStringWidthFloat(after)) + 2.0f), theme::dimText });
    // The scale note only where it fits (it is also in the tooltip).
    if (smallFont().getStringWidthFloat(scale) <= legend.getWidth())
        items.push_back({ scale, smallFont(), legend, theme::dimText });

    const auto bars = barArea();
    for (std::size_t b = 0; b < kReviewBandCount; ++b) {
        const float y = bars.getY() + rowHeight() * static_cast<float>(b);
        items.push_back({ reviewBands()[b].label, smallFont(),
                          juce::Rectangle<float>(bars.getX() - kLabelWidth, y, kLabelWidth - 4.0f, rowHeight()), theme::text });
        items.push_back({ juce::String(a.before.db[b], 1) + " / " + juce::String(a.after.db[b], 1), smallFont(),
                          juce::Rectangle<float>(bars.getRight() + 2.0f, y, numbersWidth(), rowHeight()), theme::dimText });
    }
    auto words = getLocalBounds().toFloat().reduced(kPad);
    words.removeFromTop(bars.getBottom() - words.getY() + 6.0f);
    items.push_back({ wordsLine(false), wordsFont(), words.removeFromTop(wordsHeight(false)), kBefore.brighter(0.3f), 2 });
    items.push_back({ wordsLine(true), wordsFont(), words.removeFromTop(wordsHeight(true)), kAfter.brighter(0.3f), 2 });
    return items;
}

void AnalysisPanel::paint(juce::Graphics& g)
{
    g.setColour(theme::panel);
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 6.0f);
    for (const auto& t : textItems()) {
        g.setColour(t.colour);
        g.setFont(t.font);
        if (t.maxLines > 1)
            g.drawFittedText(t.text, t.area.toNearestInt(), juce::Justification::topLeft, t.maxLines, 1.0f);
        else
            g.drawText(t.text, t.area, t.text.containsOnly("-0123456789. /") ? juce::Justification::centredRight
                                                                              : juce::Justification::centredLeft,
                       true);
    }
    if (!analysis_)
        return;
    const auto& a = *analysis_;

    // The legend's colour swatches, before the legend words.
    auto legend = getLocalBounds().toFloat().reduced(kPad).withTrimmedTop(20.0f).withHeight(kHeaderHeight - 20.0f);
    g.setColour(kBefore);
    g.fillRect(legend.removeFromLeft(10.0f).withSizeKeepingCentre(10.0f, 6.0f));
    legend.removeFromLeft(std::ceil(smallFont().getStringWidthFloat(" before EQ")) + 2.0f);
    g.setColour(kAfter);
    g.fillRect(legend.removeFromLeft(10.0f).withSizeKeepingCentre(10.0f, 6.0f));

    const auto bars = barArea();
    g.setColour(theme::dimText.withAlpha(0.35f));
    g.fillRect(juce::Rectangle<float>(bars.getCentreX() - 0.5f, bars.getY(), 1.0f, bars.getHeight()));
    for (std::size_t b = 0; b < kReviewBandCount; ++b) {
        const float y = bars.getY() + rowHeight() * static_cast<float>(b);
        const float bar = std::max(3.0f, (rowHeight() - 6.0f) / 2.0f);
        auto drawBar = [&](double db, juce::Colour c, float top) {
            const float x0 = bars.getCentreX(), x1 = xForDb(db);
            g.setColour(c);
            g.fillRect(juce::Rectangle<float>(std::min(x0, x1), top, std::max(1.0f, std::fabs(x1 - x0)), bar));
        };
        drawBar(a.before.db[b], kBefore, y + 2.0f);
        drawBar(a.after.db[b], kAfter, y + 3.0f + bar);
    }
}

} // namespace iemeq::ui
