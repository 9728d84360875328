#pragma once
// iemeq's look: a calm dark theme with one colour per curve, used by every UI component.
#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui::theme {

inline const juce::Colour background { 0xff1b1d22 }, panel { 0xff23262d }, plot { 0xff15171b };
inline const juce::Colour text { 0xffe6e8eb }, dimText { 0xff9aa0a8 }, accent { 0xff4f9dff };
inline const juce::Colour measurement { 0xffff8a3d }, target { 0xffb8bec6 }, corrected { 0xff3ccf7a },
                          eq { 0xff4f9dff }, warning { 0xffffb347 };

class LookAndFeel final : public juce::LookAndFeel_V4 {
public:
    LookAndFeel();
    void drawRotarySlider(juce::Graphics&, int x, int y, int w, int h, float pos, float start, float end,
                          juce::Slider&) override;
    // Combo boxes: a 14 px font and an arrow zone as wide as the box is high (JUCE's fixed 30 px
    // arrow zone leaves a narrow box no room for its text).
    juce::Font getComboBoxFont(juce::ComboBox&) override;
    void positionComboBoxText(juce::ComboBox&, juce::Label&) override;
    void drawComboBox(juce::Graphics&, int width, int height, bool down, int bx, int by, int bw, int bh, juce::ComboBox&) override;
    juce::Font getTextButtonFont(juce::TextButton&, int buttonHeight) override;
    static int comboArrowWidth(int height) { return juce::jlimit(16, 24, height - 4); }
};

// Dense tables (the filter list): 13 px text in labels, value boxes and combo boxes.
class CompactLookAndFeel final : public juce::LookAndFeel_V4 {
public:
    CompactLookAndFeel();
    juce::Font getLabelFont(juce::Label&) override;
    juce::Font getComboBoxFont(juce::ComboBox&) override;
    void positionComboBoxText(juce::ComboBox&, juce::Label&) override;
    void drawComboBox(juce::Graphics&, int width, int height, bool down, int bx, int by, int bw, int bh, juce::ComboBox&) override;
    juce::Font getTextButtonFont(juce::TextButton&, int buttonHeight) override;
};

} // namespace iemeq::ui::theme
