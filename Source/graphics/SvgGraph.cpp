#include "SvgGraph.h"

#include "GraphLayout.h"

#include <cstdio>
#include <sstream>

namespace iemeq::graphics {

static std::string esc(const std::string& s)
{
    std::string o;
    for (char c : s) {
        if (c == '&') o += "&amp;";
        else if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else if (c == '"') o += "&quot;";
        else o += c;
    }
    return o;
}

static std::string rgb(const Rgb& c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

static std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

static std::vector<std::string> lines(const std::string& s)
{
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == '\n') out.emplace_back();
        else out.back() += c;
    }
    return out;
}

std::string graphSvg(const GraphSpec& spec)
{
    const GraphLayout L = layoutGraph(spec);
    std::ostringstream o;
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << spec.width << "\" height=\"" << spec.height
      << "\" viewBox=\"0 0 " << spec.width << ' ' << spec.height << "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
    o << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    o << "<defs><clipPath id=\"plot\"><rect x=\"" << num(L.left) << "\" y=\"" << num(L.top) << "\" width=\""
      << num(L.right - L.left) << "\" height=\"" << num(L.bottom - L.top) << "\"/></clipPath></defs>\n";
    if (spec.unreliableAboveHz > 0.0 && spec.unreliableAboveHz < spec.fMaxHz) {
        const double x = L.xForHz(spec.unreliableAboveHz);
        o << "<rect x=\"" << num(x) << "\" y=\"" << num(L.top) << "\" width=\"" << num(L.right - x) << "\" height=\""
          << num(L.bottom - L.top) << "\" fill=\"#fbe9d0\"/>\n";
        const auto noteLines = lines(spec.unreliableNote);
        for (std::size_t i = 0; i < noteLines.size(); ++i)
            o << "<text x=\"" << num(L.right - 8) << "\" y=\"" << num(L.top + 18 + 15 * static_cast<double>(i))
              << "\" font-size=\"" << kNoteFontPx << "\" fill=\"#8a6a3a\" text-anchor=\"end\">" << esc(noteLines[i]) << "</text>\n";
    }
    for (const auto& t : L.xTicks) {
        const double x = L.xForHz(t.value);
        o << "<line x1=\"" << num(x) << "\" y1=\"" << num(L.top) << "\" x2=\"" << num(x) << "\" y2=\"" << num(L.bottom)
          << "\" stroke=\"" << (t.major ? "#b4b4b4" : "#e2e2e2") << "\" stroke-width=\"1\"/>\n";
        if (!t.label.empty())
            o << "<text x=\"" << num(x) << "\" y=\"" << num(L.bottom + 19) << "\" font-size=\"" << kTickFontPx
              << "\" fill=\"#333333\" text-anchor=\"middle\">" << esc(t.label) << "</text>\n";
    }
    for (const auto& t : L.yTicks) {
        const double y = L.yForDb(t.value);
        o << "<line x1=\"" << num(L.left) << "\" y1=\"" << num(y) << "\" x2=\"" << num(L.right) << "\" y2=\"" << num(y)
          << "\" stroke=\"" << (t.major ? "#8c8c8c" : "#dcdcdc") << "\" stroke-width=\"1\"/>\n";
        o << "<text x=\"" << num(L.left - 8) << "\" y=\"" << num(y + 4.5) << "\" font-size=\"" << kTickFontPx
          << "\" fill=\"#333333\" text-anchor=\"end\">" << esc(t.label) << "</text>\n";
    }
    o << "<rect x=\"" << num(L.left) << "\" y=\"" << num(L.top) << "\" width=\"" << num(L.right - L.left)
      << "\" height=\"" << num(L.bottom - L.top) << "\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/>\n";
    o << "<g clip-path=\"url(#plot)\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n";
    for (const auto& s : spec.series) {
        o << "<polyline stroke=\"" << rgb(s.colour) << "\" stroke-width=\"" << num(s.width) << "\""
          << (s.dashed ? " stroke-dasharray=\"9 6\"" : "") << " points=\"";
        for (std::size_t i = 0; i < s.curve.size(); ++i)
            if (s.curve.freq[i] >= spec.fMinHz && s.curve.freq[i] <= spec.fMaxHz)
                o << num(L.xForHz(s.curve.freq[i])) << ',' << num(L.yForDb(s.curve.db[i])) << ' ';
        o << "\"><title>" << esc(s.label) << "</title></polyline>\n";
    }
    o << "</g>\n";
    if (!spec.series.empty()) {
        o << "<rect x=\"" << num(L.legendX) << "\" y=\"" << num(L.legendY) << "\" width=\"" << num(L.legendW)
          << "\" height=\"" << num(L.legendH) << "\" fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbbbbb\" rx=\"4\"/>\n";
        for (std::size_t i = 0; i < spec.series.size(); ++i) {
            const auto& s = spec.series[i];
            const double y = L.legendY + 6 + L.legendRowHeight * (static_cast<double>(i) + 0.5);
            o << "<line x1=\"" << num(L.legendX + 10) << "\" y1=\"" << num(y) << "\" x2=\"" << num(L.legendX + 40)
              << "\" y2=\"" << num(y) << "\" stroke=\"" << rgb(s.colour) << "\" stroke-width=\"" << num(s.width) << "\""
              << (s.dashed ? " stroke-dasharray=\"9 6\"" : "") << "/>\n";
            o << "<text x=\"" << num(L.legendX + 48) << "\" y=\"" << num(y + 5) << "\" font-size=\"" << kLabelFontPx
              << "\" fill=\"#222222\">" << esc(s.label) << "</text>\n";
        }
    }
    o << "<text x=\"" << num(L.left) << "\" y=\"32\" font-size=\"" << kTitleFontPx << "\" font-weight=\"bold\" fill=\"#111111\">"
      << esc(spec.title) << "</text>\n";
    if (!spec.subtitle.empty())
        o << "<text x=\"" << num(L.left) << "\" y=\"54\" font-size=\"" << kLabelFontPx << "\" fill=\"#555555\">"
          << esc(spec.subtitle) << "</text>\n";
    o << "<text x=\"" << num(0.5 * (L.left + L.right)) << "\" y=\"" << num(L.bottom + 42) << "\" font-size=\"" << kLabelFontPx
      << "\" fill=\"#333333\" text-anchor=\"middle\">" << esc(spec.xAxisName) << "</text>\n";
    o << "<text transform=\"translate(20," << num(0.5 * (L.top + L.bottom)) << ") rotate(-90)\" font-size=\"" << kLabelFontPx
      << "\" fill=\"#333333\" text-anchor=\"middle\">" << esc(spec.yAxisName) << "</text>\n";
    o << "</svg>\n";
    return o.str();
}

} // namespace iemeq::graphics
