#include "Theme.h"

namespace iemeq::ui::theme {

namespace {

juce::LookAndFeel_V4::ColourScheme scheme()
{
    return { background, panel, panel.brighter(0.08f), dimText.withAlpha(0.4f), text, accent, juce::Colours::white, accent, text };
}

void setColours(juce::LookAndFeel_V4& l)
{
    l.setColour(juce::ResizableWindow::backgroundColourId, background);
    l.setColour(juce::ComboBox::backgroundColourId, panel.brighter(0.05f));
    l.setColour(juce::ComboBox::outlineColourId, dimText.withAlpha(0.35f));
    l.setColour(juce::TextButton::buttonColourId, panel.brighter(0.08f));
    l.setColour(juce::TextButton::buttonOnColourId, accent.withAlpha(0.85f));
    l.setColour(juce::Slider::textBoxOutlineColourId, juce::Colours::transparentBlack);
    l.setColour(juce::Slider::rotarySliderFillColourId, accent);
    l.setColour(juce::Slider::rotarySliderOutlineColourId, panel.brighter(0.2f));
    l.setColour(juce::Label::textColourId, text);
    l.setColour(juce::TooltipWindow::backgroundColourId, panel.brighter(0.15f));
}

void placeComboText(juce::ComboBox& box, juce::Label& label, const juce::Font& font)
{
    label.setBounds(1, 1, box.getWidth() - LookAndFeel::comboArrowWidth(box.getHeight()) - 2, box.getHeight() - 2);
    label.setFont(font);
}

void paintCombo(juce::Graphics& g, int width, int height, juce::ComboBox& box)
{
    const auto bounds = juce::Rectangle<int>(0, 0, width, height).toFloat().reduced(0.5f);
    g.setColour(box.findColour(juce::ComboBox::backgroundColourId));
    g.fillRoundedRectangle(bounds, 3.0f);
    g.setColour(box.findColour(box.hasKeyboardFocus(true) ? juce::ComboBox::focusedOutlineColourId : juce::ComboBox::outlineColourId));
    g.drawRoundedRectangle(bounds, 3.0f, 1.0f);
    const int zone = LookAndFeel::comboArrowWidth(height);
    const auto arrow = juce::Rectangle<float>(static_cast<float>(width - zone), 0.0f, static_cast<float>(zone) - 4.0f, static_cast<float>(height));
    const float w = std::min(8.0f, arrow.getWidth() * 0.6f), cx = arrow.getCentreX(), cy = arrow.getCentreY();
    juce::Path p;
    p.startNewSubPath(cx - w / 2, cy - w / 4);
    p.lineTo(cx, cy + w / 4);
    p.lineTo(cx + w / 2, cy - w / 4);
    g.setColour(box.findColour(juce::ComboBox::arrowColourId).withAlpha(box.isEnabled() ? 0.9f : 0.2f));
    g.strokePath(p, juce::PathStrokeType(2.0f));
}

} // namespace

juce::Font LookAndFeel::getComboBoxFont(juce::ComboBox& box)
{
    return juce::Font(std::min(14.0f, static_cast<float>(box.getHeight()) * 0.6f));
}

void LookAndFeel::positionComboBoxText(juce::ComboBox& box, juce::Label& label)
{
    placeComboText(box, label, getComboBoxFont(box));
}

void LookAndFeel::drawComboBox(juce::Graphics& g, int width, int height, bool, int, int, int, int, juce::ComboBox& box)
{
    paintCombo(g, width, height, box);
}

juce::Font LookAndFeel::getTextButtonFont(juce::TextButton&, int buttonHeight)
{
    return juce::Font(std::min(15.0f, static_cast<float>(buttonHeight) * 0.6f));
}

CompactLookAndFeel::CompactLookAndFeel() : juce::LookAndFeel_V4(scheme())
{
    setColours(*this);
}

juce::Font CompactLookAndFeel::getLabelFont(juce::Label& label)
{
    return label.getFont().withHeight(std::min(13.0f, label.getFont().getHeight()));
}

juce::Font CompactLookAndFeel::getComboBoxFont(juce::ComboBox& box)
{
    return juce::Font(std::min(13.0f, static_cast<float>(box.getHeight()) * 0.6f));
}

void CompactLookAndFeel::positionComboBoxText(juce::ComboBox& box, juce::Label& label)
{
    placeComboText(box, label, getComboBoxFont(box));
}

void CompactLookAndFeel::drawComboBox(juce::Graphics& g, int width, int height, bool, int, int, int, int, juce::ComboBox& box)
{
    paintCombo(g, width, height, box);
}

juce::Font CompactLookAndFeel::getTextButtonFont(juce::TextButton&, int buttonHeight)
{
    return juce::Font(std::min(13.0f, static_cast<float>(buttonHeight) * 0.6f));
}

LookAndFeel::LookAndFeel() : juce::LookAndFeel_V4(scheme())
{
    setColours(*this);
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
    if (bipolar) {  // the centre detent: where the knob does nothing
        g.setColour(dimText);
        g.drawLine({ centre.getPointOnCircumference(radius - line * 0.2f, from), centre.getPointOnCircumference(radius + 1.5f, from) }, 1.5f);
    }
    const auto tip = centre.getPointOnCircumference(radius - line * 2.6f, angle);
    g.setColour(text);
    g.drawLine({ centre.getPointOnCircumference(radius * 0.25f, angle), tip }, line * 0.8f);
    if (s.hasKeyboardFocus(true)) {
        g.setColour(accent.withAlpha(0.5f));
        g.drawEllipse(bounds.withSizeKeepingCentre(radius * 2, radius * 2), 1.0f);
    }
}

} // namespace iemeq::ui::theme
