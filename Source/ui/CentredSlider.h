#pragma once
// A knob whose neutral value sits straight up whatever its range: the output gain (-24..+12 dB)
// at 0 dB points to the top with nothing filled, as a centre-detent knob does, instead of two
// thirds of the way round where it looks turned up. Each side of the neutral value is linear.
#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui {

class CentredSlider final : public juce::Slider {
public:
    explicit CentredSlider(double neutral = 0.0) : neutral_(neutral) {}

    double valueToProportionOfLength(double value) override
    {
        const double lo = getMinimum(), hi = getMaximum();
        if (!(lo < neutral_ && neutral_ < hi))
            return juce::Slider::valueToProportionOfLength(value);
        value = juce::jlimit(lo, hi, value);
        return value <= neutral_ ? 0.5 * (value - lo) / (neutral_ - lo) : 0.5 + 0.5 * (value - neutral_) / (hi - neutral_);
    }

    double proportionOfLengthToValue(double proportion) override
    {
        const double lo = getMinimum(), hi = getMaximum();
        if (!(lo < neutral_ && neutral_ < hi))
            return juce::Slider::proportionOfLengthToValue(proportion);
        proportion = juce::jlimit(0.0, 1.0, proportion);
        return proportion <= 0.5 ? lo + proportion / 0.5 * (neutral_ - lo) : neutral_ + (proportion - 0.5) / 0.5 * (hi - neutral_);
    }

private:
    double neutral_;
};

} // namespace iemeq::ui
