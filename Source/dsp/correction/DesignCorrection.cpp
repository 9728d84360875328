#include "DesignCorrection.h"

#include "RateRefit.h"

#include "../analysis/Metrics.h"
#include "../analysis/PreferenceScore.h"
#include "../core/Error.h"
#include "../core/Limits.h"
#include "../curve/LogGrid.h"
#include "../design/FirCorrection.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace iemeq {

const char* correctionModeName(CorrectionMode m)
{
    switch (m) {
    case CorrectionMode::Parametric: return "parametric";
    case CorrectionMode::FirMinimumPhase: return "fir-min";
    case CorrectionMode::FirLinearPhase: return "fir-lin";
    }
    return "parametric";
}

CorrectionMode correctionModeFromName(const std::string& name)
{
    for (auto m : { CorrectionMode::Parametric, CorrectionMode::FirMinimumPhase, CorrectionMode::FirLinearPhase })
        if (name == correctionModeName(m))
            return m;
    throw Error("unknown correction mode '" + name + "' (parametric, fir-min or fir-lin)");
}

const char* channelModeName(ChannelMode m) { return m == ChannelMode::Separate ? "separate" : "linked"; }

ChannelMode channelModeFromName(const std::string& name)
{
    if (name == "linked")
        return ChannelMode::Average;
    if (name == "separate")
        return ChannelMode::Separate;
    throw Error("unknown channel mode '" + name + "' (linked or separate)");
}

const std::vector<double>& designGrid()
{
    static const std::vector<double> grid = makeRatioGrid(20.0, 20000.0, 1.01);
    return grid;
}

FrequencyCurve adjustedTargetOnGrid(const CorrectionSpec& spec)
{
    if (spec.target.empty())
        throw Error("the correction has no target");
    FrequencyCurve t = resample(spec.target, designGrid());
    if (!spec.adjustments.isNeutral())
        t = applyAdjustments(t, spec.adjustments);
    t.name = spec.target.name;
    return t;
}

std::vector<FrequencyCurve> measurementsOnGrid(const CorrectionSpec& spec)
{
    if (spec.measurement.empty())
        throw Error("the correction has no measurement");
    if (spec.measurement.size() > 2)
        throw Error("a correction takes one or two measurement channels (L, R), not "
                    + std::to_string(spec.measurement.size()));
    return combineChannels(spec.measurement, spec.measurement.size() == 2 ? spec.channels : ChannelMode::Average,
                           designGrid());
}

namespace {

double safeScore(const FrequencyCurve& response, const FrequencyCurve& target)
{
    try {
        return harmanInEarScore(response, target).score;
    } catch (const std::exception&) {
        return 0.0;  // a curve the model cannot score (e.g. no data below 10 kHz)
    }
}

std::string rateText(double fs)
{
    char b[32];
    std::snprintf(b, sizeof b, "%g kHz", fs / 1000.0);
    return b;
}

std::string dbText(double db)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.1f dB", db);
    return b;
}

// The filters one channel plays at `fs`: designed at the spec's design rate, then re-fitted.
PeqDesign parametricAt(const FrequencyCurve& m, const FrequencyCurve& target, const CorrectionSpec& spec, double fs)
{
    FrequencyCurve partial = target;
    for (std::size_t i = 0; i < partial.size(); ++i)
        partial.db[i] = m.db[i] + spec.amount * (target.db[i] - m.db[i]);
    PeqSettings s = spec.peq;
    s.fs = spec.designRate;
    PeqDesign d;
    if (spec.amount > 0.0)
        d = designPeq(m, partial, s);
    if (fs != spec.designRate) {
        // What a device stores stays storable: its ranges and steps hold at every rate.
        d.filters = s.device ? refitForDevice(d.filters, spec.designRate, fs, *s.device)
                             : refitForRate(d.filters, spec.designRate, fs);
        // A device without a preamp keeps none (its design only cuts), as at the design rate.
        if (!s.device || s.device->preamp)
            d.preampDb = autoPreampDb(d.filters, fs);
    }
    return d;
}

} // namespace

