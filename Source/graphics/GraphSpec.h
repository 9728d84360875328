#pragma once
// What a review graph shows, as plain data (no JUCE): frequency-response curves on a log axis,
// with the region above `unreliableAboveHz` shaded. Both the SVG writer and the PNG renderer
// draw from this and from GraphLayout, so the two files show the same picture.
#include "dsp/curve/FrequencyCurve.h"

#include <cstdint>
#include <string>
#include <vector>

namespace iemeq::graphics {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

struct GraphSeries {
    std::string label;
    FrequencyCurve curve;  // dB, already normalised the way the graph should show it
    Rgb colour;
    float width = 2.5f;    // pixels at 1200x600
    bool dashed = false;
};

struct GraphSpec {
    std::string title, subtitle;
    std::string xAxisName = "Frequency (Hz)", yAxisName = "dB (normalised 300 Hz-3 kHz)";
    int width = 1200, height = 600;
    std::vector<GraphSeries> series;  // drawn in order: later series on top
    double fMinHz = 20.0, fMaxHz = 20000.0;
    // Vertical range; when dbMax <= dbMin it is chosen from the data (5 dB steps, >= 30 dB span).
    double dbMin = 0.0, dbMax = 0.0;
    double unreliableAboveHz = 8000.0;  // 0 disables the shading
    std::string unreliableNote = "less reliable\nabove 8 kHz";  // one text line per newline
};

// The palette reviews are drawn with, picked for contrast on white and for colour-blind viewers.
namespace palette {
inline constexpr Rgb target{ 110, 110, 110 };
inline constexpr Rgb iem{ 31, 119, 180 };        // blue
inline constexpr Rgb corrected{ 214, 39, 40 };   // red
inline constexpr Rgb others[] = { { 255, 127, 14 }, { 44, 160, 44 }, { 148, 103, 189 }, { 140, 86, 75 }, { 227, 119, 194 } };
} // namespace palette

} // namespace iemeq::graphics
