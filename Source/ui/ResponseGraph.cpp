#include "ResponseGraph.h"

#include "Theme.h"

#include <cmath>

namespace iemeq::ui {

ResponseGraph::ResponseGraph()
{
    setWantsKeyboardFocus(true);
    setTitle("Frequency response graph");
    setDescription("Measurement, target, EQ and predicted result. Filter nodes: drag to move, wheel for Q; "
                   "keyboard: Tab selects, arrows move, +/- change Q.");
}

void ResponseGraph::setCurves(Curves c)
{
    curves_ = std::move(c);
    // At least +-18 dB; wider, in 6 dB steps, when a curve goes beyond it (a measurement with a
    // deep treble notch or a bass far above the target), up to -48..+36 dB.
    double lo = 0.0, hi = 0.0;
    const auto extend = [&lo, &hi](const FrequencyCurve& fc) {
        for (std::size_t i = 0; i < fc.size(); ++i)
            if (fc.freq[i] >= 20.0 && fc.freq[i] <= 20000.0) {
                lo = std::min(lo, fc.db[i]);
                hi = std::max(hi, fc.db[i]);
            }
    };
    extend(curves_.target);
    for (const auto& t : curves_.traces) {
        extend(t.measurement);
        extend(t.corrected);
    }
    extend(curves_.eq);
    extend(curves_.eqWithPreamp);
    dbMin_ = std::max(-48.0, std::min(-18.0, 6.0 * std::floor((lo - 1.0) / 6.0)));
    dbMax_ = std::min(36.0, std::max(18.0, 6.0 * std::ceil((hi + 1.0) / 6.0)));
    repaint();
}

void ResponseGraph::setTreblePolicy(TreblePolicy policy)
{
    treble_ = policy;
    repaint();
}

juce::String ResponseGraph::trebleNote() const
{
    switch (treble_) {
    case TreblePolicy::Fit: return "above 8 kHz: fitted (couplers are less reliable there)";
    case TreblePolicy::Off: return "above 8 kHz: not corrected";
    case TreblePolicy::Smooth: break;
    }
    return "above 8 kHz: broad level only";
}

double ResponseGraph::dbStep() const
{
    double step = 6.0;
    const auto a = plotArea();
    while (step < 48.0 && a.getHeight() * step / (dbMax_ - dbMin_) < 20.0)
        step *= 2.0;
    return step;
}

namespace {
juce::Font axisFont() { return juce::Font(12.0f); }
juce::Font noteFont() { return juce::Font(12.0f); }
} // namespace

std::vector<ResponseGraph::TextItem> ResponseGraph::textItems() const
{
    std::vector<TextItem> items;
    const auto a = plotArea();
    const auto bounds = getLocalBounds().toFloat();
    for (double f : { 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0 }) {
        const juce::String label = f >= 1000 ? juce::String(f / 1000, 0) + "k" : juce::String(f, 0);
        const float w = std::ceil(axisFont().getStringWidthFloat(label)) + 4.0f;
        auto r = juce::Rectangle<float>(xForFrequency(f) - w / 2, a.getBottom() + 4, w, 16);
        r.setX(juce::jlimit(bounds.getX(), bounds.getRight() - w, r.getX()));
        items.push_back({ label, axisFont(), r });
    }
    const double step = dbStep();
    for (double db = std::ceil(dbMin_ / step) * step; db <= dbMax_ + 1e-9; db += step) {
        const juce::String label = (db > 0 ? "+" : "") + juce::String(db, 0) + (db + step > dbMax_ + 1e-9 ? " dB" : "");
        const float y = juce::jlimit(8.0f, bounds.getBottom() - 8.0f, yForDb(db));
        items.push_back({ label, axisFont(), juce::Rectangle<float>(0, y - 8, a.getX() - 10, 16) });
    }
    // The treble note in the strip above the plot, right-aligned to the shaded band's right edge.
    const juce::String note = trebleNote();
    const float w = std::ceil(noteFont().getStringWidthFloat(note)) + 4.0f;
    items.push_back({ note, noteFont(), juce::Rectangle<float>(std::max(a.getX(), a.getRight() - w), 2.0f, std::min(w, a.getWidth()), a.getY() - 4.0f) });
    return items;
}

void ResponseGraph::setFilters(std::vector<PeqFilter> filters)
{
    filters_ = std::move(filters);
    if (selected_ >= static_cast<int>(filters_.size()))
        selected_ = -1;
    repaint();
}

void ResponseGraph::setSelected(int index)
{
    selected_ = index;
    repaint();
}

juce::Rectangle<float> ResponseGraph::plotArea() const
{
    return getLocalBounds().toFloat().withTrimmedLeft(50).withTrimmedBottom(24).withTrimmedTop(20).withTrimmedRight(16);
}

float ResponseGraph::xForFrequency(double hz) const
{
    const auto a = plotArea();
    return a.getX() + static_cast<float>(std::log(hz / 20.0) / std::log(1000.0)) * a.getWidth();
}

float ResponseGraph::yForDb(double db) const
{
    const auto a = plotArea();
    return a.getBottom() - static_cast<float>((db - dbMin_) / (dbMax_ - dbMin_)) * a.getHeight();
}

double ResponseGraph::frequencyForX(float x) const
{
    const auto a = plotArea();
    return 20.0 * std::pow(1000.0, (x - a.getX()) / a.getWidth());
}

double ResponseGraph::dbForY(float y) const
{
    const auto a = plotArea();
    return dbMin_ + (a.getBottom() - y) / a.getHeight() * (dbMax_ - dbMin_);
}

void ResponseGraph::drawCurve(juce::Graphics& g, const FrequencyCurve& c, juce::Colour colour, float thickness, bool dashed) const
{
    if (c.empty())
        return;
    juce::Path p;
    bool started = false;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.freq[i] < 20.0 || c.freq[i] > 20000.0)
            continue;
        const float x = xForFrequency(c.freq[i]);
        const float y = yForDb(juce::jlimit(dbMin_ - 3, dbMax_ + 3, c.db[i]));
        if (!started) {
            p.startNewSubPath(x, y);
            started = true;
        } else {
            p.lineTo(x, y);
        }
    }
    g.setColour(colour);
    const juce::PathStrokeType stroke(thickness, juce::PathStrokeType::curved, juce::PathStrokeType::rounded);
    if (dashed) {
        const float pattern[] = { 6.0f, 4.0f };
        juce::Path d;
        stroke.createDashedStroke(d, p, pattern, 2);
        g.fillPath(d);
    } else {
        g.strokePath(p, stroke);
    }
}

