#include "DesignJob.h"

#include "dsp/design/FirCorrection.h"

#include "Parameters.h"
#include "dsp/analysis/Metrics.h"
#include "dsp/analysis/PreferenceScore.h"
#include "dsp/curve/LogGrid.h"
#include "dsp/curve/TargetAdjustments.h"
#include "dsp/design/PeqDesigner.h"

#include <algorithm>
#include <cmath>

namespace iemeq::plugin {

FrequencyCurve adjustedTarget(const FrequencyCurve& target, const DesignSettings& s)
{
    TargetAdjustments adj;
    adj.bassGainDb = s.bassDb;
    adj.tiltDbPerOctave = s.tiltDbPerOct;
    adj.trebleGainDb = s.trebleDb;
    adj.earGainDb = s.earGainDb;
    return applyAdjustments(target, adj);
}

const std::vector<double>& displayGrid()
{
    static const std::vector<double> grid = makeLogGrid(20.0, 20000.0, 48.0);
    return grid;
}

double eqLoudnessDb(const FrequencyCurve& eq, double preampDb)
{
    // Log-spaced points weight every octave equally, which is what pink (music-like) spectra do.
    double power = 0.0;
    int n = 0;
    for (std::size_t i = 0; i < eq.size(); ++i)
        if (eq.freq[i] >= 50.0 && eq.freq[i] <= 10000.0) {
            power += std::pow(10.0, (eq.db[i] + preampDb) / 10.0);
            ++n;
        }
    return n > 0 ? 10.0 * std::log10(power / n) : preampDb;
}

double eqLoudnessDb(const std::vector<PeqFilter>& filters, double preampDb, double fs)
{
    return eqLoudnessDb(eqCurve(filters, makeLogGrid(50.0, std::min(10000.0, 0.45 * fs), 24.0), fs), preampDb);
}

std::vector<PeqFilter> realisable(std::vector<PeqFilter> filters, double fs)
{
    for (auto& f : filters)
        f.fc = std::clamp(f.fc, 5.0, 0.45 * fs);
    return filters;
}

static double safeScore(const FrequencyCurve& response, const FrequencyCurve& target)
{
    try {
        return harmanInEarScore(response, target).score;
    } catch (const std::exception&) {
        return 0.0;
    }
}

DesignResult runDesign(const DesignRequest& req)
{
    DesignResult r;
    r.generation = req.generation;
    r.sampleRate = req.sampleRate;
    r.mode = req.settings.mode;
    for (auto& ch : r.sections)
        ch.fill(BiquadCoeffs {});
    if (!req.inputs || req.inputs->empty()) {
        r.message = "Load a measurement and a target to design a correction.";
        return r;
    }
    const auto& in = *req.inputs;
    const auto& s = req.settings;
    const double fs = req.sampleRate;
    const auto& grid = displayGrid();
    const FrequencyCurve target = resample(adjustedTarget(in.target, s), grid);

    std::vector<FrequencyCurve> toCorrect;
    if (s.separateChannels && in.measurement.size() >= 2)
        for (std::size_t c = 0; c < 2; ++c)
            toCorrect.push_back(resample(in.measurement[c], grid));
    else
        toCorrect.push_back(averageDb(in.measurement, grid));

    const auto mode = static_cast<CorrectionMode>(std::clamp(s.mode, 0, 2));
    r.fir = mode != CorrectionMode::Parametric;
    PeqSettings ps;
    ps.layout = PeqLayout::AutoEq;
    ps.fs = fs;
    double worstBoost = 0.0;
    double before = 0.0, after = 0.0, scoreBefore = 0.0, scoreAfter = 0.0;
    for (const auto& m : toCorrect) {
        PeqDesign d;
        FrequencyCurve eq;
        if (in.manual) {
            d.filters = realisable(in.manualFilters, fs);
            d.preampDb = autoPreampDb(d.filters, fs);
            eq = eqCurve(d.filters, grid, fs);
        } else if (!r.fir) {
            // Correct only a fraction of the way: the target moves towards the measurement.
            FrequencyCurve partial = target;
            for (std::size_t i = 0; i < partial.size(); ++i)
                partial.db[i] = m.db[i] + s.amount * (target.db[i] - m.db[i]);
            if (s.amount > 0.0)
                d = designPeq(m, partial, ps);
            eq = eqCurve(d.filters, grid, fs);
        } else {
            const auto phase = mode == CorrectionMode::FirLinearPhase ? FirPhase::Linear : FirPhase::Minimum;
            const FirCorrection fc = designFirCorrection(m, target, s.amount, phase, fs, firTapsFor(fs));
            r.firTaps.emplace_back(fc.kernel.taps.begin(), fc.kernel.taps.end());
            r.latencySamples = fc.kernel.latencySamples;
            eq = fc.realised;  // what the kernel really does: for the graph, residual and loudness match
            d.preampDb = fc.preampDb;
        }
        worstBoost = std::min(worstBoost, d.preampDb);
        const FrequencyCurve corrected = add(m, eq);
        before += rmsErrorDb(m, target);
        after += rmsErrorDb(corrected, target);
        scoreBefore += safeScore(m, target);
        scoreAfter += safeScore(corrected, target);
        r.eqCurves.push_back(std::move(eq));
        r.designs.push_back(std::move(d));
    }
    const double channels = static_cast<double>(toCorrect.size());
    r.residualBeforeDb = before / channels;
    r.residualAfterDb = after / channels;
    r.scoreBefore = scoreBefore / channels;
    r.scoreAfter = scoreAfter / channels;
    r.preampDb = s.autoPreamp ? worstBoost : 0.0;
    if (!r.fir)
        for (std::size_t c = 0; c < 2; ++c) {
            const PeqDesign& d = r.designs[std::min(c, r.designs.size() - 1)];
            const int n = std::min<int>(static_cast<int>(d.filters.size()), BiquadCascade::kMaxSections);
            for (int k = 0; k < n; ++k)
                r.sections[c][static_cast<std::size_t>(k)] = rbjCoefficients(d.filters[static_cast<std::size_t>(k)], fs);
            r.numSections = std::max(r.numSections, n);
        }
    // Bypass plays at the corrected path's loudness (the louder channel's, when separate).
    double loud = -1e9;
    for (const auto& eq : r.eqCurves)
        loud = std::max(loud, eqLoudnessDb(eq, r.preampDb));
    r.loudnessMatchDb = loud;
    return r;
}

} // namespace iemeq::plugin
