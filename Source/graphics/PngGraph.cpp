#include "PngGraph.h"

#include "GraphLayout.h"
#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"

#include <juce_graphics/juce_graphics.h>

#include <mutex>

namespace iemeq::graphics {

namespace {

juce::Colour colourOf(const Rgb& c) { return juce::Colour(c.r, c.g, c.b); }

juce::Font font(double px, bool bold = false)
{
    // DejaVu Sans is what cmake/install-deps.sh installs; JUCE falls back to any sans if missing.
    return juce::Font("DejaVu Sans", static_cast<float>(px), bold ? juce::Font::bold : juce::Font::plain);
}

juce::StringArray splitLines(const std::string& s)
{
    juce::StringArray a;
    a.addTokens(juce::String(s), "\n", "");
    return a;
}

void drawSeries(juce::Graphics& g, const GraphLayout& L, const GraphSpec& spec, const GraphSeries& s)
{
    juce::Path p;
    bool started = false;
    for (std::size_t i = 0; i < s.curve.size(); ++i) {
        if (s.curve.freq[i] < spec.fMinHz || s.curve.freq[i] > spec.fMaxHz)
            continue;
        const auto x = static_cast<float>(L.xForHz(s.curve.freq[i]));
        const auto y = static_cast<float>(L.yForDb(s.curve.db[i]));
        if (!started) p.startNewSubPath(x, y);
        else p.lineTo(x, y);
        started = true;
    }
    if (!started)
        return;
    const juce::PathStrokeType stroke(s.width, juce::PathStrokeType::curved, juce::PathStrokeType::rounded);
    g.setColour(colourOf(s.colour));
    if (s.dashed) {
        const float dashes[] = { 9.0f, 6.0f };
        juce::Path dashed;
        stroke.createDashedStroke(dashed, p, dashes, 2);
        g.fillPath(dashed);
    } else {
        g.strokePath(p, stroke);
    }
}

juce::Image render(const GraphSpec& spec)
{
    const GraphLayout L = layoutGraph(spec);
    juce::Image img(juce::Image::RGB, spec.width, spec.height, true, juce::SoftwareImageType());
    juce::Graphics g(img);
    g.fillAll(juce::Colours::white);
    const auto plot = juce::Rectangle<double>(L.left, L.top, L.right - L.left, L.bottom - L.top).toFloat();

    if (spec.unreliableAboveHz > 0.0 && spec.unreliableAboveHz < spec.fMaxHz) {
        const auto x = static_cast<float>(L.xForHz(spec.unreliableAboveHz));
        g.setColour(juce::Colour(0xfb, 0xe9, 0xd0));
        g.fillRect(juce::Rectangle<float>(x, plot.getY(), plot.getRight() - x, plot.getHeight()));
        g.setColour(juce::Colour(0x8a, 0x6a, 0x3a));
        g.setFont(font(kNoteFontPx));
        const auto noteLines = splitLines(spec.unreliableNote);
        for (int i = 0; i < noteLines.size(); ++i)
            g.drawText(noteLines[i], juce::Rectangle<float>(x, plot.getY() + 6.0f + 15.0f * static_cast<float>(i), plot.getRight() - x - 8.0f, 15.0f),
                       juce::Justification::centredRight, false);
    }
    g.setFont(font(kTickFontPx));
    for (const auto& t : L.xTicks) {
        const auto x = static_cast<float>(L.xForHz(t.value));
        g.setColour(t.major ? juce::Colour(0xb4, 0xb4, 0xb4) : juce::Colour(0xe2, 0xe2, 0xe2));
        g.fillRect(juce::Rectangle<float>(x - 0.5f, plot.getY(), 1.0f, plot.getHeight()));
        if (!t.label.empty()) {
            g.setColour(juce::Colour(0x33, 0x33, 0x33));
            g.drawText(t.label, juce::Rectangle<float>(x - 30.0f, plot.getBottom() + 6.0f, 60.0f, 18.0f), juce::Justification::centred, false);
        }
    }
    for (const auto& t : L.yTicks) {
        const auto y = static_cast<float>(L.yForDb(t.value));
        g.setColour(t.major ? juce::Colour(0x8c, 0x8c, 0x8c) : juce::Colour(0xdc, 0xdc, 0xdc));
        g.fillRect(juce::Rectangle<float>(plot.getX(), y - 0.5f, plot.getWidth(), 1.0f));
        g.setColour(juce::Colour(0x33, 0x33, 0x33));
        g.drawText(t.label, juce::Rectangle<float>(plot.getX() - 58.0f, y - 9.0f, 50.0f, 18.0f), juce::Justification::centredRight, false);
    }
    g.setColour(juce::Colour(0x55, 0x55, 0x55));
    g.drawRect(plot, 1.0f);

    {
        juce::Graphics::ScopedSaveState clip(g);
        g.reduceClipRegion(plot.toNearestInt());
        for (const auto& s : spec.series)
            drawSeries(g, L, spec, s);
    }

    if (!spec.series.empty()) {
        const juce::Rectangle<float> box(static_cast<float>(L.legendX), static_cast<float>(L.legendY), static_cast<float>(L.legendW),
                                         static_cast<float>(L.legendH));
        g.setColour(juce::Colours::white.withAlpha(0.9f));
        g.fillRoundedRectangle(box, 4.0f);
        g.setColour(juce::Colour(0xbb, 0xbb, 0xbb));
        g.drawRoundedRectangle(box, 4.0f, 1.0f);
        g.setFont(font(kLabelFontPx));
        for (std::size_t i = 0; i < spec.series.size(); ++i) {
            const auto& s = spec.series[i];
            const auto y = static_cast<float>(L.legendY + 6 + L.legendRowHeight * (static_cast<double>(i) + 0.5));
            juce::Path sample;
            sample.startNewSubPath(box.getX() + 10.0f, y);
            sample.lineTo(box.getX() + 40.0f, y);
            g.setColour(colourOf(s.colour));
            const juce::PathStrokeType stroke(s.width, juce::PathStrokeType::curved, juce::PathStrokeType::butt);
            if (s.dashed) {
                const float dashes[] = { 9.0f, 6.0f };
                juce::Path d;
                stroke.createDashedStroke(d, sample, dashes, 2);
                g.fillPath(d);
            } else {
                g.strokePath(sample, stroke);
            }
            g.setColour(juce::Colour(0x22, 0x22, 0x22));
            g.drawText(s.label, juce::Rectangle<float>(box.getX() + 48.0f, y - 10.0f, box.getWidth() - 50.0f, 20.0f),
                       juce::Justification::centredLeft, true);
        }
    }

    g.setColour(juce::Colour(0x11, 0x11, 0x11));
    g.setFont(font(kTitleFontPx, true));
    g.drawText(spec.title, juce::Rectangle<float>(plot.getX(), 12.0f, plot.getWidth(), 26.0f), juce::Justification::centredLeft, true);
    if (!spec.subtitle.empty()) {
        g.setColour(juce::Colour(0x55, 0x55, 0x55));
        g.setFont(font(kLabelFontPx));
        g.drawText(spec.subtitle, juce::Rectangle<float>(plot.getX(), 40.0f, plot.getWidth(), 20.0f), juce::Justification::centredLeft, true);
    }
    g.setColour(juce::Colour(0x33, 0x33, 0x33));
    g.setFont(font(kLabelFontPx));
    g.drawText(spec.xAxisName, juce::Rectangle<float>(plot.getX(), plot.getBottom() + 28.0f, plot.getWidth(), 20.0f),
               juce::Justification::centred, false);
    {
        juce::Graphics::ScopedSaveState rotated(g);
        const float cy = plot.getCentreY();
        g.addTransform(juce::AffineTransform::rotation(-juce::MathConstants<float>::halfPi, 20.0f, cy));
        g.drawText(spec.yAxisName, juce::Rectangle<float>(20.0f - 200.0f, cy - 10.0f, 400.0f, 20.0f), juce::Justification::centred, false);
    }
    return img;
}

// JUCE's font cache is a process-wide singleton; one render at a time keeps it simple.
std::mutex& renderMutex()
{
    static std::mutex m;
    return m;
}

} // namespace

std::string graphPng(const GraphSpec& spec)
{
    const std::lock_guard<std::mutex> lock(renderMutex());
    const juce::Image img = render(spec);
    juce::MemoryOutputStream out;
    juce::PNGImageFormat png;
    if (!png.writeImageToStream(img, out))
        throw Error("graph: PNG encoding failed");
    return std::string(static_cast<const char*>(out.getData()), out.getDataSize());
}

void writeGraphPng(const GraphSpec& spec, const std::string& path)
{
    writeFileAtomically(path, graphPng(spec));
}

RgbImage readPng(const std::string& path)
{
    const std::string bytes = readFileBytes(path);
    juce::MemoryInputStream in(bytes.data(), bytes.size(), false);
    juce::PNGImageFormat png;
    if (!png.canUnderstand(in))
        throw Error(path + ": not a PNG file");
    in.setPosition(0);
    const juce::Image img = png.decodeImage(in);
    if (!img.isValid())
        throw Error(path + ": the PNG could not be decoded");
    RgbImage out;
    out.width = img.getWidth();
    out.height = img.getHeight();
    out.pixels.reserve(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    const juce::Image::BitmapData data(img, juce::Image::BitmapData::readOnly);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            const auto c = data.getPixelColour(x, y);
            out.pixels.push_back({ c.getRed(), c.getGreen(), c.getBlue() });
        }
    return out;
}

} // namespace iemeq::graphics