Correction designCorrection(const CorrectionSpec& spec, double fs)
{
    if (!(fs >= 8000.0 && fs <= 768000.0))
        throw Error("cannot design for a sample rate of " + std::to_string(fs) + " Hz (8-768 kHz)");
    if (!spec.designable())
        throw Error("nothing to design: load a measurement and a target (or give filters)");
    if (!(spec.amount >= 0.0 && spec.amount <= 1.0))
        throw Error("the correction amount must be between 0 and 100 %");
    Correction out;
    out.fs = fs;
    out.mode = spec.manual() ? CorrectionMode::Parametric : spec.mode;
    out.channels = spec.channels;
    const auto& grid = designGrid();
    const bool curves = !spec.measurement.empty() && !spec.target.empty();
    std::vector<FrequencyCurve> measured;
    if (curves) {
        out.target = adjustedTargetOnGrid(spec);
        measured = measurementsOnGrid(spec);
    }

    if (spec.manual()) {
        // One list serves every channel; a list per channel needs as many channels.
        const std::size_t lists = spec.manualFilters.size();
        const std::size_t n = curves ? std::max(measured.size(), lists) : lists;
        if (lists > 2 || (lists == 2 && curves && measured.size() != 2))
            throw Error("the correction has filters for " + std::to_string(lists) + " channels but "
                        + std::to_string(measured.size()) + " measured channel(s) to correct");
        for (std::size_t c = 0; c < n; ++c) {
            const auto& given = spec.manualFilters[std::min(c, lists - 1)];
            if (given.size() > static_cast<std::size_t>(kMaxFilters))
                throw Error("too many filters (" + std::to_string(given.size()) + ", at most "
                            + std::to_string(kMaxFilters) + ")");
            ChannelCorrection ch;
            ch.filters = given;
            for (auto& f : ch.filters)
                f.fc = std::clamp(f.fc, 5.0, 0.45 * fs);
            ch.ownPreampDb = autoPreampDb(ch.filters, fs);
            out.perChannel.push_back(std::move(ch));
        }
        if (fs != spec.designRate)
            out.notes.push_back("filters given by hand are realised as they are at " + rateText(fs) + " (set for "
                                + rateText(spec.designRate) + ")");
    } else {
        for (const auto& m : measured) {
            ChannelCorrection ch;
            if (!spec.fir()) {
                const PeqDesign d = parametricAt(m, out.target, spec, fs);
                ch.filters = d.filters;
                ch.ownPreampDb = d.preampDb;
            } else {
                const auto phase = spec.mode == CorrectionMode::FirLinearPhase ? FirPhase::Linear : FirPhase::Minimum;
                CorrectionCurveSpec curve;  // the parametric design's boost limit and treble policy
                curve.maxBoostDb = spec.peq.maxBoostDb;
                curve.treble = spec.peq.treble;
                const FirCorrection fc = designFirCorrection(m, out.target, spec.amount, phase, fs, spec.firLength, curve);
                ch.firTaps.assign(fc.kernel.taps.begin(), fc.kernel.taps.end());
                ch.eq = fc.realised;
                ch.ownPreampDb = fc.preampDb;
                out.latencySamples = fc.kernel.latencySamples;
            }
            out.perChannel.push_back(std::move(ch));
        }
        if (!spec.fir() && fs != spec.designRate)
            out.notes.push_back("fitted at " + rateText(spec.designRate) + ", re-fitted for " + rateText(fs)
                                + " to the same response");
    }

    for (std::size_t c = 0; c < out.perChannel.size(); ++c) {
        auto& ch = out.perChannel[c];
        if (ch.eq.empty())
            ch.eq = eqCurve(ch.filters, grid, fs);
        out.preampDb = std::min(out.preampDb, ch.ownPreampDb);
        if (curves) {
            ch.measurement = measured[std::min(c, measured.size() - 1)];
            const FrequencyCurve corrected = add(ch.measurement, ch.eq);
            ch.rmsBeforeDb = rmsErrorDb(ch.measurement, out.target);
            ch.rmsAfterDb = rmsErrorDb(corrected, out.target);
            ch.scoreBefore = safeScore(ch.measurement, out.target);
            ch.scoreAfter = safeScore(corrected, out.target);
        }
    }
    if (spec.manual() && spec.givenPreampDb) {
        const double given = *spec.givenPreampDb;
        if (given <= out.preampDb + 1e-9 || !spec.autoPreamp)
            out.preampDb = given;
        else
            out.notes.push_back("the given preamp " + dbText(given) + " would let the filters clip; "
                                + dbText(out.preampDb) + " is used instead");
    } else if (!spec.autoPreamp) {
        out.preampDb = 0.0;
    }
    const double n = static_cast<double>(out.perChannel.size());
    for (const auto& ch : out.perChannel) {
        out.rmsBeforeDb += ch.rmsBeforeDb / n;
        out.rmsAfterDb += ch.rmsAfterDb / n;
        out.scoreBefore += ch.scoreBefore / n;
        out.scoreAfter += ch.scoreAfter / n;
    }
    return out;
}

} // namespace iemeq
