#pragma once
// Loudness match on the programme itself, for the standalone player: the track is known, so both
// paths are rendered offline (in the background, once per track and correction) and measured
// with BS.1770 gated integrated loudness. The louder path is trimmed down by the difference
// (LoudnessMatcher.h's MatchGains), so both play at the same programme loudness.
#include "Bs1770.h"
#include "LoudnessMatcher.h"

#include <functional>

namespace iemeq {
struct AudioData;
}

namespace iemeq::listening {

struct ProgramMatch {
    LoudnessResult original, corrected;
    double differenceDb = 0.0;  // corrected - original, LU (0 when either is silent)
    MatchGains gains;           // trims that make the two paths equally loud
};

// Renders the correction into the audio in place (e.g. a lambda over renderPeq / renderFir from
// dsp/engine/OfflineRender.h, or the plugin's own engine). Throws iemeq::Error on failure.
using RenderCorrected = std::function<void(AudioData&)>;

// Measures `track` as it is and after `render`; the track itself is not changed.
ProgramMatch matchProgramLoudness(const AudioData& track, const RenderCorrected& render);

// Both paths already rendered (same length and rate).
ProgramMatch matchProgramLoudness(const AudioData& original, const AudioData& corrected);

// Multiplies every channel by 10^(gainDb/20) (to apply a side's trim offline).
void applyGainDb(AudioData& audio, double gainDb);

} // namespace iemeq::listening
