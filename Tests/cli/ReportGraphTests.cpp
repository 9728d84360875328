// The review graph library: layout mapping, and a rendered PNG whose curve sits at the pixels
// the data says (column x(f), row y(level)), checked by decoding the PNG again.
#include "graphics/GraphLayout.h"
#include "graphics/PngGraph.h"
#include "graphics/SvgGraph.h"

#include "dsp/core/Error.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

using namespace iemeq;
using namespace iemeq::graphics;

namespace {

int colourDistance(const Rgb& a, const Rgb& b)
{
    return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

} // namespace

TEST_CASE("graph layout: log-frequency and dB mappings, decade labels", "[report][graph]")
{
    GraphSpec spec;
    spec.dbMin = -20;
    spec.dbMax = 15;
    const GraphLayout L = layoutGraph(spec);
    REQUIRE(L.xForHz(20.0) == Approx(L.left));
    REQUIRE(L.xForHz(20000.0) == Approx(L.right));
    // 200 Hz and 2 kHz are one and two thirds of the way across (three decades).
    REQUIRE(L.xForHz(200.0) == Approx(L.left + (L.right - L.left) / 3.0));
    REQUIRE(L.xForHz(2000.0) == Approx(L.left + 2.0 * (L.right - L.left) / 3.0));
    REQUIRE(L.yForDb(15.0) == Approx(L.top));
    REQUIRE(L.yForDb(-20.0) == Approx(L.bottom));
    std::vector<std::string> labels;
    for (const auto& t : L.xTicks)
        if (!t.label.empty())
            labels.push_back(t.label);
    REQUIRE(labels == std::vector<std::string> { "20", "50", "100", "200", "500", "1k", "2k", "5k", "10k", "20k" });
    REQUIRE(L.yTicks.size() == 8);  // -20, -15, ..., +15
    REQUIRE(L.legendX > L.left);
    REQUIRE(L.legendY + L.legendH < L.bottom);
}

TEST_CASE("graph layout: the automatic range is 5 dB steps, at least 30 dB, ignoring the top-octave roll-off",
          "[report][graph]")
{
    GraphSpec spec;
    spec.series.push_back({ "x", FrequencyCurve { { 20, 1000, 11000, 20000 }, { 7.3, 0.0, -12.1, -40.0 }, "x" }, {}, 2.5f, false });
    const GraphLayout L = layoutGraph(spec);
    // Points up to 12 kHz: 7.3 .. -12.1 (the -40 at 20 kHz is ignored); +-2 dB margin rounded out
    // to 5 dB gives -15..10, 25 dB, widened at the top to 30 dB.
    REQUIRE(L.dbMin == -15.0);
    REQUIRE(L.dbMax == 15.0);
    REQUIRE_THROWS_AS(layoutGraph(GraphSpec { "t", "", "", "", 100, 50 }), Error);
}

TEST_CASE("graph PNG: 1200x600, and a curve is drawn at the pixels its data maps to", "[report][graph]")
{
    GraphSpec spec;
    spec.title = "test";
    spec.subtitle = "sub";
    spec.dbMin = -20;
    spec.dbMax = 15;
    FrequencyCurve c;
    for (double f = 20.0; f <= 20000.0; f *= 1.01) {
        c.freq.push_back(f);
        c.db.push_back(8.0 * std::sin(std::log(f)) - 2.0);  // smooth, crosses the grid lines
    }
    const Rgb colour = palette::iem;
    spec.series.push_back({ "curve", c, colour, 2.5f, false });
    const auto path = (std::filesystem::temp_directory_path() / "iemeq-graph-test.png").string();
    writeGraphPng(spec, path);
    const RgbImage img = readPng(path);
    std::filesystem::remove(path);
    REQUIRE(img.width == 1200);
    REQUIRE(img.height == 600);

    const GraphLayout L = layoutGraph(spec);
    for (double f : { 30.0, 100.0, 440.0, 1000.0, 3000.0, 6000.0, 15000.0 }) {
        const int x = static_cast<int>(std::lround(L.xForHz(f)));
        const double yExpected = L.yForDb(levelAt(c, L.hzForX(x + 0.5)));  // at the column's centre
        // Rows of this column that have the curve's colour (anti-aliased edges excluded).
        double sum = 0.0;
        int n = 0;
        for (int y = static_cast<int>(L.top) + 1; y < static_cast<int>(L.bottom); ++y)
            if (colourDistance(img.at(x, y), colour) < 60) {
                sum += y + 0.5;  // pixel centre
                ++n;
            }
        INFO("f " << f << " Hz: x " << x << ", expected row " << yExpected << ", matching rows " << n);
        REQUIRE(n >= 1);
        REQUIRE(n <= 6);  // a 2.5 px line, not a smear
        REQUIRE(sum / n == Approx(yExpected).margin(1.0));
    }
    // Outside the curve the plot is background: white, grid grey or the shaded band.
    const int x1k = static_cast<int>(std::lround(L.xForHz(1000.0)));
    REQUIRE(colourDistance(img.at(x1k + 3, static_cast<int>(L.yForDb(12.0))), Rgb { 255, 255, 255 }) < 10);
    const int x12k = static_cast<int>(std::lround(L.xForHz(12000.0)));
    REQUIRE(colourDistance(img.at(x12k, static_cast<int>(L.yForDb(12.5))), Rgb { 0xfb, 0xe9, 0xd0 }) < 10);
}

TEST_CASE("graph SVG: same size, every series as a polyline, the shaded band from 8 kHz", "[report][graph]")
{
    GraphSpec spec;
    spec.title = "A & B";
    spec.dbMin = -20;
    spec.dbMax = 15;
    spec.series.push_back({ "target", FrequencyCurve { { 20, 20000 }, { 0, 0 }, "t" }, palette::target, 2.5f, true });
    spec.series.push_back({ "iem", FrequencyCurve { { 20, 1000, 20000 }, { 5, 0, -5 }, "i" }, palette::iem, 2.5f, false });
    const std::string svg = graphSvg(spec);
    REQUIRE(svg.find("width=\"1200\" height=\"600\"") != std::string::npos);
    REQUIRE(svg.find("A &amp; B") != std::string::npos);
    std::size_t polylines = 0;
    for (auto p = svg.find("<polyline"); p != std::string::npos; p = svg.find("<polyline", p + 1))
        ++polylines;
    REQUIRE(polylines == 2);
    const GraphLayout L = layoutGraph(spec);
    char x8k[32];
    std::snprintf(x8k, sizeof x8k, "<rect x=\"%.2f\"", L.xForHz(8000.0));
    REQUIRE(svg.find(x8k) != std::string::npos);
    // The iem's 1 kHz point, exactly where the layout puts it.
    char pt[48];
    std::snprintf(pt, sizeof pt, "%.2f,%.2f", L.xForHz(1000.0), L.yForDb(0.0));
    REQUIRE(svg.find(pt) != std::string::npos);
}
