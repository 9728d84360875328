// The error numbers design, batch and demo print: RMS 20 Hz-6 kHz (where couplers are reliable)
// and the 1-octave treble level 6-16 kHz, checked on curves whose answer is known.
#include "../../TestData.h"

#include "dsp/analysis/CorrectionErrors.h"
#include "dsp/correction/DesignCorrection.h"
#include "dsp/analysis/Metrics.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace iemeq;
using namespace iemeq::test;

namespace {
FrequencyCurve stepAt(double hz, double db)
{
    FrequencyCurve c;
    c.freq = makeLogGrid(20.0, 20000.0, 96.0);
    for (double f : c.freq)
        c.db.push_back(f >= hz ? db : 0.0);
    return c;
}
} // namespace

TEST_CASE("correction errors: the treble level is the broad offset above 6 kHz", "[dsp][errors][treble]")
{
    const FrequencyCurve target = stepAt(1.0, 0.0);
    // Flat offsets count for nothing: only the shape against the reliable band's level.
    CHECK(trebleLevelErrorDb(stepAt(1.0, 5.0), target) == Approx(0.0).margin(1e-9));
    // +4 dB from 3 kHz up: the reliable band's mean is 4 * (1 octave of log2(6000/20) octaves)
    // and every 1-octave window centred 6-16 kHz lies above 3 kHz, so the error there is
    // 4 dB minus that mean.
    const double p = 1.0 / std::log2(6000.0 / 20.0);
    CHECK(trebleLevelErrorDb(stepAt(3000.0, 4.0), target) == Approx(4.0 * (1.0 - p)).margin(0.03));
    // A narrow 10 dB spike at 9 kHz (1/12 octave wide) is mostly smoothed away: about 1/12 of it.
    FrequencyCurve spike = target;
    for (std::size_t i = 0; i < spike.size(); ++i)
        if (std::abs(std::log2(spike.freq[i] / 9000.0)) <= 1.0 / 24.0)
            spike.db[i] = 10.0;
    const double spikeError = trebleLevelErrorDb(spike, target);
    CHECK(spikeError < 1.0);
    CHECK(spikeError > 0.3);
    // Above 16 kHz nothing counts; below 6 kHz only through the level.
    CHECK(trebleLevelErrorDb(stepAt(17000.0 * std::pow(2.0, 0.5), 6.0), target) == Approx(0.0).margin(1e-9));
}

TEST_CASE("correction errors: EW200 to Harman 2019, before and after", "[dsp][errors][treble]")
{
    const std::string dir = dataPath("measurements/regancipher/");
    CorrectionSpec spec;
    spec.measurement = { readCurveFile(dir + "Simgot EW200 L.txt"), readCurveFile(dir + "Simgot EW200 R.txt") };
    spec.target = readCurveFile(dataPath("targets/HarutoHiroki_PublicGraphTool/Harman IE 2019v2 Target.txt"));
    const Correction c = designCorrection(spec, spec.designRate);
    const CorrectionErrors e = correctionErrors(c);
    // The reliable band is Metrics.h's RMS over 20 Hz-6 kHz of the measurement and of it + EQ.
    CHECK(e.reliableBeforeDb == Approx(rmsErrorDb(c.perChannel[0].measurement, c.target, 20.0, 6000.0)));
    CHECK(e.reliableBeforeDb == Approx(1.35).margin(0.01));  // measured
    CHECK(e.reliableAfterDb < 0.15);                          // measured 0.07
    CHECK(e.trebleBeforeDb == Approx(1.15).margin(0.01));    // measured
    CHECK(e.trebleAfterDb < e.trebleBeforeDb);                // measured 0.94
    CHECK(formatCorrectionErrors(e).rfind("error 20 Hz-6 kHz: 1.35 -> 0.0", 0) == 0);
    // A correction without curves (filters by hand) has no numbers to show.
    CorrectionSpec manual;
    manual.manualFilters = { { { FilterType::Peaking, 1000.0, -3.0, 1.0 } } };
    const CorrectionErrors none = correctionErrors(designCorrection(manual, 48000.0));
    CHECK(none.reliableBeforeDb == 0.0);
    CHECK(none.trebleAfterDb == 0.0);
}
