#include "CorrectionErrors.h"

#include "../correction/DesignCorrection.h"
#include "../curve/Smoothing.h"
#include "../design/TreblePolicy.h"
#include "Metrics.h"

#include <cmath>
#include <cstdio>

namespace iemeq {

namespace {
constexpr double kLoHz = 20.0;
} // namespace

double trebleLevelErrorDb(const FrequencyCurve& response, const FrequencyCurve& target)
{
    const double level = meanErrorDb(response, target, kLoHz, treble::kReliableHz);
    const FrequencyCurve broad = smoothFractionalOctave(subtract(response, target), 1.0 / treble::kSmoothingOctaves);
    double ss = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < broad.size(); ++i)
        if (broad.freq[i] >= treble::kReliableHz && broad.freq[i] <= treble::kTrebleTopHz) {
            const double e = broad.db[i] - level;
            ss += e * e;
            ++n;
        }
    return n ? std::sqrt(ss / static_cast<double>(n)) : 0.0;
}

CorrectionErrors curveErrors(const FrequencyCurve& measurement, const FrequencyCurve& corrected, const FrequencyCurve& target)
{
    CorrectionErrors e;
    e.reliableBeforeDb = rmsErrorDb(measurement, target, kLoHz, treble::kReliableHz);
    e.reliableAfterDb = rmsErrorDb(corrected, target, kLoHz, treble::kReliableHz);
    e.trebleBeforeDb = trebleLevelErrorDb(measurement, target);
    e.trebleAfterDb = trebleLevelErrorDb(corrected, target);
    return e;
}

CorrectionErrors correctionErrors(const Correction& c)
{
    CorrectionErrors e;
    if (!c.hasCurves() || c.perChannel.empty())
        return e;
    const double n = static_cast<double>(c.perChannel.size());
    for (const auto& ch : c.perChannel) {
        if (ch.measurement.empty())
            return CorrectionErrors {};
        const CorrectionErrors one = curveErrors(ch.measurement, add(ch.measurement, ch.eq), c.target);
        e.reliableBeforeDb += one.reliableBeforeDb / n;
        e.reliableAfterDb += one.reliableAfterDb / n;
        e.trebleBeforeDb += one.trebleBeforeDb / n;
        e.trebleAfterDb += one.trebleAfterDb / n;
    }
    return e;
}

std::string formatCorrectionErrors(const CorrectionErrors& e)
{
    char buf[200];
    std::snprintf(buf, sizeof buf, "error 20 Hz-6 kHz: %.2f -> %.2f dB RMS, treble level 6-16 kHz: %.2f -> %.2f dB",
                  e.reliableBeforeDb, e.reliableAfterDb, e.trebleBeforeDb, e.trebleAfterDb);
    return buf;
}

} // namespace iemeq
