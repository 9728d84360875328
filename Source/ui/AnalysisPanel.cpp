#include "AnalysisPanel.h"

#include <algorithm>
#include <cmath>

namespace iemeq::ui {

namespace {

const juce::Colour kBefore(31, 119, 180);  // the IEM's colour in the report graphs
const juce::Colour kAfter(214, 39, 40);    // the corrected result's colour
const juce::Colour kText(0xffe8e8e8);
const juce::Colour kDim(0xff9a9a9a);

constexpr float kRowHeight = 18.0f;
constexpr float kLabelWidth = 86.0f;
constexpr float kHeaderHeight = 40.0f;

} // namespace

AnalysisPanel::AnalysisPanel()
{
    setOpaque(false);
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
           + "   RMS " + juce::String(a.rmsBeforeDb, 2) + " -> " + juce::String(a.rmsAfterDb, 2) + " dB";
}

juce::Rectangle<float> AnalysisPanel::barArea() const
{
    auto r = getLocalBounds().toFloat().reduced(8.0f);
    r.removeFromTop(kHeaderHeight);
    r = r.removeFromTop(kRowHeight * static_cast<float>(kReviewBandCount));
    r.removeFromLeft(kLabelWidth);
    r.removeFromRight(52.0f);  // room for the numbers
    return r;
}

float AnalysisPanel::xForDb(double db) const
{
    const auto area = barArea();
    const double clamped = std::clamp(db, -kBarRangeDb, kBarRangeDb);
    return area.getCentreX() + static_cast<float>(clamped / kBarRangeDb) * area.getWidth() * 0.5f;
}

void AnalysisPanel::paint(juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat().reduced(8.0f);
    g.setColour(juce::Colour(0xff1e1f22));
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 6.0f);

    g.setColour(kText);
    g.setFont(juce::Font(15.0f, juce::Font::bold));
    g.drawText(summaryLine(), bounds.removeFromTop(20.0f), juce::Justification::centredLeft, true);
    if (!analysis_)
        return;
    const auto& a = *analysis_;

    // Legend for the bars.
    g.setFont(juce::Font(12.0f));
    auto legend = bounds.removeFromTop(kHeaderHeight - 20.0f);
    g.setColour(kBefore);
    g.fillRect(legend.removeFromLeft(10.0f).withSizeKeepingCentre(10.0f, 6.0f));
    g.setColour(kDim);
    g.drawText(" before EQ", legend.removeFromLeft(70.0f), juce::Justification::centredLeft, false);
    g.setColour(kAfter);
    g.fillRect(legend.removeFromLeft(10.0f).withSizeKeepingCentre(10.0f, 6.0f));
    g.setColour(kDim);
    g.drawText(" after EQ    dB vs target (+-" + juce::String(kBarRangeDb, 0) + " dB shown)", legend, juce::Justification::centredLeft, true);

    const auto bars = barArea();
    g.setColour(juce::Colour(0xff3a3b40));
    g.fillRect(juce::Rectangle<float>(bars.getCentreX() - 0.5f, bars.getY(), 1.0f, bars.getHeight()));
    for (std::size_t b = 0; b < kReviewBandCount; ++b) {
        const float y = bars.getY() + kRowHeight * static_cast<float>(b);
        g.setColour(kText);
        g.drawText(reviewBands()[b].label, juce::Rectangle<float>(bars.getX() - kLabelWidth, y, kLabelWidth - 4.0f, kRowHeight),
                   juce::Justification::centredLeft, true);
        auto drawBar = [&](double db, juce::Colour c, float top) {
            const float x0 = bars.getCentreX(), x1 = xForDb(db);
            g.setColour(c);
            g.fillRect(juce::Rectangle<float>(std::min(x0, x1), top, std::max(1.0f, std::fabs(x1 - x0)), 6.0f));
        };
        drawBar(a.before.db[b], kBefore, y + 2.0f);
        drawBar(a.after.db[b], kAfter, y + 9.0f);
        g.setColour(kDim);
        g.drawText(juce::String(a.before.db[b], 1) + " / " + juce::String(a.after.db[b], 1),
                   juce::Rectangle<float>(bars.getRight() + 2.0f, y, 50.0f, kRowHeight), juce::Justification::centredRight, false);
    }

    // The words, before and after.
    auto words = getLocalBounds().toFloat().reduced(8.0f);
    words.removeFromTop(bars.getBottom() - words.getY() + 6.0f);
    g.setFont(juce::Font(13.0f));
    g.setColour(kBefore.brighter(0.4f));
    g.drawFittedText("Before: " + juce::String(toneSentence(a.wordsBefore)), words.removeFromTop(34.0f).toNearestInt(),
                     juce::Justification::topLeft, 2);
    g.setColour(kAfter.brighter(0.4f));
    g.drawFittedText("After: " + juce::String(toneSentence(a.wordsAfter)), words.removeFromTop(34.0f).toNearestInt(),
                     juce::Justification::topLeft, 2);
}

} // namespace iemeq::ui
