#pragma once
// Walks a component tree as a user would look at it and lists what is wrong with its layout, in
// words (empty = nothing): components outside their parent, overlapping siblings, text that does
// not fit where it is drawn (Label, ComboBox items and placeholder, TextButton, ToggleButton).
// Text widths come from the font each component is drawn with; where JUCE's look-and-feel
// indents the text (buttons), the same indents are taken off.
#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace iemeq::test {

inline std::string describe(const juce::Component& c)
{
    juce::String s = c.getTitle().isNotEmpty() ? c.getTitle() : c.getName();
    if (auto* b = dynamic_cast<const juce::Button*>(&c); b != nullptr && s.isEmpty())
        s = b->getButtonText();
    if (auto* l = dynamic_cast<const juce::Label*>(&c); l != nullptr && s.isEmpty())
        s = "label \"" + l->getText() + "\"";
    if (s.isEmpty() && c.getParentComponent() != nullptr)
        s = "child of " + juce::String(describe(*c.getParentComponent()));
    return (s.isEmpty() ? juce::String(typeid(c).name()) : s).toStdString() + " " + c.getBounds().toString().toStdString();
}

inline bool reallyVisible(const juce::Component& c, const juce::Component& root)
{
    for (const juce::Component* p = &c; p != nullptr; p = p->getParentComponent()) {
        if (p == &root)
            return true;  // the editor itself is shown by its window
        if (!p->isVisible())
            return false;
    }
    return true;
}

// Lines `text` needs in `width` px with `font` (word-wrapped), and the widest line.
inline std::pair<int, float> wrapped(const juce::Font& font, const juce::String& text, float width)
{
    juce::GlyphArrangement ga;
    ga.addJustifiedText(font, text, 0.0f, 0.0f, width, juce::Justification::left);
    const auto box = ga.getBoundingBox(0, -1, true);
    return { juce::roundToInt(box.getHeight() / font.getHeight()), box.getWidth() };
}

// Empty when `text` fits in `area` with `font`: on one line, or word-wrapped when the area is
// tall enough for more lines and the component draws several.
inline std::string textProblem(const juce::String& text, const juce::Font& font, juce::Rectangle<float> area, bool canWrap = true)
{
    if (text.trim().isEmpty())
        return {};
    const float w = font.getStringWidthFloat(text);
    if (w <= area.getWidth() + 0.01f && font.getHeight() <= area.getHeight() + 1.0f)
        return {};
    const int lines = static_cast<int>(area.getHeight() / font.getHeight());
    if (canWrap && lines >= 2 && area.getWidth() > 0.0f) {
        const auto [need, widest] = wrapped(font, text, area.getWidth());
        if (need <= lines && widest <= area.getWidth() + 0.01f)
            return {};
    }
    return "\"" + text.toStdString() + "\" needs " + std::to_string(static_cast<int>(std::ceil(w))) + " px at "
           + std::to_string(font.getHeight()) + " px, has " + std::to_string(static_cast<int>(area.getWidth())) + "x"
           + std::to_string(static_cast<int>(area.getHeight()));
}

inline void textProblems(const juce::Component& c, std::vector<std::string>& out)
{
    const auto add = [&](const std::string& p) {
        if (!p.empty())
            out.push_back("text cut in " + describe(c) + ": " + p);
    };
    auto& lnf = c.getLookAndFeel();
    if (auto* label = dynamic_cast<const juce::Label*>(&c)) {
        if (label->isBeingEdited())
            return;
        const auto area = label->getBorderSize().subtractedFrom(label->getLocalBounds()).toFloat();
        auto& l = const_cast<juce::Label&>(*label);
        // A ComboBox's label is checked with every item below.
        if (dynamic_cast<const juce::ComboBox*>(label->getParentComponent()) == nullptr)
            add(textProblem(label->getText(), lnf.getLabelFont(l), area));
    } else if (auto* box = dynamic_cast<const juce::ComboBox*>(&c)) {
        const juce::Label* boxLabel = nullptr;
        for (auto* child : box->getChildren())
            if (auto* l = dynamic_cast<const juce::Label*>(child))
                boxLabel = l;
        if (boxLabel == nullptr)
            return;
        const auto area = boxLabel->getBorderSize().subtractedFrom(boxLabel->getBounds()).toFloat();
        const auto font = boxLabel->getFont();
        // A menu-like box (it never keeps a choice) shows only its placeholder.
        if (!box->getProperties()["iemeq.menuOnly"])
            for (int i = 0; i < box->getNumItems(); ++i)
                add(textProblem(box->getItemText(i), font, area, false));
        if (box->getSelectedId() == 0)
            add(textProblem(box->getTextWhenNothingSelected(), font, area, false));
    } else if (auto* toggle = dynamic_cast<const juce::ToggleButton*>(&c)) {
        const float size = std::min(15.0f, static_cast<float>(c.getHeight()) * 0.75f);
        const auto area = c.getLocalBounds().withTrimmedLeft(juce::roundToInt(size * 1.1f) + 10).withTrimmedRight(2).toFloat();
        add(textProblem(toggle->getButtonText(), juce::Font(size), area, false));
    } else if (auto* button = dynamic_cast<const juce::TextButton*>(&c)) {
        auto& b = const_cast<juce::TextButton&>(*button);
        const auto font = lnf.getTextButtonFont(b, c.getHeight());
        const int fontHeight = juce::roundToInt(font.getHeight() * 0.6f);
        const int corner = std::min(c.getHeight(), c.getWidth()) / 2;
        const int left = std::min(fontHeight, 2 + corner / (button->isConnectedOnLeft() ? 4 : 2));
        const int right = std::min(fontHeight, 2 + corner / (button->isConnectedOnRight() ? 4 : 2));
        const int y = std::min(4, juce::roundToInt(c.getHeight() * 0.3f));
        const auto area = juce::Rectangle<int>(left, y, c.getWidth() - left - right, c.getHeight() - 2 * y).toFloat();
        add(textProblem(button->getButtonText(), font, area, false));
    }
}

