#include "DesignWarnings.h"

#include "../curve/ChannelPair.h"
#include "../design/ClipSafePreamp.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <cstdio>

namespace iemeq {

namespace {

std::string format(const char* fmt, auto... args)
{
    char buf[300];
    std::snprintf(buf, sizeof buf, fmt, args...);
    return buf;
}

std::string hzText(double hz)
{
    return hz >= 1000.0 ? format("%.1f kHz", hz / 1000.0) : format("%.0f Hz", hz);
}

// The box a designed filter lived in: the designer's own (filterBoundsFor), at the rate it was
// realised at; fc is stored to 1 Hz (or the device's step), so "at the bound" allows half a step.
struct Bounds {
    FilterBounds box;
    double fcTolerance = 0.6;
};

// nullopt when the settings have no place for such a filter (nothing the designer made).
std::optional<Bounds> boundsOf(const PeqSettings& s, const PeqFilter& f, double fs)
{
    PeqSettings at = s;
    at.fs = fs;
    Bounds b;
    try {
        b.box = filterBoundsFor(at, f.type);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (s.device)
        b.fcTolerance = std::max(0.6, 0.5 * s.device->fcStep + 1e-9);
    return b;
}

std::string filterName(const std::vector<ChannelCorrection>& channels, std::size_t ch, std::size_t k, const PeqFilter& f)
{
    const char* side = channels.size() > 1 ? (ch == 0 ? "L " : "R ") : "";
    return format("%sfilter %zu (%s %.0f Hz %+.1f dB Q %.2f)", side, k + 1, apoName(f.type), f.fc, f.gainDb, f.q);
}

// One warning per filter that sits at a bound, naming every bound it reached; its kind (and
// limit) is the first of gain, Q, fc. Q and fc bounds only count for a filter that does something
// (|gain| >= kAudibleFilterDb): where a filter that small sits does not change the sound.
void filterWarnings(const PeqSettings& s, const Correction& c, std::size_t ch, std::vector<DesignWarning>& out)
{
    constexpr double kAudibleFilterDb = 1.0;
    const auto& filters = c.perChannel[ch].filters;
    for (std::size_t k = 0; k < filters.size(); ++k) {
        const PeqFilter& f = filters[k];
        const std::optional<Bounds> bounds = boundsOf(s, f, c.fs);
        if (!bounds)
            continue;
        const Bounds& b = *bounds;
        std::vector<std::string> what;
        DesignWarning w;
        const auto hit = [&](DesignWarningKind kind, double limit, std::string text) {
            if (what.empty()) {
                w.kind = kind;
                w.limit = limit;
            }
            what.push_back(std::move(text));
        };
        if (f.gainDb >= b.box.gainHi - 0.01 && b.box.gainHi > 0.0)
            hit(DesignWarningKind::FilterGainAtLimit, b.box.gainHi, format("largest gain %+.1f dB", b.box.gainHi));
        else if (f.gainDb <= b.box.gainLo + 0.01 && b.box.gainLo < 0.0)
            hit(DesignWarningKind::FilterGainAtLimit, b.box.gainLo, format("deepest cut %+.1f dB", b.box.gainLo));
        const bool audible = std::abs(f.gainDb) >= kAudibleFilterDb;
        if (audible && !b.box.fixedQ() && b.box.qHi > b.box.qLo) {
            if (f.q >= b.box.qHi - 0.006)
                hit(DesignWarningKind::FilterQAtLimit, b.box.qHi, format("narrowest Q %.2f", b.box.qHi));
            else if (f.q <= b.box.qLo + 0.006)
                hit(DesignWarningKind::FilterQAtLimit, b.box.qLo, format("widest Q %.2f", b.box.qLo));
        }
        if (audible && !b.box.fixedFc() && b.box.fcHi > b.box.fcLo) {
            if (f.fc >= b.box.fcHi - b.fcTolerance)
                hit(DesignWarningKind::FilterFcAtLimit, b.box.fcHi, "highest frequency " + hzText(b.box.fcHi));
            // A bass filter parked at 20 Hz sits at the edge of hearing, where it loses nothing
            // a listener would miss: only a low limit set above that is worth a warning.
            else if (f.fc <= b.box.fcLo + b.fcTolerance && b.box.fcLo > 20.0 + 1e-9)
                hit(DesignWarningKind::FilterFcAtLimit, b.box.fcLo, "lowest frequency " + hzText(b.box.fcLo));
        }
        if (what.empty())
            continue;
        w.text = filterName(c.perChannel, ch, k, f) + " is held at a limit: " + what[0];
        for (std::size_t i = 1; i < what.size(); ++i)
            w.text += ", " + what[i];
        w.hz = f.fc;
        w.db = f.gainDb;
        w.channel = static_cast<int>(ch);
        w.filter = static_cast<int>(k);
        out.push_back(std::move(w));
    }
}

// The EQ's true maximum, DC to Nyquist (the quantity --max-boost limits).
ResponsePeak eqPeak(const ChannelCorrection& ch, double fs)
{
    if (!ch.firTaps.empty())
        return firPeak(std::vector<double>(ch.firTaps.begin(), ch.firTaps.end()), fs);
    return cascadePeak(ch.filters, fs);
}

} // namespace

const char* designWarningKindName(DesignWarningKind kind)
{
    switch (kind) {
    case DesignWarningKind::ChannelImbalance: return "channel-imbalance";
    case DesignWarningKind::FilterGainAtLimit: return "filter-gain-limit";
    case DesignWarningKind::FilterQAtLimit: return "filter-q-limit";
    case DesignWarningKind::FilterFcAtLimit: return "filter-fc-limit";
    case DesignWarningKind::BoostAtLimit: return "boost-limit";
    case DesignWarningKind::TrebleBoost: return "treble-boost";
    }
    return "warning";
}

std::vector<DesignWarning> designWarnings(const CorrectionSpec& spec, const Correction& c)
{
    std::vector<DesignWarning> out;
    if (spec.measurement.size() == 2) {
        // The check `iemeq info` and `report` print (curve/ChannelPair.h), over the band a
        // correction is fitted in; its line minus the "warning: " the caller adds.
        const ChannelBalance b = measureChannelBalance(spec.measurement[0], spec.measurement[1], warnings::kImbalanceDb,
                                                       warnings::kImbalanceLoHz, warnings::kImbalanceHiHz);
        if (b.imbalanced) {
            DesignWarning w;
            w.kind = DesignWarningKind::ChannelImbalance;
            const std::string prefix = "warning: ";
            w.text = b.warning.starts_with(prefix) ? b.warning.substr(prefix.size()) : b.warning;
            // Often a poor seal in one measurement or a faulty unit; linked, one EQ fits neither side.
            w.text += spec.channels == ChannelMode::Average ? "; one correction cannot fit both (try separate channels)"
                                                            : "; check the measurement (seal, fit)";
            w.hz = b.worstHz;
            w.db = b.maxAbsDb;
            w.limit = warnings::kImbalanceDb;
            out.push_back(std::move(w));
        }
    }
    if (c.perChannel.empty())
        return out;
    const bool designed = !spec.manual();
    if (designed && !spec.fir())
        for (std::size_t ch = 0; ch < c.perChannel.size(); ++ch)
            filterWarnings(spec.peq, c, ch, out);

    const bool preamp = !spec.peq.device || spec.peq.device->preamp;
    const double maxBoost = preamp ? spec.peq.maxBoostDb : std::min(spec.peq.maxBoostDb, 0.0);
    for (std::size_t ch = 0; ch < c.perChannel.size(); ++ch) {
        const ChannelCorrection& cc = c.perChannel[ch];
        const std::string side = c.perChannel.size() > 1 ? (ch == 0 ? "L: " : "R: ") : "";
        if (designed && maxBoost > 0.0) {
            const ResponsePeak p = eqPeak(cc, c.fs);
            // Gains are stored to 0.1 dB, so a design held at the limit can end up to a step
            // below it (the designer's repair rounds down).
            if (p.db >= maxBoost - 0.15) {
                DesignWarning w;
                w.kind = DesignWarningKind::BoostAtLimit;
                w.text = side + format("the EQ boosts %+.1f dB at %s, the max-boost limit (%.1f dB): the correction may be held back there",
                                       p.db, hzText(p.hz).c_str(), maxBoost);
                w.hz = p.hz;
                w.db = p.db;
                w.limit = maxBoost;
                w.channel = static_cast<int>(ch);
                out.push_back(std::move(w));
            }
        }
        double top = 0.0, topHz = 0.0;
        for (std::size_t i = 0; i < cc.eq.size(); ++i)
            if (cc.eq.freq[i] > warnings::kTrebleHz && cc.eq.db[i] > top) {
                top = cc.eq.db[i];
                topHz = cc.eq.freq[i];
            }
        if (top > warnings::kTrebleBoostDb) {
            DesignWarning w;
            w.kind = DesignWarningKind::TrebleBoost;
            w.text = side + format("the EQ boosts %+.1f dB at %s, above %s where coupler measurements are unreliable: check the treble by ear",
                                   top, hzText(topHz).c_str(), hzText(warnings::kTrebleHz).c_str());
            w.hz = topHz;
            w.db = top;
            w.limit = warnings::kTrebleBoostDb;
            w.channel = static_cast<int>(ch);
            out.push_back(std::move(w));
        }
    }
    return out;
}

} // namespace iemeq
