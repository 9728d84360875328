#pragma once
// Log-frequency response graph: measurement, target, EQ and predicted result, with the band above
// 8 kHz shaded because coupler measurements are unreliable there.
#include "plugin/DesignTypes.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui {

class ResponseGraph final : public juce::Component {
public:
    struct Curves {
        FrequencyCurve measurement, target, eq, corrected;
    };
    void setCurves(Curves c);
    void paint(juce::Graphics& g) override;

    // Mapping used by paint (public so tests can check pixel positions).
    float xForFrequency(double hz) const;
    float yForDb(double db) const;

private:
    juce::Rectangle<float> plotArea() const;
    void drawCurve(juce::Graphics& g, const FrequencyCurve& c, juce::Colour colour, float thickness) const;
    Curves curves_;
    double dbMin_ = -15.0, dbMax_ = 15.0;
};

} // namespace iemeq::ui
