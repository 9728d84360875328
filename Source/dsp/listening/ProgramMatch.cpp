#include "ProgramMatch.h"

#include "../core/Error.h"
#include "../io/WavFile.h"

#include <cmath>

namespace iemeq::listening {

ProgramMatch matchProgramLoudness(const AudioData& original, const AudioData& corrected)
{
    if (original.channels.size() != corrected.channels.size() || original.numFrames() != corrected.numFrames()
        || original.sampleRate != corrected.sampleRate)
        throw Error("loudness match: the corrected render differs from the track in channels, length or rate");
    ProgramMatch m;
    m.original = integratedLoudness(original);
    m.corrected = integratedLoudness(corrected);
    if (m.original.measurable() && m.corrected.measurable())
        m.differenceDb = m.corrected.integratedLufs - m.original.integratedLufs;
    m.gains = gainsForDifference(m.differenceDb);
    return m;
}

ProgramMatch matchProgramLoudness(const AudioData& track, const RenderCorrected& render)
{
    AudioData corrected = track;
    render(corrected);
    return matchProgramLoudness(track, corrected);
}

void applyGainDb(AudioData& audio, double gainDb)
{
    const double g = std::pow(10.0, gainDb / 20.0);
    for (auto& ch : audio.channels)
        for (auto& s : ch)
            s = static_cast<float>(g * static_cast<double>(s));
}

} // namespace iemeq::listening
