#include "LibraryBrowser.h"

#include "Theme.h"

#include "dsp/core/Error.h"
#include "dsp/io/CurveReader.h"
#include "dsp/library/Search.h"
#include "library/LibraryConfig.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace iemeq::ui {

namespace fs = std::filesystem;

// One thread for everything that may block on the network or the disk: loading the libraries'
// phone books, searching them, fetching an IEM's files, adding a library. Searches are latest-wins
// (typing replaces a search not yet started); loads and adds run in order. Closing the editor
// cancels a running download (libcurl checks about once a second) and joins the thread.
class LibraryWorker {
public:
    using Job = std::function<void(LibraryWorker&)>;

    LibraryWorker() { thread_ = std::thread([this] { run(); }); }
    ~LibraryWorker()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        cancel_ = true;
        wake_.notify_all();
        thread_.join();
    }

    void postSearch(Job job)
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            search_ = std::move(job);
        }
        wake_.notify_all();
    }
    void postTask(Job job)
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            tasks_.push_back(std::move(job));
        }
        wake_.notify_all();
    }

    // --- worker thread only
    // The configured libraries, re-read when libraries.json changed (so `iemeq library add` in a
    // terminal shows up at the next search). Problems (a broken config, a missing folder) are added.
    std::vector<library::MeasurementLibrary>& libraries(std::vector<std::string>& problems)
    {
        std::error_code ec;
        std::string path;
        try {
            path = library::libraryConfigPath();
        } catch (const std::exception& e) {
            problems.push_back(e.what());
            return libs_;
        }
        const auto stamp = fs::exists(path, ec) ? fs::last_write_time(path, ec) : fs::file_time_type {};
        if (!loaded_ || stamp != configStamp_) {
            loaded_ = true;
            configStamp_ = stamp;
            libs_.clear();
            failed_.clear();
            configProblems_.clear();
            try {
                for (const auto& def : library::loadLibraries()) {
                    try {
                        libs_.emplace_back(def, library::cacheFolder(), limits());
                    } catch (const std::exception& e) {
                        configProblems_.push_back(e.what());
                    }
                }
            } catch (const std::exception& e) {
                configProblems_.push_back(e.what());
            }
        }
        problems.insert(problems.end(), configProblems_.begin(), configProblems_.end());
        return libs_;
    }
    void forgetLibraries() { loaded_ = false; }

    // The phone book of `lib`, or nullptr with the problem; a library that just failed is not
    // tried again at every keystroke (a site that does not answer would hold up each search).
    const library::PhoneBook* phoneBook(library::MeasurementLibrary& lib, std::string& problem)
    {
        const auto now = std::chrono::steady_clock::now();
        const auto it = failed_.find(lib.def().name);
        if (it != failed_.end() && now - it->second.first < std::chrono::seconds(30)) {
            problem = it->second.second;
            return nullptr;
        }
        try {
            const library::PhoneBook& book = lib.phoneBook();
            failed_.erase(lib.def().name);
            return &book;
        } catch (const std::exception& e) {
            problem = e.what();
            failed_[lib.def().name] = { now, problem };
            return nullptr;
        }
    }

    library::HttpLimits limits() const
    {
        library::HttpLimits l;
        l.connectTimeoutS = 10;
        l.stallTimeoutS = 15;
        l.totalTimeoutS = 60;
        l.cancel = &cancel_;
        return l;
    }

private:
    void run()
    {
        for (;;) {
            Job job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wake_.wait(lock, [this] { return stop_ || search_ || !tasks_.empty(); });
                if (stop_)
                    return;
                if (!tasks_.empty()) {
                    job = std::move(tasks_.front());
                    tasks_.pop_front();
                } else {
                    job = std::move(*search_);
                    search_.reset();
                }
            }
            job(*this);
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> search_;
    std::deque<Job> tasks_;
    bool stop_ = false;
    std::atomic<bool> cancel_ { false };
    // The worker thread's own state.
    bool loaded_ = false;
    fs::file_time_type configStamp_ {};
    std::vector<library::MeasurementLibrary> libs_;
    std::vector<std::string> configProblems_;
    std::map<std::string, std::pair<std::chrono::steady_clock::time_point, std::string>> failed_;
    std::thread thread_;  // last: started when everything above exists
};

struct LibraryBrowser::Found {
    std::vector<library::LibraryHit> hits;
    std::vector<std::string> libraries;  // names of the libraries searched
    std::size_t iems = 0;                // entries in all of them
    std::vector<std::string> notes, problems;
    bool noLibraries = false;
};

namespace {

constexpr std::size_t kMaxShown = 200;

juce::String joined(const std::vector<std::string>& lines, const char* separator = "; ")
{
    juce::String s;
    for (const auto& l : lines)
        s << (s.isEmpty() ? "" : separator) << juce::String::fromUTF8(l.c_str());
    return s;
}

} // namespace

