// Issue 12: a graph you can trust, read from the pixels of the editor's own screenshot (the real
// IemeqEditor, EW200 to Harman 2019, rendered by JUCE like iemeq_screenshot does):
//  - where the correction leaves less than 0.1 dB between the corrected response and the target
//    (both levelled as `iemeq report` levels them), the drawn corrected curve lies within 1 px of
//    where the target is drawn;
//  - every filter node is drawn within 1 px of the EQ curve at its frequency, and the EQ curve's
//    own pixels pass through it.
// Expected positions come from the correction's numbers and the graph's public mapping, never
// from what the graph was given.
#include "PluginTestMaterial.h"

#include "dsp/curve/Alignment.h"
#include "dsp/design/PeqDesign.h"
#include "plugin/PluginProcessor.h"
#include "ui/ResponseGraph.h"
#include "ui/Theme.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace iemeq;
using namespace iemeq::plugin;

namespace {

ui::ResponseGraph* findGraph(juce::Component& parent)
{
    for (auto* child : parent.getChildren()) {
        if (auto* g = dynamic_cast<ui::ResponseGraph*>(child))
            return g;
        if (auto* g = findGraph(*child))
            return g;
    }
    return nullptr;
}

// How much of a curve colour a pixel holds, 0..1, from the channel differences that set it
// apart from every other colour on the graph (the grey target, orange measurement, blue EQ,
// neutral grid and text): green for the corrected curve, blue for the EQ.
double greenness(juce::Colour c)
{
    const double d = std::min(int(c.getGreen()) - int(c.getRed()), int(c.getGreen()) - int(c.getBlue()));
    const double full = std::min(int(ui::theme::corrected.getGreen()) - int(ui::theme::corrected.getRed()),
                                 int(ui::theme::corrected.getGreen()) - int(ui::theme::corrected.getBlue()));
    return std::clamp(d / full, 0.0, 1.0);
}

double blueness(juce::Colour c)
{
    const double d = std::min(int(c.getBlue()) - int(c.getRed()), int(c.getBlue()) - int(c.getGreen()));
    const double full = std::min(int(ui::theme::eq.getBlue()) - int(ui::theme::eq.getRed()),
                                 int(ui::theme::eq.getBlue()) - int(ui::theme::eq.getGreen()));
    return std::clamp(d / full, 0.0, 1.0);
}

struct LineHit {
    double y = 0.0;       // weighted centre (pixel centres at row + 0.5)
    double weight = 0.0;  // total colour weight found
};

// The centre of the run of coloured pixels nearest `nearY` in column `x` (rows y0..y1).
template <typename Weight>
LineHit lineInColumn(const juce::Image& img, int x, int y0, int y1, double nearY, Weight weight, double minWeight = 0.15)
{
    LineHit best;
    double bestDistance = 1e9;
    LineHit run;
    double sumY = 0.0;
    auto close = [&] {
        if (run.weight > 0.0) {
            run.y = sumY / run.weight;
            if (std::abs(run.y - nearY) < bestDistance) {
                bestDistance = std::abs(run.y - nearY);
                best = run;
            }
        }
        run = {};
        sumY = 0.0;
    };
    for (int y = std::max(0, y0); y <= std::min(img.getHeight() - 1, y1); ++y) {
        const double w = weight(img.getPixelAt(x, y));
        if (w < minWeight) {
            close();
            continue;
        }
        run.weight += w;
        sumY += w * (y + 0.5);
    }
    close();
    return best;
}

juce::Image snapshot(juce::Component& c)
{
    return c.createComponentSnapshot(c.getLocalBounds(), true, 1.0f);
}

} // namespace

