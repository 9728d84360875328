#pragma once
// Where things go on a review graph: the plot rectangle, the frequency and dB axis mappings,
// grid lines and their labels. Public so tests can check that a rendered curve sits where the
// data says it should.
#include "GraphSpec.h"

#include <string>
#include <vector>

namespace iemeq::graphics {

struct AxisTick {
    double value;
    std::string label;  // empty for a minor line
    bool major;
};

struct GraphLayout {
    double left = 0, top = 0, right = 0, bottom = 0;  // plot area, pixels
    double fMinHz = 20, fMaxHz = 20000, dbMin = -15, dbMax = 15;
    std::vector<AxisTick> xTicks, yTicks;
    double legendX = 0, legendY = 0, legendW = 0, legendH = 0, legendRowHeight = 22;

    double xForHz(double hz) const;  // log-frequency, clamped to nothing (may fall outside)
    double yForDb(double db) const;
    double hzForX(double x) const;  // inverse of xForHz
};

// Font sizes (pixels) and the width a legend character is given (DejaVu Sans at 14 px averages
// under 7.6 px, so the legend box fits its text in both the PNG and a browser's SVG).
inline constexpr double kTitleFontPx = 20, kLabelFontPx = 14, kTickFontPx = 13, kNoteFontPx = 12;
inline constexpr double kLegendCharWidth = 7.6;

GraphLayout layoutGraph(const GraphSpec& spec);

// "20", "500", "1k", "20k".
std::string hzTickLabel(double hz);

} // namespace iemeq::graphics
