#pragma once
// What `iemeq report` writes: the Markdown summary and the graphs' contents, from the loaded
// curves and the analysis. JUCE-free (the PNG itself is drawn by graphics/PngGraph).
#include "dsp/analysis/Comparison.h"
#include "dsp/analysis/ReviewAnalysis.h"
#include "dsp/curve/ChannelPair.h"
#include "dsp/design/PeqDesign.h"
#include "dsp/design/TreblePolicy.h"
#include "dsp/listening/ListeningResults.h"
#include "graphics/GraphSpec.h"

#include <optional>
#include <string>
#include <vector>

namespace iemeq::cli {

struct ReviewedIem {
    std::string name;
    std::vector<FrequencyCurve> channels;  // as read (L, R)
    FrequencyCurve curve;                  // dB mean of the channels on the report grid
};

struct ReviewReport {
    ReviewedIem iem;
    std::string targetName;
    FrequencyCurve target;                 // on the report grid
    PeqDesign correction;
    double fs = 48000.0;
    std::string correctionSource;          // e.g. "designed by iemeq (AutoEq layout)" or "preset X.json"
    TreblePolicy treble = TreblePolicy::Smooth;  // how the correction treats the treble (said in the report)
    std::vector<std::string> credits;      // where measurements came from (library entries), one line each
    ReviewAnalysis analysis;
    std::optional<ChannelBalance> balance;  // with two channels
    std::vector<ReviewedIem> others;        // --vs IEMs
    std::vector<IemComparison> comparisons; // iem vs each of others
    std::optional<listening::ListeningResults> listeningTest;  // --listening: a blind test's results
};

// One paragraph for the report: how the correction treats the treble, and why.
std::string trebleHandling(TreblePolicy policy);

// Names of the files written next to the summary.
struct ReportFiles {
    std::string png = "graph.png", svg = "graph.svg", apo = "ParametricEQ.txt";
    std::vector<std::string> comparisonPngs;  // one per --vs IEM
};

std::string reviewMarkdown(const ReviewReport& r, const ReportFiles& files);

// IEM vs target, normalised (target 0 dB over 300 Hz-3 kHz, every IEM level-matched to it),
// the corrected result and any --vs IEMs overlaid.
graphics::GraphSpec reviewGraph(const ReviewReport& r);

// IEM, the other IEM (level-matched) and IEM + the EQ that makes it sound like the other.
graphics::GraphSpec comparisonGraph(const ReviewReport& r, std::size_t index);

// "Simgot EW200" from "Simgot EW200 L" (a trailing L/R channel marker is dropped).
std::string iemNameFromChannel(const std::string& channelName);

} // namespace iemeq::cli
