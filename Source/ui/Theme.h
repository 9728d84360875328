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
};

} // namespace iemeq::ui::theme
