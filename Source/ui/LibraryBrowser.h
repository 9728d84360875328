#pragma once
// "Find IEM": one search box over every measurement library the user has added (graph sites
// and folders, `iemeq library add` or "Add library..." here), the IEMs found, a choice of
// variant, and Load. Phone books and measurement files are fetched on a background thread,
// never on the message or audio thread; what comes back (results, loaded curves, failures) is
// shown here, in place. What loading means is the editor's business (onLoaded).
#include "dsp/curve/FrequencyCurve.h"
#include "library/IemSpec.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <vector>

namespace iemeq::ui {

class LibraryWorker;  // the background thread (LibraryBrowser.cpp)

// An IEM fetched and read by the curve reader, ready for the processor.
struct LoadedIem {
    library::IemFiles files;               // paths, name, origin, notes
    std::vector<FrequencyCurve> channels;  // L then R (one when the library has one)
};

class LibraryBrowser final : public juce::Component, private juce::ListBoxModel {
public:
    LibraryBrowser();
    ~LibraryBrowser() override;

    std::function<void(const LoadedIem&)> onLoaded;  // message thread
    std::function<void()> onClose;

    // Searches every library for `text`, shown in the box (typing there does the same).
    void search(const juce::String& text);
    void focusSearch();

    void paint(juce::Graphics&) override;
    void resized() override;
    bool keyPressed(const juce::KeyPress& key) override;

private:
    int getNumRows() override;
    void paintListBoxItem(int row, juce::Graphics&, int width, int height, bool selected) override;
    void selectedRowsChanged(int row) override;
    void listBoxItemDoubleClicked(int row, const juce::MouseEvent&) override;
    void returnKeyPressed(int row) override;

    struct Found;  // what a search gave
    void showFound(const Found& found, int searchId);
    void load();
    void addLibrary();
    void setStatus(const juce::String& text, bool problem);

    std::shared_ptr<LibraryWorker> worker_;
    juce::Label title_, status_, variantLabel_ { {}, "Variant" };
    juce::TextEditor query_;
    juce::ListBox results_ { "IEMs found", this };
    juce::ComboBox variant_;
    juce::TextButton load_ { "Load" }, add_ { "Add library..." }, close_ { "Close" };
    std::vector<library::LibraryHit> hits_;
    int searchId_ = 0;
    std::unique_ptr<juce::AlertWindow> dialog_;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR(LibraryBrowser)
};

} // namespace iemeq::ui