inline void walk(const juce::Component& root, const juce::Component& parent, std::vector<std::string>& out)
{
    // A Viewport's content is larger than its view by design (it scrolls).
    const bool scrolled = parent.getParentComponent() != nullptr && dynamic_cast<const juce::Viewport*>(parent.getParentComponent()) != nullptr;
    std::vector<const juce::Component*> shown;
    for (auto* child : parent.getChildren()) {
        if (!child->isVisible() || child->getWidth() <= 0 || child->getHeight() <= 0)
            continue;
        if (dynamic_cast<const juce::TooltipWindow*>(child) != nullptr)
            continue;
        shown.push_back(child);
        if (!scrolled && !parent.getLocalBounds().contains(child->getBounds()))
            out.push_back(describe(*child) + " lies outside its parent " + describe(parent));
        textProblems(*child, out);
        walk(root, *child, out);
    }
    for (std::size_t i = 0; i < shown.size(); ++i)
        for (std::size_t j = i + 1; j < shown.size(); ++j)
            if (const auto overlap = shown[i]->getBounds().getIntersection(shown[j]->getBounds()); !overlap.isEmpty())
                out.push_back(describe(*shown[i]) + " overlaps " + describe(*shown[j]));
}

inline std::vector<std::string> layoutProblems(const juce::Component& root)
{
    std::vector<std::string> out;
    walk(root, root, out);
    return out;
}

inline void collect(const juce::Component& c, std::vector<const juce::Component*>& all)
{
    for (auto* child : c.getChildren()) {
        all.push_back(child);
        collect(*child, all);
    }
}

// The controls a user needs on every size: named by their title (combo boxes, A/B) or text.
inline std::vector<std::string> missingControls(const juce::Component& root, std::vector<juce::String> extra = {})
{
    std::vector<const juce::Component*> all;
    collect(root, all);
    std::vector<juce::String> wanted { "Correction mode", "Channel mode", "Bundled targets", "Presets", "A/B: correction on or off",
                                       "Load IEM...", "Find IEM...", "Load target...", "Export...", "Blind test...", "Auto preamp",
                                       "Frequency response graph", "Filter table", "Treble policy" };
    for (auto& e : extra)
        wanted.push_back(e);
    std::vector<std::string> missing;
    for (const auto& name : wanted) {
        bool found = false;
        for (auto* c : all) {
            const auto* b = dynamic_cast<const juce::Button*>(c);
            if ((c->getTitle() == name || (b != nullptr && b->getButtonText() == name)) && reallyVisible(*c, root) && c->getWidth() >= 20
                && c->getHeight() >= 16)
                found = true;
        }
        if (!found)
            missing.push_back(name.toStdString());
    }
    int knobs = 0;
    for (auto* c : all)
        if (auto* s = dynamic_cast<const juce::Slider*>(c); s != nullptr && s->getSliderStyle() == juce::Slider::RotaryHorizontalVerticalDrag
                                                             && reallyVisible(*c, root) && c->getWidth() >= 40 && c->getHeight() >= 40)
            ++knobs;
    if (knobs < 6)
        missing.push_back(std::to_string(6 - knobs) + " of the 6 knobs");
    return missing;
}

} // namespace iemeq::test
