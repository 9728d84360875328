#include "DesignJob.h"

#include "dsp/analysis/Metrics.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/design/PeqDesigner.h"

#include <cmath>

namespace iemeq::plugin {

FrequencyCurve adjustedTarget(const FrequencyCurve& target, const DesignSettings& s)
{
    FrequencyCurve t = target;
    const PeqFilter bass { FilterType::LowShelf, 105.0, s.bassDb, 0.7 };
    const PeqFilter treble { FilterType::HighShelf, 10000.0, s.trebleDb, 0.7 };
    const PeqFilter ear { FilterType::Peaking, 2750.0, s.earGainDb, 1.0 };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double f = t.freq[i];
        t.db[i] += analogMagnitudeDb(bass, f) + analogMagnitudeDb(treble, f) + analogMagnitudeDb(ear, f)
                   + s.tiltDbPerOct * std::log2(f / 1000.0);
    }
    return t;
}

double eqLoudnessDb(const std::vector<PeqFilter>& filters, double preampDb, double fs)
{
    // Log-spaced points weight every octave equally, which is what pink (music-like) spectra do.
    const auto grid = makeLogGrid(50.0, std::min(10000.0, 0.45 * fs), 24.0);
    double power = 0.0;
    for (double f : grid)
        power += std::pow(10.0, (eqResponseDb(filters, f, fs) + preampDb) / 10.0);
    return 10.0 * std::log10(power / static_cast<double>(grid.size()));
}

DesignResult runDesign(const DesignRequest& req)
{
    DesignResult r;
    r.generation = req.generation;
    r.sampleRate = req.sampleRate;
    for (auto& ch : r.sections)
        ch.fill(BiquadCoeffs {});
    if (!req.inputs || req.inputs->empty()) {
        r.message = "Load a measurement and a target to design a correction.";
        return r;
    }
    const auto& in = *req.inputs;
    const auto& s = req.settings;
    const auto grid = makeLogGrid(20.0, 20000.0, 48.0);
    const FrequencyCurve target = resample(adjustedTarget(in.target, s), grid);

    std::vector<FrequencyCurve> toCorrect;
    if (s.separateChannels && in.measurement.size() >= 2)
        for (std::size_t c = 0; c < 2; ++c)
            toCorrect.push_back(resample(in.measurement[c], grid));
    else
        toCorrect.push_back(averageDb(in.measurement, grid));

    PeqSettings ps;
    ps.layout = PeqLayout::AutoEq;
    ps.fs = req.sampleRate;
    double worstBoost = 0.0;
    double before = 0.0, after = 0.0;
    for (const auto& m : toCorrect) {
        // Correct only a fraction of the way: the target moves towards the measurement.
        FrequencyCurve partial = target;
        for (std::size_t i = 0; i < partial.size(); ++i)
            partial.db[i] = m.db[i] + s.amount * (target.db[i] - m.db[i]);
        PeqDesign d = s.amount > 0.0 ? designPeq(m, partial, ps) : PeqDesign {};
        worstBoost = std::min(worstBoost, d.preampDb);
        before += rmsErrorDb(m, target);
        after += rmsErrorDb(add(m, eqCurve(d.filters, grid, ps.fs)), target);
        r.designs.push_back(std::move(d));
    }
    r.residualBeforeDb = before / static_cast<double>(toCorrect.size());
    r.residualAfterDb = after / static_cast<double>(toCorrect.size());
    r.preampDb = s.autoPreamp ? worstBoost : 0.0;
    for (std::size_t c = 0; c < 2; ++c) {
        const PeqDesign& d = r.designs[std::min(c, r.designs.size() - 1)];
        const int n = std::min<int>(static_cast<int>(d.filters.size()), BiquadCascade::kMaxSections);
        for (int k = 0; k < n; ++k)
            r.sections[c][static_cast<std::size_t>(k)] = rbjCoefficients(d.filters[static_cast<std::size_t>(k)], req.sampleRate);
        r.numSections = std::max(r.numSections, n);
    }
    r.loudnessMatchDb = eqLoudnessDb(r.designs.front().filters, r.preampDb, req.sampleRate);
    return r;
}

} // namespace iemeq::plugin
