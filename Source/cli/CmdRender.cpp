// iemeq render: process a WAV file through a correction preset (or an APO ParametricEQ.txt).
#include "Args.h"
#include "Commands.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Error.h"
#include "dsp/engine/OfflineRender.h"
#include "dsp/io/ApoFormat.h"
#include "dsp/io/WavFile.h"
#include "dsp/preset/Preset.h"

#include <cstdio>

namespace iemeq::cli {

static const std::vector<FlagSpec> kRenderFlags = {
    { "preset", "FILE", "iemeq preset JSON or Equalizer APO ParametricEQ.txt", false },
};

PeqDesign loadDesignFile(const std::string& path)
{
    const std::string text = readFileBytes(path);
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && text[first] == '{')
        return presetFromJson(text, path).design;
    return parseApo(text, path);
}

int runRender(int argc, char** argv)
{
    const Args args(kRenderFlags, argc, argv, 1);
    if (args.has("help") || argc < 2) {
        std::printf("%s", formatHelp("iemeq render --preset P.json in.wav out.wav",
                                     "Processes in.wav through the preset's filters and preamp at the file's own sample\n"
                                     "rate and writes 32-bit float out.wav.",
                                     kRenderFlags).c_str());
        return argc < 2 ? 2 : 0;
    }
    if (args.positional().size() != 2)
        throw Error("render needs an input and an output WAV file");
    if (!args.has("preset"))
        throw Error("render needs --preset FILE");
    const PeqDesign design = loadDesignFile(*args.get("preset"));
    AudioData audio = readWav(args.positional()[0]);
    renderPeq(audio, design);
    writeWav(args.positional()[1], audio, WavSampleFormat::Float32);
    std::fprintf(stderr, "rendered %zu frames x %zu channels at %.0f Hz through %zu filters (preamp %.1f dB)\n",
                 audio.numFrames(), audio.channels.size(), audio.sampleRate, design.filters.size(), design.preampDb);
    return 0;
}

} // namespace iemeq::cli