TEST_CASE("Editor screenshot: corrected on the target where the residual is below 0.1 dB, nodes on the EQ curve",
          "[plugin][graph]")
{
    IemeqProcessor p;
    p.setInputs(test::ew200ToHarman());
    p.prepareToPlay(48000.0, 512);
    std::unique_ptr<juce::AudioProcessorEditor> editor(p.createEditor());
    editor->setSize(1180, 740);
    juce::MessageManager::getInstance()->runDispatchLoopUntil(300);
    const auto d = p.latestDesign();
    REQUIRE(d != nullptr);
    REQUIRE(d->correction != nullptr);
    const Correction& c = *d->correction;
    REQUIRE(c.perChannel.size() == 1);
    auto* graph = findGraph(*editor);
    REQUIRE(graph != nullptr);
    REQUIRE(graph->getWidth() > 300);
    const juce::Image shot = snapshot(*editor);
    const juce::Point<int> origin = editor->getLocalPoint(graph, juce::Point<int>());
    const int top = origin.y, bottom = origin.y + graph->getHeight() - 1;

    SECTION("the corrected curve lies on the target where they differ by less than 0.1 dB")
    {
        // Levelled as the report levels them: the target at 0 dB over 300 Hz-3 kHz, the corrected
        // response (measurement + EQ) matched to it there.
        const FrequencyCurve target = normalize(c.target, AlignSpec {});
        const FrequencyCurve corrected = alignTo(add(c.perChannel[0].measurement, c.perChannel[0].eq), target, AlignSpec {});
        // At the editor's size 0.1 dB is more than 1 px (about 12 px per dB at 740 px high), so
        // "within 1 px of the target" is asserted literally where the residual is worth at most
        // half a pixel, and elsewhere below 0.1 dB as: within 1 px of the target plus the
        // residual's own height (i.e. drawn at the corrected level, on the target's scale).
        const double pxPerDb = std::abs(graph->yForDb(1.0) - graph->yForDb(0.0));
        int columns = 0, measured = 0, literal = 0;
        double worst = 0.0, worstHz = 0.0, worstLiteral = 0.0, worstLiteralHz = 0.0;
        const int x0 = static_cast<int>(std::ceil(graph->xForFrequency(20.0))), x1 = static_cast<int>(graph->xForFrequency(20000.0)) - 1;
        for (int x = x0; x <= x1; ++x) {
            const double hz = graph->frequencyForX(static_cast<float>(x) + 0.5f);
            const double t = levelAt(target, hz), residual = levelAt(corrected, hz) - t;
            if (std::abs(residual) >= 0.1 || std::abs(t) > 17.0)
                continue;
            ++columns;
            const double want = origin.y + graph->yForDb(t);
            const LineHit hit = lineInColumn(shot, origin.x + x, static_cast<int>(want) - 8, static_cast<int>(want) + 8, want,
                                             greenness, 0.1);
            if (hit.weight < 1.8)
                continue;  // (partly) covered here by the EQ curve, a node or the legend
            ++measured;
            const double off = std::abs(hit.y - want);
            if (off - std::abs(residual) * pxPerDb > worst) {
                worst = off - std::abs(residual) * pxPerDb;
                worstHz = hz;
            }
            if (std::abs(residual) * pxPerDb <= 0.5) {
                ++literal;
                if (off > worstLiteral) {
                    worstLiteral = off;
                    worstLiteralHz = hz;
                }
            }
        }
        INFO(pxPerDb << " px per dB; " << columns << " columns with |corrected - target| < 0.1 dB, " << measured
                     << " with the corrected curve in full view, " << literal << " of them with a residual below 0.5 px");
        INFO("largest distance beyond the residual " << worst << " px at " << worstHz << " Hz; largest distance where the residual is below 0.5 px "
                                                    << worstLiteral << " px at " << worstLiteralHz << " Hz");
        REQUIRE(columns >= 50);
        CHECK(measured >= 0.8 * columns);
        CHECK(literal >= 0.3 * columns);
        CHECK(worstLiteral <= 1.0);
        CHECK(worst <= 1.0);
    }

    SECTION("every filter node sits on the EQ curve, and the EQ curve's pixels pass through it")
    {
        const std::vector<PeqFilter> filters = c.perChannel[0].filters;
        REQUIRE(filters.size() == 10);
        // The graph alone without nodes, then with one node at a time: what changes is that node.
        graph->setFilters({});
        const juce::Image bare = snapshot(*graph);
        const juce::Image bareEditor = snapshot(*editor);
        for (std::size_t i = 0; i < filters.size(); ++i) {
            const PeqFilter& f = filters[i];
            INFO("filter " << i + 1 << ": " << apoName(f.type) << " " << f.fc << " Hz " << f.gainDb << " dB Q " << f.q);
            graph->setFilters({ f });
            const juce::Image withNode = snapshot(*graph);
            double sx = 0, sy = 0, n = 0;
            for (int y = 0; y < bare.getHeight(); ++y)
                for (int x = 0; x < bare.getWidth(); ++x)
                    if (bare.getPixelAt(x, y) != withNode.getPixelAt(x, y)) {
                        sx += x + 0.5;
                        sy += y + 0.5;
                        ++n;
                    }
            REQUIRE(n > 50);  // a node of 15 px is drawn
            const juce::Point<double> drawn { sx / n, sy / n };
            // Where it belongs: at its frequency, on the EQ (without preamp) its filters realise.
            const double fc = std::clamp(f.fc, 20.0, 20000.0);
            const double eqDb = eqResponseDb(filters, fc, c.fs);
            const juce::Point<double> want { graph->xForFrequency(fc), graph->yForDb(eqDb) };
            INFO("node drawn at " << drawn.x << ", " << drawn.y << "; the EQ (" << eqDb << " dB) there is at " << want.x << ", " << want.y);
            CHECK(std::abs(drawn.x - want.x) <= 1.0);
            CHECK(std::abs(drawn.y - want.y) <= 1.0);
            // The EQ curve as drawn in the editor, in the node's column.
            const int column = origin.x + static_cast<int>(std::floor(drawn.x));
            const LineHit eq = lineInColumn(bareEditor, column, top, bottom, origin.y + drawn.y, blueness);
            INFO("EQ curve pixels centred at " << eq.y - origin.y);
            CHECK(eq.weight > 0.5);
            CHECK(std::abs(eq.y - origin.y - drawn.y) <= 1.0);
        }
        graph->setFilters(filters);
    }
}
