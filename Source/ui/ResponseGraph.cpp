#include "ResponseGraph.h"

#include <cmath>

namespace iemeq::ui {

void ResponseGraph::setCurves(Curves c)
{
    curves_ = std::move(c);
    repaint();
}

juce::Rectangle<float> ResponseGraph::plotArea() const
{
    return getLocalBounds().toFloat().withTrimmedLeft(40).withTrimmedBottom(22).withTrimmedTop(6).withTrimmedRight(8);
}

float ResponseGraph::xForFrequency(double hz) const
{
    const auto a = plotArea();
    const double t = std::log(hz / 20.0) / std::log(1000.0);
    return a.getX() + static_cast<float>(t) * a.getWidth();
}

float ResponseGraph::yForDb(double db) const
{
    const auto a = plotArea();
    const double t = (db - dbMin_) / (dbMax_ - dbMin_);
    return a.getBottom() - static_cast<float>(t) * a.getHeight();
}

void ResponseGraph::drawCurve(juce::Graphics& g, const FrequencyCurve& c, juce::Colour colour, float thickness) const
{
    if (c.empty())
        return;
    juce::Path p;
    bool started = false;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.freq[i] < 20.0 || c.freq[i] > 20000.0)
            continue;
        const float x = xForFrequency(c.freq[i]);
        const float y = yForDb(juce::jlimit(dbMin_ - 5, dbMax_ + 5, c.db[i]));
        if (!started) { p.startNewSubPath(x, y); started = true; }
        else p.lineTo(x, y);
    }
    g.setColour(colour);
    g.strokePath(p, juce::PathStrokeType(thickness));
}

void ResponseGraph::paint(juce::Graphics& g)
{
    const auto a = plotArea();
    g.fillAll(juce::Colour(0xff16181d));
    // Coupler measurements above ~8 kHz do not match the eardrum: shade that band.
    g.setColour(juce::Colour(0x22ffffff));
    g.fillRect(juce::Rectangle<float>::leftTopRightBottom(xForFrequency(8000.0), a.getY(), a.getRight(), a.getBottom()));
    g.setFont(11.0f);
    for (double f : { 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0 }) {
        const float x = xForFrequency(f);
        g.setColour(juce::Colour(0x30ffffff));
        g.drawVerticalLine(juce::roundToInt(x), a.getY(), a.getBottom());
        g.setColour(juce::Colours::grey);
        const juce::String label = f >= 1000 ? juce::String(f / 1000, 0) + "k" : juce::String(f, 0);
        g.drawText(label, juce::Rectangle<float>(x - 20, a.getBottom() + 3, 40, 16), juce::Justification::centred);
    }
    for (double db = dbMin_; db <= dbMax_ + 1e-9; db += 5.0) {
        const float y = yForDb(db);
        g.setColour(juce::Colour(db == 0.0 ? 0x60ffffff : 0x30ffffff));
        g.drawHorizontalLine(juce::roundToInt(y), a.getX(), a.getRight());
        g.setColour(juce::Colours::grey);
        g.drawText(juce::String(db, 0) + " dB", juce::Rectangle<float>(0, y - 8, 38, 16), juce::Justification::centredRight);
    }
    g.setColour(juce::Colours::grey.withAlpha(0.8f));
    g.drawText("> 8 kHz: less reliable on couplers", juce::Rectangle<float>(xForFrequency(8000.0) + 4, a.getY() + 2, 200, 14),
               juce::Justification::left);
    drawCurve(g, curves_.target, juce::Colour(0xff9aa0a6), 2.0f);
    drawCurve(g, curves_.measurement, juce::Colour(0xffe8710a), 1.5f);
    drawCurve(g, curves_.eq, juce::Colour(0xff4285f4), 1.5f);
    drawCurve(g, curves_.corrected, juce::Colour(0xff34a853), 2.0f);
}

} // namespace iemeq::ui