juce::Point<float> ResponseGraph::nodePosition(int index) const
{
    const auto& f = filters_[static_cast<std::size_t>(index)];
    const double fc = juce::jlimit(20.0, 20000.0, f.fc);
    const double db = curves_.eq.empty() ? f.gainDb : levelAt(curves_.eq, fc);
    return { xForFrequency(fc), yForDb(juce::jlimit(dbMin_, dbMax_, db)) };
}

void ResponseGraph::drawLegend(juce::Graphics& g) const
{
    std::vector<std::pair<juce::String, juce::Colour>> items;
    const juce::Colour second[] = { theme::measurement.brighter(0.6f), theme::corrected.brighter(0.6f) };
    if (!curves_.target.empty())
        items.push_back({ "Target", theme::target });
    for (std::size_t i = 0; i < curves_.traces.size(); ++i) {
        const auto& t = curves_.traces[i];
        const juce::String suffix = t.label.isEmpty() ? juce::String() : " " + t.label;
        items.push_back({ "Measurement" + suffix, i == 0 ? theme::measurement : second[0] });
        if (!t.corrected.empty())
            items.push_back({ "Predicted" + suffix, i == 0 ? theme::corrected : second[1] });
    }
    if (!curves_.eq.empty()) {
        items.push_back({ curves_.eqLabel, theme::eq });
        items.push_back({ "+ preamp", theme::eq.withAlpha(0.55f) });
    }
    const auto a = plotArea();
    float x = a.getX() + 10.0f, y = a.getY() + 4.0f;
    g.setFont(juce::Font(13.0f));
    for (const auto& [name, colour] : items) {
        const float w = g.getCurrentFont().getStringWidthFloat(name);
        if (x + w + 24.0f > a.getRight()) {  // wrap rather than run off the plot
            x = a.getX() + 10.0f;
            y += 17.0f;
        }
        g.setColour(colour);
        g.fillRoundedRectangle(x, y + 7.0f, 14.0f, 3.0f, 1.5f);
        g.setColour(theme::text.withAlpha(0.9f));
        g.drawText(name, juce::Rectangle<float>(x + 19.0f, y, w + 4.0f, 17.0f), juce::Justification::centredLeft);
        x += w + 36.0f;
    }
}

