// Issue 15: iemeq-app is a music player. Its window opens no audio input, so JUCE's
// "Audio input is muted to avoid feedback loop" banner never shows, and neither its Options menu
// nor its audio settings offer MIDI (or audio inputs).
#include "ui/StandaloneAudio.h"

#include <juce_audio_processors/juce_audio_processors.h>
#include <juce_audio_utils/juce_audio_utils.h>
#include <juce_gui_extra/juce_gui_extra.h>

#include <juce_audio_plugin_client/Standalone/juce_StandaloneFilterWindow.h>

#include <catch2/catch.hpp>

namespace {

// Every text a user can read in `c` and below (labels, buttons, combo box items), lower case.
void texts(const juce::Component& c, juce::StringArray& out)
{
    for (auto* child : c.getChildren()) {
        if (!child->isVisible())
            continue;
        if (auto* l = dynamic_cast<const juce::Label*>(child))
            out.add(l->getText().toLowerCase());
        if (auto* b = dynamic_cast<const juce::Button*>(child))
            out.add(b->getButtonText().toLowerCase());
        if (auto* box = dynamic_cast<const juce::ComboBox*>(child))
            for (int i = 0; i < box->getNumItems(); ++i)
                out.add(box->getItemText(i).toLowerCase());
        texts(*child, out);
    }
}

} // namespace

TEST_CASE("Standalone app: no feedback-loop banner, no audio inputs, no MIDI settings", "[plugin][standalone]")
{
    // The holder the app's window creates, with the app's channels (a window itself cannot be
    // put on a bare X server without a window manager; the banner is the window's only when the
    // holder reports a possible feedback loop).
    const auto [ins, outs] = iemeq::ui::standaloneChannelCounts();
    juce::StandalonePluginHolder holder(nullptr, false, {}, nullptr,
                                        { juce::StandalonePluginHolder::PluginInOuts { static_cast<short>(ins), static_cast<short>(outs) } });
    juce::MessageManager::getInstance()->runDispatchLoopUntil(200);

    SECTION("no input is opened, so there is no feedback loop and no banner")
    {
        CHECK(ins == 0);
        CHECK(outs == 2);
        CHECK(!holder.getProcessorHasPotentialFeedbackLoop());
        if (auto* device = holder.deviceManager.getCurrentAudioDevice())
            CHECK(device->getActiveInputChannels().countNumberOfSetBits() == 0);
    }
    SECTION("the Options menu and the audio settings offer no MIDI and no inputs")
    {
        const juce::PopupMenu menu = iemeq::ui::standaloneOptionsMenu();
        int items = 0;
        for (juce::PopupMenu::MenuItemIterator it(menu); it.next();) {
            items += it.getItem().isSeparator ? 0 : 1;
            INFO(it.getItem().text);
            CHECK(!it.getItem().text.containsIgnoreCase("MIDI"));
        }
        CHECK(items >= 1);
        auto settings = iemeq::ui::makeAudioSettingsComponent(holder.deviceManager);
        settings->resized();
        juce::StringArray shown;
        texts(*settings, shown);
        INFO(shown.joinIntoString(" | "));
        CHECK(!shown.isEmpty());
        for (const auto& t : shown) {
            CHECK(!t.contains("midi"));
            CHECK(!t.contains("input"));
        }
    }
}
