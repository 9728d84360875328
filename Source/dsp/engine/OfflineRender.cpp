#include "OfflineRender.h"

#include "../core/Error.h"
#include "BiquadCascade.h"
#include "PartitionedConvolver.h"

#include <algorithm>
#include <cmath>

namespace iemeq {

void renderPeq(AudioData& audio, const PeqDesign& design, int blockSize)
{
    if (design.filters.size() > static_cast<std::size_t>(BiquadCascade::kMaxSections))
        throw Error("render: too many filters (" + std::to_string(design.filters.size()) + ", max "
                    + std::to_string(BiquadCascade::kMaxSections) + ")");
    std::vector<BiquadCoeffs> sections;
    for (const auto& f : design.filters)
        sections.push_back(rbjCoefficients(f, audio.sampleRate));
    const std::size_t frames = audio.numFrames();
    for (std::size_t c0 = 0; c0 < audio.channels.size(); c0 += 2) {
        const int nch = static_cast<int>(std::min<std::size_t>(2, audio.channels.size() - c0));
        BiquadCascade cascade;
        cascade.setSections(sections.data(), static_cast<int>(sections.size()), -1, true);
        // The preamp is applied after the sections' float output, in double, exactly as the
        // plugin's engine does, so a preset renders to the same samples here and in a DAW.
        const double preamp = std::pow(10.0, design.preampDb / 20.0);
        for (std::size_t i = 0; i < frames; i += static_cast<std::size_t>(blockSize)) {
            const int n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(blockSize), frames - i));
            float* ptrs[2] = { audio.channels[c0].data() + i, nch > 1 ? audio.channels[c0 + 1].data() + i : nullptr };
            cascade.process(ptrs, nch, n);
            for (int ch = 0; ch < nch; ++ch)
                for (int k = 0; k < n; ++k)
                    ptrs[ch][k] = static_cast<float>(preamp * static_cast<double>(ptrs[ch][k]));
        }
    }
}

void renderFir(AudioData& audio, const FirKernel& kernel, double preampDb, int blockSize)
{
    if (kernel.taps.empty())
        throw Error("render: the FIR kernel is empty");
    if (std::abs(kernel.fs - audio.sampleRate) > 0.5)
        throw Error("render: the FIR kernel was designed for " + std::to_string(kernel.fs) + " Hz, the audio is "
                    + std::to_string(audio.sampleRate) + " Hz");
    const std::vector<float> taps(kernel.taps.begin(), kernel.taps.end());
    const double preamp = std::pow(10.0, preampDb / 20.0);
    const std::size_t frames = audio.numFrames(), delay = static_cast<std::size_t>(kernel.latencySamples);
    for (std::size_t c0 = 0; c0 < audio.channels.size(); c0 += 2) {
        const int nch = static_cast<int>(std::min<std::size_t>(2, audio.channels.size() - c0));
        PartitionedConvolver conv;
        PartitionedConvolver::Config config;
        config.sampleRate = audio.sampleRate;
        config.maxBlockSize = blockSize;
        config.maxKernelTaps = static_cast<int>(taps.size());
        config.numChannels = nch;
        conv.prepare(config);
        conv.setKernelNow(conv.makeKernel({ taps }, kernel.latencySamples));
        // Run `delay` samples past the end (fed silence), then drop the first `delay` outputs.
        std::vector<std::vector<float>> work(static_cast<std::size_t>(nch), std::vector<float>(frames + delay, 0.0f));
        for (int ch = 0; ch < nch; ++ch)
            std::copy(audio.channels[c0 + static_cast<std::size_t>(ch)].begin(), audio.channels[c0 + static_cast<std::size_t>(ch)].end(),
                      work[static_cast<std::size_t>(ch)].begin());
        for (std::size_t i = 0; i < frames + delay; i += static_cast<std::size_t>(blockSize)) {
            float* ptrs[2] = { work[0].data() + i, nch > 1 ? work[1].data() + i : nullptr };
            conv.process(ptrs, nch, static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(blockSize), frames + delay - i)));
        }
        for (int ch = 0; ch < nch; ++ch)
            for (std::size_t i = 0; i < frames; ++i)
                audio.channels[c0 + static_cast<std::size_t>(ch)][i] =
                    static_cast<float>(preamp * static_cast<double>(work[static_cast<std::size_t>(ch)][i + delay]));
    }
}

} // namespace iemeq