LibraryBrowser::LibraryBrowser() : worker_(std::make_shared<LibraryWorker>())
{
    setTitle("Find IEM");
    setWantsKeyboardFocus(true);
    title_.setText("Find IEM in your measurement libraries", juce::dontSendNotification);
    title_.setFont(juce::Font(15.0f, juce::Font::bold));
    title_.setColour(juce::Label::textColourId, theme::text);
    status_.setColour(juce::Label::textColourId, theme::dimText);
    status_.setJustificationType(juce::Justification::topLeft);
    status_.setMinimumHorizontalScale(1.0f);
    variantLabel_.setColour(juce::Label::textColourId, theme::dimText);
    query_.setTextToShowWhenEmpty("Brand or model, e.g. blessing 2", theme::dimText);
    query_.setTitle("Search");
    query_.setTooltip("Case, spaces and punctuation do not matter: \"blessing2\" finds Moondrop Blessing 2");
    query_.onTextChange = [this] { search(query_.getText()); };
    query_.onReturnKey = [this] {
        if (hits_.empty())
            return;
        if (results_.getSelectedRow() < 0)
            results_.selectRow(0);
        load();
    };
    query_.onEscapeKey = [this] {
        if (onClose)
            onClose();
    };
    results_.setRowHeight(24);
    results_.setColour(juce::ListBox::backgroundColourId, theme::plot);
    results_.setTitle("IEMs found");
    variant_.setTitle("Variant");
    variant_.setTooltip("The site's variants of this IEM (nozzles, filters, impedance adapters, samples)");
    load_.setTooltip("Load the IEM's L and R measurement (Enter, or double-click a row)");
    load_.onClick = [this] { load(); };
    add_.setTooltip("Add a squig.link / CrinGraph graph site (its address) or a folder of measurements");
    add_.onClick = [this] { addLibrary(); };
    close_.onClick = [this] {
        if (onClose)
            onClose();
    };
    for (juce::Component* c : std::initializer_list<juce::Component*> { &title_, &status_, &variantLabel_, &query_, &results_, &variant_,
                                                                        &load_, &add_, &close_ })
        addAndMakeVisible(c);
    load_.setEnabled(false);
    variant_.setEnabled(false);
    search({});  // loads the phone books now, so typing finds things at once
}

LibraryBrowser::~LibraryBrowser()
{
    worker_.reset();  // cancels a download in progress and waits for the thread
}

void LibraryBrowser::focusSearch()
{
    query_.grabKeyboardFocus();
    query_.selectAll();
}

void LibraryBrowser::search(const juce::String& text)
{
    if (query_.getText() != text)
        query_.setText(text, false);  // a search asked for from outside shows in the box
    const int id = ++searchId_;
    const std::string query = text.toStdString();
    setStatus(query.empty() ? "Loading the libraries..." : "Searching...", false);
    worker_->postSearch([safe = juce::Component::SafePointer<LibraryBrowser>(this), query, id](LibraryWorker& w) {
        auto found = std::make_shared<Found>();
        auto& libs = w.libraries(found->problems);
        found->noLibraries = libs.empty() && found->problems.empty();
        for (auto& lib : libs) {
            std::string problem;
            const library::PhoneBook* book = w.phoneBook(lib, problem);
            if (!book) {
                found->problems.push_back(problem);
                continue;
            }
            found->libraries.push_back(lib.def().name);
            found->iems += book->phones.size();
            for (const auto i : library::searchPhones(book->phones, query))
                found->hits.push_back({ lib.def().name, book->phones[i] });
            for (const auto& n : lib.notes())
                found->notes.push_back(lib.def().name + ": " + n);
        }
        juce::MessageManager::callAsync([safe, found, id] {
            if (safe != nullptr)
                safe->showFound(*found, id);
        });
    });
}

void LibraryBrowser::showFound(const Found& found, int id)
{
    if (id != searchId_)
        return;  // an older search: a newer one is on its way
    hits_ = found.hits;
    if (hits_.size() > kMaxShown)
        hits_.resize(kMaxShown);
    results_.updateContent();
    results_.deselectAllRows();
    results_.repaint();
    selectedRowsChanged(-1);
    if (!hits_.empty() && !query_.isEmpty())
        results_.selectRow(0);  // the best match, ready for Enter; its variants in the choice below
    juce::String text;
    if (found.noLibraries) {
        text = "No measurement libraries yet. Add a graph site (its address, e.g. https://example.squig.link) or a folder "
               "with \"Add library...\", or in a terminal: iemeq library add NAME URL";
    } else if (query_.isEmpty()) {
        text << juce::String(found.iems) << " IEMs in " << joined(found.libraries, ", ") << ": type a brand or model.";
    } else {
        text << (found.hits.empty() ? juce::String("Nothing found") : juce::String(found.hits.size()) + " found")
             << " among " << juce::String(found.iems) << " IEMs in " << joined(found.libraries, ", ") << ".";
        if (found.hits.size() > kMaxShown)
            text << " Showing the first " << juce::String(kMaxShown) << ".";
    }
    if (!found.notes.empty())
        text << "  " << joined(found.notes);
    if (!found.problems.empty())
        text << "  " << joined(found.problems);
    setStatus(text, !found.problems.empty());
}

