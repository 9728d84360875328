#include "NameDialog.h"

#include "Theme.h"

namespace iemeq::ui {

NameDialog::NameDialog(const juce::String& title, const juce::String& prompt, const juce::String& initial)
{
    setTitle(title);
    setWantsKeyboardFocus(true);
    title_.setText(title, juce::dontSendNotification);
    title_.setFont(juce::Font(16.0f, juce::Font::bold));
    prompt_.setText(prompt, juce::dontSendNotification);
    prompt_.setColour(juce::Label::textColourId, theme::dimText);
    editor_.setText(initial, false);
    editor_.setTitle(prompt);
    editor_.selectAll();
    editor_.onReturnKey = [this] { exitModalState(1); };
    editor_.onEscapeKey = [this] { exitModalState(0); };
    ok_.onClick = [this] { exitModalState(1); };
    cancel_.onClick = [this] { exitModalState(0); };
    for (juce::Component* c : std::initializer_list<juce::Component*> { &title_, &prompt_, &editor_, &ok_, &cancel_ })
        addAndMakeVisible(c);
    setSize(380, 150);
}

void NameDialog::paint(juce::Graphics& g)
{
    g.setColour(theme::panel.brighter(0.05f));
    g.fillRoundedRectangle(getLocalBounds().toFloat(), 8.0f);
    g.setColour(theme::accent.withAlpha(0.6f));
    g.drawRoundedRectangle(getLocalBounds().toFloat().reduced(0.5f), 8.0f, 1.0f);
}

void NameDialog::resized()
{
    auto r = getLocalBounds().reduced(14, 10);
    title_.setBounds(r.removeFromTop(24));
    prompt_.setBounds(r.removeFromTop(22));
    editor_.setBounds(r.removeFromTop(28));
    r.removeFromTop(12);
    auto buttons = r.removeFromTop(30);
    cancel_.setBounds(buttons.removeFromRight(90));
    buttons.removeFromRight(8);
    ok_.setBounds(buttons.removeFromRight(90));
}

bool NameDialog::keyPressed(const juce::KeyPress& key)
{
    if (key == juce::KeyPress::escapeKey) {
        exitModalState(0);
        return true;
    }
    if (key == juce::KeyPress::returnKey) {
        exitModalState(1);
        return true;
    }
    return false;
}

} // namespace iemeq::ui
