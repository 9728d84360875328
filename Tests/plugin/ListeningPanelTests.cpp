// The blind-test panel driven by the keyboard, as a listener would: A, B and X play what they
// say (X the hidden side), nothing is answered without a choice, the score and p-value at the
// end, and the saved results read back as `iemeq report --listening` reads them.
#include "TestData.h"
#include "PluginTestMaterial.h"

#include "dsp/design/PeqDesign.h"
#include "dsp/listening/Binomial.h"
#include "ui/ListeningPanel.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <fstream>
#include <sstream>

using namespace iemeq;
using namespace iemeq::plugin;
using listening::Side;

namespace {

constexpr double kFs = 48000.0;

// Plays 0.25 s of two equal tones and returns their level difference in the last 0.1 s (dB,
// left channel): 0 dB for the original, the EQ's tilt between them for the corrected side. (A
// level alone would not tell the sides apart: the loudness match makes them equally loud.)
double toneBalanceDb(IemeqProcessor& p, double f1, double f2)
{
    static long phase = 0;
    constexpr double twoPi = 2.0 * 3.14159265358979323846;
    juce::AudioBuffer<float> buf(2, 480);
    juce::MidiBuffer midi;
    std::complex<double> x1, x2;
    const int blocks = static_cast<int>(0.25 * kFs / 480), tail = static_cast<int>(0.1 * kFs / 480);
    for (int b = 0; b < blocks; ++b) {
        const long start = phase;
        for (int i = 0; i < 480; ++i, ++phase)
            for (int c = 0; c < 2; ++c)
                buf.setSample(c, i, static_cast<float>(0.2 * std::sin(twoPi * f1 * static_cast<double>(phase) / kFs)
                                                       + 0.2 * std::sin(twoPi * f2 * static_cast<double>(phase) / kFs)));
        p.processBlock(buf, midi);
        if (b >= blocks - tail)
            for (int i = 0; i < 480; ++i) {
                const double t = static_cast<double>(start + i) / kFs, y = buf.getSample(0, i);
                x1 += y * std::polar(1.0, -twoPi * f1 * t);
                x2 += y * std::polar(1.0, -twoPi * f2 * t);
            }
    }
    return 20.0 * std::log10(std::abs(x1) / std::abs(x2));
}

std::string readText(const juce::File& f)
{
    std::ifstream in(f.getFullPathName().toStdString());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("Listening panel: an ABX session by keyboard plays the hidden side, scores and saves", "[plugin][listening][ui]")
{
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    p.prepareToPlay(kFs, 512);
    const auto d = p.latestDesign();
    REQUIRE(d->correction != nullptr);
    // Two tones (whole cycles in 0.1 s) between which the correction tilts the most.
    const auto& filters = d->correction->perChannel[0].filters;
    double f1 = 0.0, f2 = 0.0, tilt = 0.0;
    for (double u : { 60.0, 150.0, 400.0, 1000.0, 2500.0, 6000.0 })
        for (double v : { 60.0, 150.0, 400.0, 1000.0, 2500.0, 6000.0 })
            if (const double t = eqResponseDb(filters, u, kFs) - eqResponseDb(filters, v, kFs); t > tilt)
                tilt = t, f1 = u, f2 = v;
    REQUIRE(tilt > 2.0);

    ui::ListeningPanel panel(p);
    panel.setTest(listening::TestKind::Abx, 4);
    REQUIRE(panel.start(42));
    CHECK(p.comparing());
    CHECK(panel.page() == ui::ListeningPanel::Page::Trial);
    toneBalanceDb(p, f1, f2);
    toneBalanceDb(p, f1, f2);
    toneBalanceDb(p, f1, f2);
    toneBalanceDb(p, f1, f2);
    REQUIRE(p.comparisonSettled());
    const auto* abx = dynamic_cast<const listening::AbxSession*>(panel.session());
    REQUIRE(abx != nullptr);
    for (int t = 0; t < 4; ++t) {
        panel.press('a');
        const double a = toneBalanceDb(p, f1, f2);
        panel.press('B');
        const double b = toneBalanceDb(p, f1, f2);
        panel.press('x');
        const double x = toneBalanceDb(p, f1, f2);
        INFO("trial " << t + 1 << ", " << f1 << " Hz over " << f2 << " Hz: A " << a << " dB, B " << b << " dB, X " << x << " dB, X is " << listening::sideLetter(abx->xIs()));
        CHECK(a == Approx(tilt).margin(0.1));  // A: the correction
        CHECK(b == Approx(0.0).margin(0.1));   // B: the original
        CHECK(x == Approx(abx->xIs() == Side::A ? a : b).margin(0.01));
        // Enter without a choice answers nothing; 1 / 2 choose, Enter confirms. Right on 3 of 4.
        panel.press('\r');
        CHECK(abx->trialNumber() == t + 1);
        const bool right = t != 2;
        panel.press((abx->xIs() == Side::A) == right ? '1' : '2');
        CHECK(abx->trialNumber() == t + 1);
        panel.press('\r');
        if (t < 3)
            CHECK(abx->trialNumber() == t + 2);
    }
    REQUIRE(panel.page() == ui::ListeningPanel::Page::Result);
    CHECK_FALSE(p.comparing());
    const auto results = panel.finishedResults();
    REQUIRE(results.has_value());
    CHECK(results->score == 3);
    CHECK(results->pValue == Approx(listening::binomialTailAtLeast(3, 4)));
    CHECK(results->pValue == Approx(5.0 / 16.0));
    CHECK(results->a.label.rfind("corrected", 0) == 0);
    CHECK(results->b.label == "original");
    CHECK(results->trials[0].switches.size() == 2);  // to B and to X (each trial starts on A)

    const juce::File dir = juce::File::createTempFile("iemeq-panel");
    REQUIRE(dir.createDirectory());
    const juce::String message = panel.saveResults(dir.getChildFile("abx.json"));
    INFO(message);
    REQUIRE(dir.getChildFile("abx.json").existsAsFile());
    REQUIRE(dir.getChildFile("abx.csv").existsAsFile());
    CHECK(listening::resultsFromJson(readText(dir.getChildFile("abx.json")), "abx.json") == *results);
    const juce::String csv(readText(dir.getChildFile("abx.csv")));
    CHECK(juce::StringArray::fromLines(csv.trim()).size() == 1 + 4);
    dir.deleteRecursively();
}
