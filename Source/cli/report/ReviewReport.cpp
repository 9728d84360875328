#include "ReviewReport.h"

#include "dsp/curve/Alignment.h"
#include "dsp/listening/ListeningReport.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace iemeq::cli {

namespace {

std::string fmt(const char* f, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string db(double v) { return fmt("%+.1f dB", std::fabs(v) < 0.05 ? 0.0 : v); }

std::string hz(double f)
{
    return f >= 1000.0 ? fmt("%.1f kHz", f / 1000.0) : fmt("%.0f Hz", f);
}

void filtersTable(std::ostringstream& o, const PeqDesign& d)
{
    o << "Preamp: **" << fmt("%.1f dB", d.preampDb) << "**\n\n";
    o << "| # | type | frequency | gain | Q |\n|---:|---|---:|---:|---:|\n";
    for (std::size_t i = 0; i < d.filters.size(); ++i) {
        const auto& f = d.filters[i];
        o << "| " << i + 1 << " | " << apoName(f.type) << " | " << fmt("%.0f Hz", f.fc) << " | " << fmt("%+.1f dB", f.gainDb)
          << " | " << fmt("%.2f", f.q) << " |\n";
    }
}

void wordsList(std::ostringstream& o, const char* when, const std::vector<TonalWord>& words)
{
    o << when << ": **" << toneSentence(words) << "**\n";
    for (const auto& w : words)
        o << "- *" << w.word << "*: " << w.reason << "\n";
    o << "\n";
}

// The curve level-matched to the reference (300 Hz-3 kHz band mean).
FrequencyCurve matched(FrequencyCurve c, const FrequencyCurve& reference, const std::string& label)
{
    c = alignTo(c, reference, AlignSpec {});
    c.name = label;
    return c;
}

} // namespace

std::string iemNameFromChannel(const std::string& channelName)
{
    std::string s = channelName;
    for (const char* suffix : { " L", " R", " (L)", " (R)", "_L", "_R", " left", " right" }) {
        const std::string x = suffix;
        if (s.size() > x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0)
            return s.substr(0, s.size() - x.size());
    }
    return s;
}

std::string reviewMarkdown(const ReviewReport& r, const ReportFiles& files)
{
    const ReviewAnalysis& a = r.analysis;
    std::ostringstream o;
    o << "# " << r.iem.name << " vs " << r.targetName << "\n\n";
    o << "![" << r.iem.name << " frequency response vs " << r.targetName << "](" << files.png << ")\n\n";
    o << "Graph also as [SVG](" << files.svg << "). Curves are normalised: the target is 0 dB over 300 Hz-3 kHz and every "
         "IEM is level-matched to it there. Above 8 kHz (shaded) a coupler measurement may not match the eardrum, "
         "so treat treble and air numbers with care.\n\n";
    if (!r.credits.empty()) {
        o << "Measurements from:\n\n";
        for (const auto& c : r.credits)
            o << "- " << c << "\n";
        o << "\n";
    }

    o << "## Summary\n\n| | before EQ | after EQ |\n|---|---:|---:|\n";
    o << "| predicted preference (Olive et al. in-ear) | " << fmt("%.1f", a.scoreBefore.score) << " | "
      << fmt("%.1f", a.scoreAfter.score) << " |\n";
    o << "| error 20 Hz-6 kHz, where couplers are reliable (RMS, mean removed) | " << fmt("%.2f dB", a.errors.reliableBeforeDb)
      << " | " << fmt("%.2f dB", a.errors.reliableAfterDb) << " |\n";
    o << "| treble level 6-16 kHz (1-octave, RMS about the level below 6 kHz) | " << fmt("%.2f dB", a.errors.trebleBeforeDb)
      << " | " << fmt("%.2f dB", a.errors.trebleAfterDb) << " |\n";
    o << "| score terms: SD / slope / AE | " << fmt("%.2f", a.scoreBefore.sdDb) << " / " << fmt("%+.3f", a.scoreBefore.slope)
      << " / " << fmt("%.2f", a.scoreBefore.meanAbsDb) << " | " << fmt("%.2f", a.scoreAfter.sdDb) << " / "
      << fmt("%+.3f", a.scoreAfter.slope) << " / " << fmt("%.2f", a.scoreAfter.meanAbsDb) << " |\n\n";

    o << "## Timbre: deviation from the target by band\n\n"
         "dB relative to the target after matching levels over 300 Hz-3 kHz (log-frequency band means).\n\n";
    o << "| band | range | before EQ | after EQ |\n|---|---|---:|---:|\n";
    for (std::size_t b = 0; b < kReviewBandCount; ++b)
        o << "| " << reviewBands()[b].label << " | " << bandRangeText(reviewBands()[b]) << " | " << db(a.before.db[b]) << " | "
          << db(a.after.db[b]) << " |\n";
    o << "| dark-bright balance | mean(upper mids, treble) - mean(sub-bass, bass) | " << db(a.before.balanceDb) << " | "
      << db(a.after.balanceDb) << " |\n";
    o << "\n## Bass and dynamics\n\n| cue | range | before EQ | after EQ |\n|---|---|---:|---:|\n";
    o << "| rumble | 20-60 Hz | " << db(a.before.db[SubBass]) << " | " << db(a.after.db[SubBass]) << " |\n";
    o << "| punch | 100-200 Hz | " << db(a.before.punchDb) << " | " << db(a.after.punchDb) << " |\n";
    o << "| attack (treble energy) | 4-6 kHz | " << db(a.before.attackDb) << " | " << db(a.after.attackDb) << " |\n";
    o << "| largest 1/6-octave peak | 6-8 kHz | " << db(a.before.sibilancePeakDb) << " at " << hz(a.before.sibilancePeakHz)
      << " | " << db(a.after.sibilancePeakDb) << " at " << hz(a.after.sibilancePeakHz) << " |\n\n";

    o << "## Channel balance\n\n";
    if (r.balance) {
        o << "L-R: " << fmt("%+.2f dB", r.balance->meanDb) << " on average over 100 Hz-5 kHz; largest |L-R| "
          << fmt("%.2f dB", r.balance->maxAbsDb) << " at " << hz(r.balance->worstHz) << " (1/6-octave smoothed).";
        o << (r.balance->imbalanced ? "\n\n**" + r.balance->warning + "**\n\n" : " Within 3 dB: no imbalance.\n\n");
    } else {
        o << "One channel given: not measured (give --fr L --fr R).\n\n";
    }

    o << "## Tonality in plain words\n\n";
    wordsList(o, "Before EQ", a.wordsBefore);
    wordsList(o, "After EQ", a.wordsAfter);
    o << "Each word comes from one rule on the numbers above; see *How the words are chosen* below.\n\n";

    o << "## Correction\n\n" << r.correctionSource << ", " << fmt("%.0f Hz", r.fs) << " sample rate; also written as ["
      << files.apo << "](" << files.apo << ") (Equalizer APO).\n\n";
    o << trebleHandling(r.treble) << "\n\n";
    filtersTable(o, r.correction);

    for (std::size_t i = 0; i < r.comparisons.size(); ++i) {
        const IemComparison& c = r.comparisons[i];
        o << "\n## Comparison: " << c.nameA << " vs " << c.nameB << "\n\n";
        if (i < files.comparisonPngs.size())
            o << "![" << c.nameA << " vs " << c.nameB << "](" << files.comparisonPngs[i] << ")\n\n";
        o << "Where they differ most (" << c.nameA << " minus " << c.nameB << ", 1/3-octave smoothed, level-matched 300 Hz-3 kHz):\n\n";
        if (c.largest.empty())
            o << "- nowhere by more than 1 dB between 20 Hz and 10 kHz\n";
        for (const auto& d : c.largest)
            o << "- " << hz(d.loHz) << "-" << hz(d.hiHz) << ": " << c.nameA << " has " << fmt("%.1f dB", std::fabs(d.peakDb))
              << (d.peakDb > 0 ? " more" : " less") << " (peak at " << hz(d.peakHz) << ")\n";
        o << "\n| band | range | " << c.nameA << " minus " << c.nameB << " |\n|---|---|---:|\n";
        for (std::size_t b = 0; b < kReviewBandCount; ++b)
            o << "| " << reviewBands()[b].label << " | " << bandRangeText(reviewBands()[b]) << " | " << db(c.aMinusB.db[b]) << " |\n";
        o << "\nWith " << c.nameB << " as the reference, " << c.nameA << " is: **" << toneSentence(c.words) << "**\n\n";
        o << "### EQ that makes " << c.nameA << " sound like " << c.nameB << "\n\n";
        o << "RMS difference 20 Hz-10 kHz: " << fmt("%.2f dB", c.rmsBeforeDb) << " before, " << fmt("%.2f dB", c.rmsAfterDb)
          << " with this EQ.\n\n";
        filtersTable(o, c.eq);
    }

    if (r.listeningTest)
        o << "\n" << listening::resultsMarkdown(*r.listeningTest);

    o << "\n## How the words are chosen\n\n| word | rule (dB relative to the target) |\n|---|---|\n";
    for (const auto& rule : tonalRules())
        o << "| " << rule.word << " | " << rule.rule << " |\n";
    o << "\nThe preference score is Olive, Welti and Khonsaripour's in-ear model (AES 2018), computed as AutoEq "
         "computes it, so the numbers match the ones AutoEq prints: the error against the target is read at the "
         "model's 1/12-octave R40 frequencies; SD (sample standard deviation) and slope (on ln f) over 20 Hz-10 kHz, "
         "AE = mean |error - error at 500 Hz| over 40 Hz-10 kHz; score = 100.0795 - 8.5 SD - 6.796 |slope| - 3.475 AE.\n";
    return o.str();
}

std::string trebleHandling(TreblePolicy policy)
{
    const std::string why = "IEC-711 couplers reproduce an ear reliably only up to about 6 kHz; above about 8 kHz "
                            "their own resonances, the insertion depth and your ear decide the peaks and notches";
    switch (policy) {
    case TreblePolicy::Smooth:
        return "Treble: **matched in level only** (policy `smooth`). The error is fitted at full resolution up to "
               "6 kHz and fades by 8 kHz to its 1-octave average, so above 8 kHz the EQ matches the broad level and "
               "adds no narrow peaks or notches. Why: " + why + ".";
    case TreblePolicy::Fit:
        return "Treble: **fitted at full resolution** (policy `fit`): narrow treble features of the measurement are "
               "corrected too. Careful: " + why + ", so use this for curves that are not coupler measurements.";
    case TreblePolicy::Off:
        return "Treble: **not corrected** (policy `off`): the EQ fades to 0 dB by 8 kHz. Why: " + why + ".";
    }
    return {};
}

graphics::GraphSpec reviewGraph(const ReviewReport& r)
{
    namespace gp = graphics::palette;
    graphics::GraphSpec g;
    g.title = r.iem.name + " vs " + r.targetName;
    char sub[240];
    std::snprintf(sub, sizeof sub, "Preference score %.1f -> %.1f with EQ   |   error 20 Hz-6 kHz %.2f -> %.2f dB RMS   |   treble level %.2f -> %.2f dB",
                  r.analysis.scoreBefore.score, r.analysis.scoreAfter.score, r.analysis.errors.reliableBeforeDb,
                  r.analysis.errors.reliableAfterDb, r.analysis.errors.trebleBeforeDb, r.analysis.errors.trebleAfterDb);
    g.subtitle = sub;
    FrequencyCurve target = normalize(r.target, AlignSpec {});
    g.series.push_back({ r.targetName + " (target)", target, gp::target, 2.5f, true });
    g.series.push_back({ r.iem.name, matched(r.iem.curve, target, r.iem.name), gp::iem, 2.5f, false });
    for (std::size_t i = 0; i < r.others.size(); ++i) {
        const auto& other = r.others[i];
        g.series.push_back({ other.name, matched(other.curve, target, other.name), gp::others[i % std::size(gp::others)], 2.0f, false });
    }
    g.series.push_back({ r.iem.name + " + EQ", matched(r.analysis.corrected, target, "corrected"), gp::corrected, 2.5f, false });
    return g;
}

graphics::GraphSpec comparisonGraph(const ReviewReport& r, std::size_t index)
{
    namespace gp = graphics::palette;
    const IemComparison& c = r.comparisons.at(index);
    graphics::GraphSpec g;
    g.title = c.nameA + " vs " + c.nameB;
    char sub[160];
    std::snprintf(sub, sizeof sub, "RMS difference %.2f dB -> %.2f dB with the EQ that makes %s sound like %s", c.rmsBeforeDb,
                  c.rmsAfterDb, c.nameA.c_str(), c.nameB.c_str());
    g.subtitle = sub;
    const FrequencyCurve a = normalize(r.iem.curve, AlignSpec {});
    g.series.push_back({ c.nameB, matched(c.bAsTarget, a, c.nameB), gp::others[index % std::size(gp::others)], 2.5f, true });
    g.series.push_back({ c.nameA, a, gp::iem, 2.5f, false });
    g.series.push_back({ c.nameA + " + EQ towards " + c.nameB, matched(add(r.iem.curve, eqCurve(c.eq.filters, r.iem.curve.freq, r.fs)), a, "eq"),
                         gp::corrected, 2.5f, false });
    return g;
}

} // namespace iemeq::cli
