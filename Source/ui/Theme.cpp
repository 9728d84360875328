#include "Theme.h"

namespace iemeq::ui::theme {

LookAndFeel::LookAndFeel()
    : juce::LookAndFeel_V4(juce::LookAndFeel_V4::ColourScheme {
          background, panel, panel.brighter(0.08f), dimText.withAlpha(0.4f), text, accent, juce::Colours::white, accent, text })
{
    setColour(juce::ResizableWindow::backgroundColourId, background);
    setColour(juce::ComboBox::backgroundColourId, panel.brighter(0.05f));
    setColour(juce::ComboBox::outlineColourId, dimText.withAlpha(0.35f));
    setColour(juce::TextButton::buttonColourId, panel.brighter(0.08f));
    setColour(juce::TextButton::buttonOnColourId, accent.withAlpha(0.85f));
    setColour(juce::Slider::textBoxOutlineColourId, juce::Colours::transparentBlack);
    setColour(juce::Slider::rotarySliderFillColourId, accent);
    setColour(juce::Slider::rotarySliderOutlineColourId, panel.brighter(0.2f));
    setColour(juce::Label::textColourId, text);
    setColour(juce::TooltipWindow::backgroundColourId, panel.brighter(0.15f));
}

void LookAndFeel::drawRotarySlider(juce::Graphics& g, int x, int y, int w, int h, float pos, float start, float end,
                                   juce::Slider& s)
{
    const auto bounds = juce::Rectangle<int>(x, y, w, h).toFloat().reduced(4.0f);
    const float radius = std::min(bounds.getWidth(), bounds.getHeight()) / 2.0f;
    const auto centre = bounds.getCentre();
    const float angle = start + pos * (end - start);
    const float line = std::max(2.5f, radius * 0.14f);
    juce::Path track, value;
    track.addCentredArc(centre.x, centre.y, radius - line, radius - line, 0.0f, start, end, true);
    g.setColour(s.findColour(juce::Slider::rotarySliderOutlineColourId));
    g.strokePath(track, juce::PathStrokeType(line, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));
    // Bipolar ranges (-x..+x) fill from the centre, so 0 dB reads as "nothing".
    const bool bipolar = s.getMinimum() < 0.0 && s.getMaximum() > 0.0;
    const float from = bipolar ? start + static_cast<float>(s.valueToProportionOfLength(0.0)) * (end - start) : start;
    value.addCentredArc(centre.x, centre.y, radius - line, radius - line, 0.0f, std::min(from, angle), std::max(from, angle), true);
    g.setColour(s.isEnabled() ? s.findColour(juce::Slider::rotarySliderFillColourId) : dimText);
    g.strokePath(value, juce::PathStrokeType(line, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));
    const auto tip = centre.getPointOnCircumference(radius - line * 2.6f, angle);
    g.setColour(text);
    g.drawLine({ centre.getPointOnCircumference(radius * 0.25f, angle), tip }, line * 0.8f);
    if (s.hasKeyboardFocus(true)) {
        g.setColour(accent.withAlpha(0.5f));
        g.drawEllipse(bounds.withSizeKeepingCentre(radius * 2, radius * 2), 1.0f);
    }
}

} // namespace iemeq::ui::theme
