#pragma once
// Log-frequency response graph: measurement, target, EQ and predicted result, with the band above
// 8 kHz shaded because coupler measurements are unreliable there. The EQ's filters are nodes that
// can be dragged (fc, gain), wheeled (Q) or moved with the keyboard; edits are reported upwards.
#include "dsp/curve/FrequencyCurve.h"
#include "dsp/design/Biquad.h"

#include <functional>
#include <juce_gui_basics/juce_gui_basics.h>
#include <vector>

namespace iemeq::ui {

class ResponseGraph final : public juce::Component {
public:
    struct Curves {
        FrequencyCurve measurement, target, eq, corrected;
    };
    ResponseGraph();
    void setCurves(Curves c);
    void setFilters(std::vector<PeqFilter> filters);
    void setSelected(int index);
    int selected() const { return selected_; }

    // A node was edited (index, new filter); `finished` on mouse up / each key press.
    std::function<void(int, const PeqFilter&, bool finished)> onFilterEdited;
    std::function<void(int)> onSelectionChanged;

    void paint(juce::Graphics& g) override;
    void mouseDown(const juce::MouseEvent&) override;
    void mouseDrag(const juce::MouseEvent&) override;
    void mouseUp(const juce::MouseEvent&) override;
    void mouseWheelMove(const juce::MouseEvent&, const juce::MouseWheelDetails&) override;
    bool keyPressed(const juce::KeyPress&) override;

    // Mapping used by paint (public so tests can check pixel positions).
    float xForFrequency(double hz) const;
    float yForDb(double db) const;
    double frequencyForX(float x) const;
    double dbForY(float y) const;

private:
    juce::Rectangle<float> plotArea() const;
    void drawCurve(juce::Graphics& g, const FrequencyCurve& c, juce::Colour colour, float thickness) const;
    void drawLegend(juce::Graphics& g) const;
    int nodeAt(juce::Point<float> p) const;
    void edit(int index, PeqFilter f, bool finished);

    Curves curves_;
    std::vector<PeqFilter> filters_;
    int selected_ = -1, dragging_ = -1;
    double dbMin_ = -18.0, dbMax_ = 18.0;
};

} // namespace iemeq::ui
