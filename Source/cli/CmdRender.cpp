// iemeq render: process a WAV or FLAC file through a correction preset (or a ParametricEQ.txt).
#include "Args.h"
#include "AudioInput.h"
#include "Commands.h"

#include "dsp/core/Error.h"
#include "dsp/design/FirCorrection.h"
#include "dsp/engine/OfflineRender.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/PresetExport.h"

#include <cstdio>

namespace iemeq::cli {

static const std::vector<FlagSpec> kRenderFlags = {
    { "preset", "FILE", "iemeq preset JSON, Equalizer APO ParametricEQ.txt or GraphicEQ.txt", false },
};

int runRender(int argc, char** argv)
{
    const Args args(kRenderFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq render --preset P.json in.wav|in.flac out.wav",
                                     "Processes the input through the preset's filters and preamp with the plugin's\n"
                                     "engine, at the file's own sample rate (a preset designed at another rate is\n"
                                     "re-realised from the same analog filters), and writes 32-bit float out.wav.",
                                     kRenderFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    if (args.positional().size() != 2)
        throw Error("render needs an input (WAV or FLAC) and an output WAV file");
    if (!args.has("preset"))
        throw Error("render needs --preset FILE");
    const Preset preset = importPresetFile(*args.get("preset"));
    AudioData audio = readAudioFile(args.positional()[0]);
    if (preset.settings.mode == CorrectionKind::Fir) {
        // The preset's FIR correction, designed for the file's own rate from the preset's curves.
        if (preset.measurement.empty() || preset.target.empty())
            throw Error("render: an FIR preset needs its measurement and target curves");
        const FirCorrection fc = designFirCorrection(presetMeasurementOnGrid(preset), presetTargetOnGrid(preset), 1.0,
                                                     preset.settings.phase, audio.sampleRate,
                                                     preset.settings.firLength);
        renderFir(audio, fc.kernel, fc.preampDb);
        std::fprintf(stderr, "rendered %zu frames x %zu channels at %.0f Hz through a %zu-tap %s-phase FIR (preamp %.1f dB)\n",
                     audio.numFrames(), audio.channels.size(), audio.sampleRate, fc.kernel.taps.size(),
                     preset.settings.phase == FirPhase::Linear ? "linear" : "minimum", fc.preampDb);
    } else {
        renderPeq(audio, preset.design);
        std::fprintf(stderr, "rendered %zu frames x %zu channels at %.0f Hz through %zu filters (preamp %.1f dB%s)\n",
                     audio.numFrames(), audio.channels.size(), audio.sampleRate, preset.design.filters.size(),
                     preset.design.preampDb,
                     audio.sampleRate != preset.settings.fs ? ", re-realised from the preset's rate" : "");
    }
    writeWav(args.positional()[1], audio, WavSampleFormat::Float32);
    return 0;
}

} // namespace iemeq::cli