int LibraryBrowser::getNumRows() { return static_cast<int>(hits_.size()); }

void LibraryBrowser::paintListBoxItem(int row, juce::Graphics& g, int width, int height, bool selected)
{
    if (row < 0 || row >= getNumRows())
        return;
    const auto& h = hits_[static_cast<std::size_t>(row)];
    if (selected)
        g.fillAll(theme::accent.withAlpha(0.25f));
    auto r = juce::Rectangle<int>(0, 0, width, height).reduced(8, 0);
    juce::String right(h.library);
    if (h.phone.variants.size() > 1)
        right << "  \xc2\xb7  " << juce::String(h.phone.variants.size()) << " variants";
    g.setFont(12.0f);
    g.setColour(theme::dimText);
    const int rightWidth = std::min(r.getWidth() / 2, juce::Font(12.0f).getStringWidth(right) + 8);
    g.drawText(right, r.removeFromRight(rightWidth), juce::Justification::centredRight, true);
    g.setFont(14.0f);
    g.setColour(theme::text);
    g.drawText(juce::String::fromUTF8(h.phone.fullName().c_str()), r, juce::Justification::centredLeft, true);
}

void LibraryBrowser::selectedRowsChanged(int row)
{
    variant_.clear(juce::dontSendNotification);
    const bool valid = row >= 0 && row < getNumRows();
    load_.setEnabled(valid);
    if (!valid) {
        variant_.setEnabled(false);
        return;
    }
    const auto& variants = hits_[static_cast<std::size_t>(row)].phone.variants;
    for (std::size_t v = 0; v < variants.size(); ++v)
        variant_.addItem(juce::String::fromUTF8(variants[v].name.c_str()) + (v == 0 ? "  (default)" : ""), static_cast<int>(v) + 1);
    variant_.setSelectedItemIndex(0, juce::dontSendNotification);
    variant_.setEnabled(variants.size() > 1);
}

void LibraryBrowser::listBoxItemDoubleClicked(int, const juce::MouseEvent&) { load(); }
void LibraryBrowser::returnKeyPressed(int) { load(); }

bool LibraryBrowser::keyPressed(const juce::KeyPress& key)
{
    if (key == juce::KeyPress::escapeKey && onClose) {
        onClose();
        return true;
    }
    return false;
}

void LibraryBrowser::load()
{
    const int row = results_.getSelectedRow();
    if (row < 0 || row >= getNumRows())
        return;
    const library::LibraryHit hit = hits_[static_cast<std::size_t>(row)];
    const std::size_t variant = static_cast<std::size_t>(std::max(0, variant_.getSelectedItemIndex()));
    const juce::String name = juce::String::fromUTF8(hit.phone.fullName().c_str());
    setStatus("Fetching " + name + " from " + juce::String(hit.library) + "...", false);
    load_.setEnabled(false);
    worker_->postTask([safe = juce::Component::SafePointer<LibraryBrowser>(this), hit, variant](LibraryWorker& w) {
        auto loaded = std::make_shared<LoadedIem>();
        std::string error;
        try {
            std::vector<std::string> problems;
            library::MeasurementLibrary* lib = nullptr;
            for (auto& l : w.libraries(problems))
                if (l.def().name == hit.library)
                    lib = &l;
            if (lib == nullptr)
                throw Error(hit.library + ": this library is no longer configured");
            const auto& phones = lib->phoneBook().phones;
            const auto it = std::find(phones.begin(), phones.end(), hit.phone);
            if (it == phones.end())
                throw Error(hit.library + ": " + hit.phone.fullName() + " is no longer in its phone book");
            loaded->files = lib->fetch(library::PhonePick { static_cast<std::size_t>(it - phones.begin()), variant });
            // The same (fuzzed) reader as every other measurement; parsing stays off the message thread.
            for (const auto& p : loaded->files.paths)
                loaded->channels.push_back(readCurveFile(p));
        } catch (const std::exception& e) {
            error = e.what();
        }
        juce::MessageManager::callAsync([safe, loaded, error] {
            if (safe == nullptr)
                return;
            safe->load_.setEnabled(safe->results_.getSelectedRow() >= 0);
            if (!error.empty()) {
                safe->setStatus(juce::String::fromUTF8(error.c_str()), true);
                return;
            }
            juce::String text = "Loaded " + juce::String::fromUTF8(loaded->files.name.c_str()) + " from "
                                + juce::String(loaded->files.origin.library) + ".";
            if (!loaded->files.notes.empty())
                text << "  " << joined(loaded->files.notes);
            safe->setStatus(text, false);
            if (safe->onLoaded)
                safe->onLoaded(*loaded);
        });
    });
}