void ResponseGraph::paint(juce::Graphics& g)
{
    const auto a = plotArea();
    g.setColour(theme::plot);
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 6.0f);
    // Coupler measurements above ~8 kHz do not match the eardrum: shade that band.
    const auto treble = juce::Rectangle<float>::leftTopRightBottom(xForFrequency(8000.0), a.getY(), a.getRight(), a.getBottom());
    g.setColour(juce::Colour(0x14ffffff));
    g.fillRect(treble);
    for (double f : { 20.0, 30.0, 40.0, 50.0, 100.0, 200.0, 300.0, 400.0, 500.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 10000.0, 20000.0 }) {
        const bool major = f == 20 || f == 50 || f == 100 || f == 200 || f == 500 || f == 1000 || f == 2000 || f == 5000
                           || f == 10000 || f == 20000;
        g.setColour(juce::Colour(major ? 0x26ffffff : 0x10ffffff));
        g.drawVerticalLine(juce::roundToInt(xForFrequency(f)), a.getY(), a.getBottom());
    }
    const double step = dbStep();
    for (double db = std::ceil(dbMin_ / 6.0) * 6.0; db <= dbMax_ + 1e-9; db += 6.0) {
        const bool labelled = std::fmod(std::abs(db), step) < 1e-9;
        g.setColour(juce::Colour(db == 0.0 ? 0x50ffffff : labelled ? 0x1cffffff : 0x0effffff));
        g.drawHorizontalLine(juce::roundToInt(yForDb(db)), a.getX(), a.getRight());
    }
    // The band's edge, and what the policy does there (in the strip above the plot).
    g.setColour(juce::Colour(0x30ffffff));
    g.drawVerticalLine(juce::roundToInt(treble.getX()), a.getY() - 4.0f, a.getBottom());
    const auto texts = textItems();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const bool note = i + 1 == texts.size();
        g.setColour(note ? theme::dimText.brighter(0.3f) : theme::dimText);
        g.setFont(texts[i].font);
        g.drawText(texts[i].text, texts[i].area, note ? juce::Justification::centredRight
                                                      : (texts[i].area.getRight() < a.getX() ? juce::Justification::centredRight
                                                                                               : juce::Justification::centred),
                   false);
    }

    // Curves stay inside the plot (never over the axis labels).
    g.saveState();
    g.reduceClipRegion(a.getSmallestIntegerContainer());
    drawCurve(g, curves_.target, theme::target, 2.4f);
    for (std::size_t i = 0; i < curves_.traces.size(); ++i) {
        const auto& t = curves_.traces[i];
        drawCurve(g, t.measurement, i == 0 ? theme::measurement : theme::measurement.brighter(0.6f), 1.6f);
        drawCurve(g, t.corrected, i == 0 ? theme::corrected : theme::corrected.brighter(0.6f), 2.2f);
    }
    drawCurve(g, curves_.eqWithPreamp, theme::eq.withAlpha(0.55f), 1.2f, true);
    drawCurve(g, curves_.eq, theme::eq.withAlpha(0.9f), 1.6f);
    g.restoreState();

    for (std::size_t i = 0; i < filters_.size(); ++i) {
        const auto node = nodePosition(static_cast<int>(i));
        const float x = node.x, y = node.y;
        const bool sel = static_cast<int>(i) == selected_;
        g.setColour(theme::eq.withAlpha(sel ? 1.0f : 0.75f));
        g.fillEllipse(x - 7.5f, y - 7.5f, 15.0f, 15.0f);
        g.setColour(sel ? juce::Colours::white : theme::plot);
        g.drawEllipse(x - 7.5f, y - 7.5f, 15.0f, 15.0f, sel ? 2.0f : 1.2f);
        g.setColour(juce::Colours::white);
        g.setFont(juce::Font(10.5f, juce::Font::bold));
        g.drawText(juce::String(static_cast<int>(i) + 1), juce::Rectangle<float>(x - 8, y - 7, 16, 14), juce::Justification::centred);
    }
    if (selected_ >= 0 && selected_ < static_cast<int>(filters_.size())) {
        const auto& f = filters_[static_cast<std::size_t>(selected_)];
        const juce::String info = juce::String(apoName(f.type)) + "  " + juce::String(f.fc, 0) + " Hz  "
                                  + juce::String(f.gainDb, 1) + " dB  Q " + juce::String(f.q, 2);
        g.setColour(theme::text);
        g.setFont(juce::Font(13.0f));
        g.drawText(info, a.reduced(10).removeFromBottom(18), juce::Justification::bottomLeft);
    }
    drawLegend(g);
    if (hasKeyboardFocus(false)) {
        g.setColour(theme::accent.withAlpha(0.6f));
        g.drawRoundedRectangle(getLocalBounds().toFloat().reduced(0.5f), 6.0f, 1.0f);
    }
}

