// iemeq render: process a WAV or FLAC file through a correction preset (or a ParametricEQ.txt).
#include "Args.h"
#include "AudioInput.h"
#include "Commands.h"
#include "OutputPath.h"

#include "dsp/core/Error.h"
#include "dsp/correction/DesignCorrection.h"
#include "plugin/core/CorrectionRender.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/PresetExport.h"

#include <cstdio>

namespace iemeq::cli {

static const std::vector<FlagSpec> kRenderFlags = {
    { "preset", "FILE", "iemeq preset JSON, Equalizer APO ParametricEQ.txt or GraphicEQ.txt", false },
    { "bits", "32f|24|16", "output sample format: 32-bit float (default), 24-bit or 16-bit PCM (rounded, no dither)", false },
};

int runRender(int argc, char** argv)
{
    const Args args(kRenderFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq render --preset P.json in.wav|in.flac out.wav",
                                     "Processes the input through the preset's filters and preamp with the plugin's\n"
                                     "engine, at the file's own sample rate (a preset designed at another rate is\n"
                                     "re-realised from the same analog filters), and writes out.wav (32-bit float unless --bits).",
                                     kRenderFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    if (args.positional().size() != 2)
        throw Error("render needs an input (WAV or FLAC) and an output WAV file");
    if (!args.has("preset"))
        throw Error("render needs --preset FILE");
    const std::string bits = args.get("bits", "32f");
    if (bits != "32f" && bits != "24" && bits != "16")
        throw Error("--bits must be 32f, 24 or 16, not '" + bits + "'");
    const std::string& output = args.positional()[1];
    refuseOverwritingInput(output, { args.positional()[0], *args.get("preset") });
    const Preset preset = importPresetFile(*args.get("preset"));
    AudioData audio = readAudioFile(args.positional()[0]);
    // The spec designed for the file's own rate (re-fitted there), played by the plugin's engine.
    const Correction c = designCorrection(preset.spec, audio.sampleRate);
    plugin::renderCorrection(audio, c);
    const bool fir = c.mode != CorrectionMode::Parametric;
    const WavSampleFormat format = bits == "32f" ? WavSampleFormat::Float32 : bits == "24" ? WavSampleFormat::Pcm24 : WavSampleFormat::Pcm16;
    const std::size_t clipped = writeWav(output, audio, format);
    // Reported only once the file is written.
    std::fprintf(stderr, "rendered %s: %zu frames x %zu channels at %.0f Hz through %s (preamp %.1f dB)\n", output.c_str(),
                 audio.numFrames(),
                 audio.channels.size(), audio.sampleRate,
                 fir ? (std::to_string(c.perChannel.front().firTaps.size()) + "-tap "
                        + (c.mode == CorrectionMode::FirLinearPhase ? "linear" : "minimum") + "-phase FIR").c_str()
                     : (std::to_string(c.perChannel.front().filters.size()) + " filters"
                        + (c.perChannel.size() > 1 ? " per channel" : "")).c_str(),
                 c.preampDb);
    for (const auto& note : c.notes)
        std::fprintf(stderr, "note: %s\n", note.c_str());
    if (clipped)
        std::fprintf(stderr, "warning: %zu samples were above full scale and clipped in the %s-bit output; "
                             "use --bits 32f or lower the level\n", clipped, bits.c_str());
    return 0;
}

} // namespace iemeq::cli
