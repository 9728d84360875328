// iemeq render: process a WAV or FLAC file through a correction preset (or a ParametricEQ.txt).
#include "Args.h"
#include "AudioInput.h"
#include "Commands.h"

#include "dsp/core/Error.h"
#include "dsp/correction/DesignCorrection.h"
#include "plugin/core/CorrectionRender.h"
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
    // The spec designed for the file's own rate (re-fitted there), played by the plugin's engine.
    const Correction c = designCorrection(preset.spec, audio.sampleRate);
    plugin::renderCorrection(audio, c);
    const bool fir = c.mode != CorrectionMode::Parametric;
    std::fprintf(stderr, "%zu frames x %zu channels at %.0f Hz through %s (preamp %.1f dB)\n", audio.numFrames(),
                 audio.channels.size(), audio.sampleRate,
                 fir ? (std::to_string(c.perChannel.front().firTaps.size()) + "-tap "
                        + (c.mode == CorrectionMode::FirLinearPhase ? "linear" : "minimum") + "-phase FIR").c_str()
                     : (std::to_string(c.perChannel.front().filters.size()) + " filters"
                        + (c.perChannel.size() > 1 ? " per channel" : "")).c_str(),
                 c.preampDb);
    for (const auto& note : c.notes)
        std::fprintf(stderr, "note: %s\n", note.c_str());
    writeWav(args.positional()[1], audio, WavSampleFormat::Float32);
    std::fprintf(stderr, "rendered %s\n", args.positional()[1].c_str());
    return 0;
}

} // namespace iemeq::cli
