#include "DesignJob.h"

#include <algorithm>
#include <cmath>

namespace iemeq::plugin {

namespace {

// The parameters are floats on a grid (amount 1 %, adjustments 0.1 dB; Parameters.cpp), so a
// loaded spec's values come back from them rounded (bass 1.3 dB as 1.3000001907). While a
// parameter is still within half a step of the spec's own value, that exact value is designed:
// a preset plays in the plugin exactly as `iemeq render` plays it. A moved parameter wins.
double unlessRounded(double parameter, double exact, double step)
{
    return std::abs(parameter - exact) < 0.5 * step - 1e-5 ? exact : parameter;
}

} // namespace

CorrectionSpec specFor(const CorrectionInputs& in, const DesignSettings& s)
{
    CorrectionSpec spec = in.spec;
    const TargetAdjustments& given = in.spec.adjustments;
    spec.amount = unlessRounded(std::clamp(s.amount, 0.0, 1.0), in.spec.amount, 0.01);
    spec.adjustments.bassGainDb = unlessRounded(s.bassDb, given.bassGainDb, 0.1);
    spec.adjustments.tiltDbPerOctave = unlessRounded(s.tiltDbPerOct, given.tiltDbPerOctave, 0.1);
    spec.adjustments.trebleGainDb = unlessRounded(s.trebleDb, given.trebleGainDb, 0.1);
    spec.adjustments.earGainDb = unlessRounded(s.earGainDb, given.earGainDb, 0.1);
    spec.autoPreamp = s.autoPreamp;
    spec.channels = s.separateChannels && spec.measurement.size() >= 2 ? ChannelMode::Separate : ChannelMode::Average;
    spec.mode = static_cast<CorrectionMode>(std::clamp(s.mode, 0, 2));
    return spec;
}

DesignSettings settingsFor(const CorrectionSpec& spec)
{
    DesignSettings s;
    s.amount = spec.amount;
    s.bassDb = spec.adjustments.bassGainDb;
    s.tiltDbPerOct = spec.adjustments.tiltDbPerOctave;
    s.trebleDb = spec.adjustments.trebleGainDb;
    s.earGainDb = spec.adjustments.earGainDb;
    s.autoPreamp = spec.autoPreamp;
    s.separateChannels = spec.channels == ChannelMode::Separate;
    s.mode = static_cast<int>(spec.mode);
    return s;
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

DesignResult realise(const Correction& c)
{
    DesignResult r;
    r.sampleRate = c.fs;
    r.mode = static_cast<int>(c.mode);
    r.fir = c.mode != CorrectionMode::Parametric;
    r.preampDb = c.preampDb;
    r.latencySamples = c.latencySamples;
    for (auto& ch : r.sections)
        ch.fill(BiquadCoeffs {});
    for (std::size_t out = 0; out < 2; ++out) {
        const ChannelCorrection& ch = c.forOutput(static_cast<int>(out));
        if (r.fir) {
            if (out < c.perChannel.size())
                r.firTaps.push_back(ch.firTaps);
            continue;
        }
        const int n = std::min<int>(static_cast<int>(ch.filters.size()), BiquadCascade::kMaxSections);
        for (int k = 0; k < n; ++k)
            r.sections[out][static_cast<std::size_t>(k)] = rbjCoefficients(ch.filters[static_cast<std::size_t>(k)], c.fs);
        r.numSections = std::max(r.numSections, n);
    }
    // Bypass plays at the corrected path's loudness (the louder channel's, when separate).
    double loud = -1e9;
    for (const auto& ch : c.perChannel)
        loud = std::max(loud, eqLoudnessDb(ch.eq, c.preampDb));
    r.loudnessMatchDb = loud;
    return r;
}

DesignResult runDesign(const DesignRequest& req)
{
    if (!req.inputs || req.inputs->empty()) {
        DesignResult r;
        r.generation = req.generation;
        r.sampleRate = req.sampleRate;
        r.mode = req.settings.mode;
        for (auto& ch : r.sections)
            ch.fill(BiquadCoeffs {});
        r.message = "Load a measurement and a target to design a correction.";
        return r;
    }
    auto spec = std::make_shared<const CorrectionSpec>(specFor(*req.inputs, req.settings));
    auto correction = std::make_shared<const Correction>(designCorrection(*spec, req.sampleRate));
    DesignResult r = realise(*correction);
    r.generation = req.generation;
    r.spec = std::move(spec);
    r.correction = std::move(correction);
    return r;
}

} // namespace iemeq::plugin
