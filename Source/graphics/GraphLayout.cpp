#include "GraphLayout.h"

#include "dsp/core/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace iemeq::graphics {

double GraphLayout::xForHz(double hz) const
{
    return left + (right - left) * std::log(hz / fMinHz) / std::log(fMaxHz / fMinHz);
}

double GraphLayout::hzForX(double x) const
{
    return fMinHz * std::pow(fMaxHz / fMinHz, (x - left) / (right - left));
}

double GraphLayout::yForDb(double db) const
{
    return top + (bottom - top) * (dbMax - db) / (dbMax - dbMin);
}

std::string hzTickLabel(double hz)
{
    char buf[32];
    if (hz >= 1000.0)
        std::snprintf(buf, sizeof buf, "%gk", hz / 1000.0);
    else
        std::snprintf(buf, sizeof buf, "%g", hz);
    return buf;
}

// Data range up to 12 kHz (the steep roll-off of the top octave would otherwise squash the
// audible range; it runs off the bottom as on review sites), rounded out to 5 dB with a 2 dB
// margin and at least 30 dB tall, so a flat curve does not fill the graph with small wiggles.
static constexpr double kAutoRangeTopHz = 12000.0;

static void autoRange(const GraphSpec& spec, double& lo, double& hi)
{
    double mn = 1e300, mx = -1e300;
    for (const auto& s : spec.series)
        for (std::size_t i = 0; i < s.curve.size(); ++i)
            if (s.curve.freq[i] >= spec.fMinHz && s.curve.freq[i] <= std::min(spec.fMaxHz, kAutoRangeTopHz)) {
                mn = std::min(mn, s.curve.db[i]);
                mx = std::max(mx, s.curve.db[i]);
            }
    if (mn > mx)
        mn = mx = 0.0;
    lo = std::floor((mn - 2.0) / 5.0) * 5.0;
    hi = std::ceil((mx + 2.0) / 5.0) * 5.0;
    while (hi - lo < 30.0) {
        hi += 5.0;
        if (hi - lo < 30.0)
            lo -= 5.0;
    }
}

GraphLayout layoutGraph(const GraphSpec& spec)
{
    if (spec.width < 200 || spec.height < 120)
        throw Error("graph: " + std::to_string(spec.width) + "x" + std::to_string(spec.height) + " is too small (at least 200x120)");
    if (!(spec.fMinHz > 0.0 && spec.fMaxHz > spec.fMinHz))
        throw Error("graph: the frequency range must be increasing and positive");
    GraphLayout l;
    // Room for the title above, tick labels and axis names left and below (sized for 1200x600).
    l.left = 72;
    l.right = spec.width - 24;
    l.top = spec.subtitle.empty() ? 52 : 70;
    l.bottom = spec.height - 56;
    l.fMinHz = spec.fMinHz;
    l.fMaxHz = spec.fMaxHz;
    if (spec.dbMax > spec.dbMin) {
        l.dbMin = spec.dbMin;
        l.dbMax = spec.dbMax;
    } else {
        autoRange(spec, l.dbMin, l.dbMax);
    }

    // 1-2-5 labels per decade, minor lines at every integer multiple.
    for (double decade = std::pow(10.0, std::floor(std::log10(spec.fMinHz))); decade < spec.fMaxHz; decade *= 10.0)
        for (int m = 1; m <= 9; ++m) {
            const double f = decade * m;
            if (f < spec.fMinHz * 0.9999 || f > spec.fMaxHz * 1.0001)
                continue;
            const bool labelled = (m == 1 || m == 2 || m == 5);
            l.xTicks.push_back({ f, labelled ? hzTickLabel(f) : "", m == 1 });
        }
    const double step = (l.dbMax - l.dbMin) > 60.0 ? 10.0 : 5.0;
    for (double v = std::ceil(l.dbMin / step) * step; v <= l.dbMax + 1e-9; v += step) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%+g", v == 0.0 ? 0.0 : v);
        l.yTicks.push_back({ v, v == 0.0 ? "0" : buf, v == 0.0 });
    }

    // Legend: bottom-left inside the plot, where normalised IEM curves rarely go.
    std::size_t longest = 0;
    for (const auto& sr : spec.series)
        longest = std::max(longest, sr.label.size());
    l.legendRowHeight = 22;
    l.legendW = 56 + kLegendCharWidth * static_cast<double>(longest);
    l.legendH = 12 + l.legendRowHeight * static_cast<double>(spec.series.size());
    l.legendX = l.left + 14;
    l.legendY = l.bottom - 14 - l.legendH;
    return l;
}

} // namespace iemeq::graphics
