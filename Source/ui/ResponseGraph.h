#pragma once
// Log-frequency response graph: measurement, target, EQ and predicted result, with the band above
// 8 kHz shaded because coupler measurements are unreliable there, labelled with what the treble
// policy does there. Curves are clipped to the plot; the dB range widens to show every curve. The EQ's filters are nodes that
// can be dragged (fc, gain), wheeled (Q) or moved with the keyboard; edits are reported upwards.
#include "dsp/curve/FrequencyCurve.h"
#include "dsp/design/Biquad.h"
#include "dsp/design/TreblePolicy.h"

#include <functional>
#include <juce_gui_basics/juce_gui_basics.h>
#include <vector>

namespace iemeq::ui {

class ResponseGraph final : public juce::Component {
public:
    // One measured channel (or the L/R mean) and its predicted response after the correction.
    struct Trace {
        juce::String label;  // "L", "R", or empty for one trace
        FrequencyCurve measurement, corrected;
    };
    // Levels as the report draws them (target 0 dB over 300 Hz-3 kHz, the rest matched to it);
    // the EQ as it acts (0 dB = unchanged), without and with the preamp.
    struct Curves {
        FrequencyCurve target;
        std::vector<Trace> traces;
        FrequencyCurve eq, eqWithPreamp;
        juce::String eqLabel = "EQ";
    };
    ResponseGraph();
    void setCurves(Curves c);
    void setFilters(std::vector<PeqFilter> filters);
    void setSelected(int index);
    void setTreblePolicy(TreblePolicy policy);
    // What the shaded band says: "above 8 kHz: broad level only" / "... fitted" / "... not corrected".
    juce::String trebleNote() const;
    double dbMin() const { return dbMin_; }
    double dbMax() const { return dbMax_; }
    juce::Rectangle<float> plotArea() const;
    // Every text paint() draws outside the legend (axis labels, the treble note), for tests.
    struct TextItem {
        juce::String text;
        juce::Font font;
        juce::Rectangle<float> area;
    };
    std::vector<TextItem> textItems() const;
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

    // Where filter i's node is drawn: at its frequency, on the EQ curve (its own gain when there is
    // no curve). Public, like the mapping, so tests can check pixel positions.
    juce::Point<float> nodePosition(int index) const;

    // Mapping used by paint (public so tests can check pixel positions).
    float xForFrequency(double hz) const;
    float yForDb(double db) const;
    double frequencyForX(float x) const;
    double dbForY(float y) const;

private:
    double dbStep() const;  // between labelled grid lines
    void drawCurve(juce::Graphics& g, const FrequencyCurve& c, juce::Colour colour, float thickness, bool dashed = false) const;
    void drawLegend(juce::Graphics& g) const;
    int nodeAt(juce::Point<float> p) const;
    void edit(int index, PeqFilter f, bool finished);

    Curves curves_;
    std::vector<PeqFilter> filters_;
    int selected_ = -1, dragging_ = -1;
    double dragStartGain_ = 0.0, dragStartDb_ = 0.0;  // a drag moves the gain by the pointer's dB change
    double dbMin_ = -18.0, dbMax_ = 18.0;
    TreblePolicy treble_ = TreblePolicy::Smooth;
};

} // namespace iemeq::ui
