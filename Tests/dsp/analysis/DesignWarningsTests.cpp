// designWarnings(): what a user should double-check about a correction. Real data (the FA7's
// L-R difference), synthetic curves that drive the designer into each of its limits, and clean
// cases that must stay silent.
#include "../../TestData.h"

#include "dsp/analysis/DesignWarnings.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/PeqDesign.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace iemeq;
using namespace iemeq::test;

namespace {

const std::vector<double>& grid()
{
    static const std::vector<double> g = makeLogGrid(10.0, 22000.0, 96.0);
    return g;
}

FrequencyCurve flat(double db = 0.0)
{
    FrequencyCurve c;
    c.freq = grid();
    c.db.assign(c.freq.size(), db);
    return c;
}

// `base` plus the analog response of `filters` (an easy way to draw bumps, dips and shelves).
FrequencyCurve shaped(const std::vector<PeqFilter>& filters, double base = 0.0)
{
    FrequencyCurve c = flat(base);
    const FrequencyCurve eq = eqCurve(filters, c.freq, 192000.0);
    for (std::size_t i = 0; i < c.size(); ++i)
        c.db[i] += eq.db[i];
    return c;
}

CorrectionSpec specOf(std::vector<FrequencyCurve> measurement, FrequencyCurve target)
{
    CorrectionSpec s;
    s.measurement = std::move(measurement);
    s.target = std::move(target);
    return s;
}

std::vector<DesignWarning> warningsFor(const CorrectionSpec& spec)
{
    return designWarnings(spec, designCorrection(spec, spec.designRate));
}

std::vector<DesignWarning> ofKind(const std::vector<DesignWarning>& all, DesignWarningKind kind)
{
    std::vector<DesignWarning> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const auto& w) { return w.kind == kind; });
    return out;
}

std::string listed(const std::vector<DesignWarning>& all)
{
    std::string s;
    for (const auto& w : all)
        s += std::string(designWarningKindName(w.kind)) + ": " + w.text + "\n";
    return s;
}

} // namespace

TEST_CASE("warnings: the FA7's channels differ by 12 dB near 4.7 kHz", "[dsp][warnings]")
{
    const std::string dir = dataPath("measurements/antdroid/");
    const CorrectionSpec spec = specOf({ readCurveFile(dir + "FA7 L.txt"), readCurveFile(dir + "FA7 R.txt") },
                                       readCurveFile(dataPath("targets/HarutoHiroki_PublicGraphTool/Harman IE 2019v2 Target.txt")));
    const auto all = warningsFor(spec);
    INFO(listed(all));
    const auto imbalance = ofKind(all, DesignWarningKind::ChannelImbalance);
    REQUIRE(imbalance.size() == 1);
    const DesignWarning& w = imbalance.front();
    CHECK(w.hz == Approx(4726.0).margin(150.0));  // measured: 4726 Hz
    CHECK(w.db == Approx(12.1).margin(0.3));      // measured: |L-R| 12.1 dB (R louder)
    CHECK(w.limit == warnings::kImbalanceDb);
    CHECK(w.channel == -1);
    // The same line `iemeq info` prints (ChannelPair.h), without its "warning: ".
    CHECK(w.text.rfind("channel imbalance: L-R is -12.1 dB at 47", 0) == 0);
    CHECK(w.text.find("try separate channels") != std::string::npos);
    // The same measurement with L and R the same: no imbalance.
    const CorrectionSpec same = specOf({ spec.measurement[0], spec.measurement[0] }, spec.target);
    CHECK(ofKind(warningsFor(same), DesignWarningKind::ChannelImbalance).empty());
}

TEST_CASE("warnings: a clean correction has none", "[dsp][warnings]")
{
    // Gentle, broad deviations well within every limit, L and R 2 dB apart (under 3 dB).
    const FrequencyCurve l = shaped({ { FilterType::Peaking, 1000.0, 2.0, 1.0 }, { FilterType::Peaking, 150.0, -2.0, 0.8 } });
    const FrequencyCurve r = shaped({ { FilterType::Peaking, 1000.0, 4.0, 1.0 }, { FilterType::Peaking, 150.0, -2.0, 0.8 } });
    const auto all = warningsFor(specOf({ l, r }, flat()));
    INFO(listed(all));
    CHECK(all.empty());
    CorrectionSpec separate = specOf({ l, r }, flat());
    separate.channels = ChannelMode::Separate;
    CHECK(warningsFor(separate).empty());
}