int ResponseGraph::nodeAt(juce::Point<float> p) const
{
    int best = -1;
    float bestDist = 12.0f;
    for (std::size_t i = 0; i < filters_.size(); ++i) {
        const juce::Point<float> n = nodePosition(static_cast<int>(i));
        if (const float d = n.getDistanceFrom(p); d < bestDist) {
            bestDist = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

void ResponseGraph::edit(int index, PeqFilter f, bool finished)
{
    f.fc = juce::jlimit(20.0, 20000.0, f.fc);
    f.gainDb = juce::jlimit(-24.0, 24.0, f.gainDb);
    f.q = juce::jlimit(0.1, 20.0, f.q);
    filters_[static_cast<std::size_t>(index)] = f;
    repaint();
    if (onFilterEdited)
        onFilterEdited(index, f, finished);
}

void ResponseGraph::mouseDown(const juce::MouseEvent& e)
{
    dragging_ = nodeAt(e.position);
    if (dragging_ >= 0) {
        dragStartGain_ = filters_[static_cast<std::size_t>(dragging_)].gainDb;
        dragStartDb_ = dbForY(e.position.y);
    }
    if (dragging_ != selected_) {
        selected_ = dragging_;
        if (onSelectionChanged)
            onSelectionChanged(selected_);
        repaint();
    }
}

void ResponseGraph::mouseDrag(const juce::MouseEvent& e)
{
    if (dragging_ < 0)
        return;
    PeqFilter f = filters_[static_cast<std::size_t>(dragging_)];
    f.fc = std::round(frequencyForX(e.position.x));
    f.gainDb = std::round((dragStartGain_ + dbForY(e.position.y) - dragStartDb_) * 10.0) / 10.0;
    edit(dragging_, f, false);
}

void ResponseGraph::mouseUp(const juce::MouseEvent&)
{
    if (dragging_ >= 0)
        edit(dragging_, filters_[static_cast<std::size_t>(dragging_)], true);
    dragging_ = -1;
}

void ResponseGraph::mouseWheelMove(const juce::MouseEvent& e, const juce::MouseWheelDetails& w)
{
    const int i = nodeAt(e.position) >= 0 ? nodeAt(e.position) : selected_;
    if (i < 0)
        return;
    PeqFilter f = filters_[static_cast<std::size_t>(i)];
    f.q *= std::pow(1.25, w.deltaY * 4.0);
    edit(i, f, true);
}

bool ResponseGraph::keyPressed(const juce::KeyPress& k)
{
    const int n = static_cast<int>(filters_.size());
    if (n == 0)
        return false;
    if (k.getKeyCode() == juce::KeyPress::tabKey && !k.getModifiers().isShiftDown() && selected_ < n - 1) {
        setSelected(selected_ + 1);
    } else if (k.getKeyCode() == juce::KeyPress::tabKey && k.getModifiers().isShiftDown() && selected_ > 0) {
        setSelected(selected_ - 1);
    } else if (selected_ >= 0) {
        PeqFilter f = filters_[static_cast<std::size_t>(selected_)];
        const double fine = k.getModifiers().isShiftDown() ? 0.2 : 1.0;
        if (k.getKeyCode() == juce::KeyPress::leftKey) f.fc /= std::pow(2.0, fine / 12.0);
        else if (k.getKeyCode() == juce::KeyPress::rightKey) f.fc *= std::pow(2.0, fine / 12.0);
        else if (k.getKeyCode() == juce::KeyPress::upKey) f.gainDb += 0.5 * fine;
        else if (k.getKeyCode() == juce::KeyPress::downKey) f.gainDb -= 0.5 * fine;
        else if (k.getTextCharacter() == '+') f.q *= 1.1;
        else if (k.getTextCharacter() == '-') f.q /= 1.1;
        else return false;
        edit(selected_, f, true);
        return true;
    } else {
        return false;
    }
    if (onSelectionChanged)
        onSelectionChanged(selected_);
    return true;
}

} // namespace iemeq::ui