void LibraryBrowser::addLibrary()
{
    dialog_ = std::make_unique<juce::AlertWindow>("Add a measurement library",
                                                  "A squig.link / CrinGraph graph site (the address you open in the browser), "
                                                  "or a folder of measurement files.",
                                                  juce::MessageBoxIconType::NoIcon, this);
    dialog_->addTextEditor("name", "", "Short name (e.g. the reviewer's):");
    dialog_->addTextEditor("location", "https://", "Site address or folder:");
    dialog_->addButton("Add", 1, juce::KeyPress(juce::KeyPress::returnKey));
    dialog_->addButton("Cancel", 0, juce::KeyPress(juce::KeyPress::escapeKey));
    dialog_->enterModalState(true, juce::ModalCallbackFunction::create([this](int result) {
        const std::string name = dialog_ ? dialog_->getTextEditorContents("name").trim().toStdString() : std::string();
        std::string location = dialog_ ? dialog_->getTextEditorContents("location").trim().toStdString() : std::string();
        if (dialog_ != nullptr)
            dialog_->setVisible(false);
        juce::MessageManager::callAsync([safe = juce::Component::SafePointer<LibraryBrowser>(this)] {
            if (safe != nullptr)
                safe->dialog_.reset();
        });
        if (result != 1)
            return;
        setStatus("Adding " + juce::String(name) + "...", false);
        worker_->postTask([safe = juce::Component::SafePointer<LibraryBrowser>(this), name, location](LibraryWorker& w) mutable {
            juce::String text;
            bool problem = false;
            try {
                library::checkLibraryName(name);
                if (!library::isHttpUrl(location)) {
                    std::error_code ec;
                    if (!fs::is_directory(location, ec))
                        throw Error(location + ": neither an http(s) address nor an existing folder");
                    location = fs::absolute(location, ec).lexically_normal().string();
                }
                auto libraries = library::loadLibraries();
                for (const auto& l : libraries)
                    if (l.name == name)
                        throw Error("a library named '" + name + "' exists (" + l.location + ")");
                library::MeasurementLibrary lib({ name, location }, library::cacheFolder(), w.limits());
                const std::size_t count = lib.phoneBook().phones.size();
                libraries.push_back({ name, location });
                library::saveLibraries(libraries);
                w.forgetLibraries();
                text << "Added " << juce::String(name) << ": " << juce::String(count) << " IEMs.";
            } catch (const std::exception& e) {
                text = juce::String::fromUTF8(e.what());
                problem = true;
            }
            juce::MessageManager::callAsync([safe, text, problem] {
                if (safe == nullptr)
                    return;
                safe->search(safe->query_.getText());
                safe->setStatus(text, problem);
            });
        });
    }));
}

void LibraryBrowser::setStatus(const juce::String& text, bool problem)
{
    status_.setText(text, juce::dontSendNotification);
    status_.setColour(juce::Label::textColourId, problem ? theme::warning : theme::dimText);
}

void LibraryBrowser::paint(juce::Graphics& g)
{
    const auto r = getLocalBounds().toFloat().reduced(0.5f);
    g.setColour(theme::panel);
    g.fillRoundedRectangle(r, 6.0f);
    g.setColour(theme::accent.withAlpha(0.6f));
    g.drawRoundedRectangle(r, 6.0f, 1.0f);
}

void LibraryBrowser::resized()
{
    auto r = getLocalBounds().reduced(10);
    auto top = r.removeFromTop(28);
    close_.setBounds(top.removeFromRight(70));
    top.removeFromRight(6);
    add_.setBounds(top.removeFromRight(110));
    title_.setBounds(top);
    r.removeFromTop(6);
    query_.setBounds(r.removeFromTop(28));
    r.removeFromTop(6);
    status_.setBounds(r.removeFromBottom(40));
    r.removeFromBottom(4);
    auto bottom = r.removeFromBottom(28);
    load_.setBounds(bottom.removeFromRight(90));
    bottom.removeFromRight(8);
    variantLabel_.setBounds(bottom.removeFromLeft(56));
    variant_.setBounds(bottom);
    r.removeFromBottom(6);
    results_.setBounds(r);
}

} // namespace iemeq::ui