TEST_CASE("warnings: a filter at its largest cut, and the boost at --max-boost", "[dsp][warnings]")
{
    // +8 dB broad peak at 2 kHz, two free peaks limited to +-3 dB: both cut it at the limit.
    // (With more filters the designer spreads a large cut over several, e.g. three of -6.1 dB
    // for a +20 dB peak, so no single one is at the +-12 dB default.)
    CorrectionSpec stacked = specOf({ shaped({ { FilterType::Peaking, 2000.0, 8.0, 1.0 } }) }, flat());
    stacked.peq.layout = PeqLayout::Free;
    stacked.peq.numFilters = 2;
    stacked.peq.freeShelves = false;
    stacked.peq.maxGainDb = 3.0;
    const auto peak = warningsFor(stacked);
    INFO(listed(peak));
    const auto gain = ofKind(peak, DesignWarningKind::FilterGainAtLimit);
    REQUIRE(gain.size() == 2);
    for (const auto& w : gain) {
        CHECK(w.db == Approx(-3.0).margin(1e-9));
        CHECK(w.limit == -3.0);
        CHECK(w.filter >= 0);
        CHECK(w.hz == Approx(2000.0).margin(400.0));
        CHECK(w.text.find("deepest cut -3.0 dB") != std::string::npos);
    }

    // A -10 dB broad dip at 500 Hz: the EQ may boost at most --max-boost.
    for (double maxBoost : { 6.0, 3.0 }) {
        CorrectionSpec spec = specOf({ shaped({ { FilterType::Peaking, 500.0, -10.0, 0.7 } }) }, flat());
        spec.peq.maxBoostDb = maxBoost;
        const auto all = warningsFor(spec);
        INFO(listed(all));
        const auto boost = ofKind(all, DesignWarningKind::BoostAtLimit);
        REQUIRE(boost.size() == 1);
        CHECK(boost.front().db == Approx(maxBoost).margin(0.1));
        CHECK(boost.front().db <= maxBoost + 1e-6);
        CHECK(boost.front().hz == Approx(500.0).margin(150.0));
        CHECK(boost.front().limit == maxBoost);
    }
}

TEST_CASE("warnings: Q and fc at the ends of their ranges", "[dsp][warnings]")
{
    // A 6 dB peak of Q 12 at 1 kHz: cutting it wants a Q above maxQ (6).
    const auto narrow = warningsFor(specOf({ shaped({ { FilterType::Peaking, 1000.0, 6.0, 12.0 } }) }, flat()));
    INFO(listed(narrow));
    const auto q = ofKind(narrow, DesignWarningKind::FilterQAtLimit);
    REQUIRE(!q.empty());
    CHECK(q.front().limit == 6.0);
    CHECK(q.front().hz == Approx(1000.0).margin(50.0));
    CHECK(q.front().text.find("narrowest Q 6.00") != std::string::npos);

    // A broad 8 dB bump at 5 kHz with the fit band ending at 3 kHz (--treble fit, two free
    // peaks): the cut wants to sit above the band, so a peak ends at its top.
    CorrectionSpec band = specOf({ shaped({ { FilterType::Peaking, 5000.0, 8.0, 1.0 } }) }, flat());
    band.peq.layout = PeqLayout::Free;
    band.peq.numFilters = 2;
    band.peq.freeShelves = false;
    band.peq.treble = TreblePolicy::Fit;
    band.peq.fitHiHz = 3000.0;
    const auto edge = warningsFor(band);
    INFO(listed(edge));
    const auto fc = ofKind(edge, DesignWarningKind::FilterFcAtLimit);
    REQUIRE(!fc.empty());
    CHECK(fc.front().hz == Approx(3000.0).margin(1.0));
    CHECK(fc.front().db < -6.0);  // measured: -11.8 dB
    CHECK(fc.front().text.find("highest frequency 3.0 kHz") != std::string::npos);
    CHECK(fc.front().limit == 3000.0);
}

TEST_CASE("warnings: a boost above 8 kHz, where couplers are unreliable", "[dsp][warnings]")
{
    // The measurement 8 dB low above ~9 kHz: even the smooth policy raises the broad level there.
    const FrequencyCurve dark = shaped({ { FilterType::HighShelf, 9000.0, -8.0, 0.7 } });
    const auto all = warningsFor(specOf({ dark }, flat()));
    INFO(listed(all));
    const auto treble = ofKind(all, DesignWarningKind::TrebleBoost);
    REQUIRE(treble.size() == 1);
    CHECK(treble.front().hz > warnings::kTrebleHz);
    CHECK(treble.front().db > warnings::kTrebleBoostDb);
    CHECK(treble.front().db <= 6.0 + 1e-6);  // never beyond --max-boost
    CHECK(treble.front().text.find("above 8.0 kHz") != std::string::npos);
    // With the treble left alone (off) nothing is boosted there.
    CorrectionSpec off = specOf({ dark }, flat());
    off.peq.treble = TreblePolicy::Off;
    CHECK(ofKind(warningsFor(off), DesignWarningKind::TrebleBoost).empty());
}

TEST_CASE("warnings: filters given by hand are not 'held at a limit'", "[dsp][warnings]")
{
    CorrectionSpec spec = specOf({ flat() }, flat());
    spec.manualFilters = { { { FilterType::Peaking, 1000.0, -12.0, 6.0 } } };
    const auto all = warningsFor(spec);
    INFO(listed(all));
    CHECK(ofKind(all, DesignWarningKind::FilterGainAtLimit).empty());
    CHECK(ofKind(all, DesignWarningKind::FilterQAtLimit).empty());
}
