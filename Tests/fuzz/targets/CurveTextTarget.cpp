// Measurement / target text: whatever the bytes, the reader accepts a valid curve or throws
// iemeq::Error.
#include "../FuzzTargets.h"

#include "dsp/core/Error.h"
#include "dsp/io/CurveReader.h"

#include <cmath>

namespace iemeq::fuzz {

static void checkCurve(const CurveReadResult& r)
{
    const auto& c = r.curve;
    require(c.freq.size() == c.db.size(), "curve: freq/db sizes differ");
    require(c.size() >= kMinCurvePoints && c.size() <= kMaxCurvePoints, "curve: point count out of bounds");
    require(r.phaseDeg.empty() || r.phaseDeg.size() == c.size(), "curve: phase size differs");
    for (std::size_t i = 0; i < c.size(); ++i) {
        require(std::isfinite(c.freq[i]) && c.freq[i] > 0.0 && c.freq[i] <= kMaxCurveFrequencyHz, "curve: bad frequency");
        require(std::isfinite(c.db[i]) && std::abs(c.db[i]) <= kMaxCurveLevelDb, "curve: bad level");
        require(i == 0 || c.freq[i] > c.freq[i - 1], "curve: frequencies not strictly increasing");
    }
    for (double p : r.phaseDeg)
        require(std::isfinite(p), "curve: non-finite phase");
}

bool curveText(const std::uint8_t* data, std::size_t size)
{
    // The first byte picks the level column option, so both header paths get exercised.
    CurveReadOptions options;
    if (size > 0 && (data[0] & 1u) && (data[0] & 2u))
        options.levelColumn = "target";
    try {
        checkCurve(parseCurveTextDetailed(text(data, size), "fuzz.txt", options));
        return true;
    } catch (const Error&) {
        return false;
    }
}

} // namespace iemeq::fuzz
