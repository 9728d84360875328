#pragma once
// Asks for a name (e.g. "Save preset"): a small modal panel inside the editor, not a desktop
// window, so it behaves the same in every host and in the app. OK or Enter confirm, Cancel or
// Esc dismiss; either way the panel closes (exitModalState), and the owner removes it.
#include <juce_gui_basics/juce_gui_basics.h>

namespace iemeq::ui {

class NameDialog final : public juce::Component {
public:
    NameDialog(const juce::String& title, const juce::String& prompt, const juce::String& initial);

    juce::String text() const { return editor_.getText().trim(); }
    juce::TextEditor& editor() { return editor_; }

    void paint(juce::Graphics&) override;
    void resized() override;
    bool keyPressed(const juce::KeyPress&) override;

private:
    juce::Label title_, prompt_;
    juce::TextEditor editor_;
    juce::TextButton ok_ { "OK" }, cancel_ { "Cancel" };
};

} // namespace iemeq::ui
