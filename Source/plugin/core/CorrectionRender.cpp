#include "CorrectionRender.h"

#include "CorrectionEngine.h"
#include "DesignJob.h"

#include "dsp/core/Error.h"

#include <algorithm>
#include <cmath>

namespace iemeq::plugin {

void renderCorrection(AudioData& audio, const Correction& c, int blockSize)
{
    if (std::abs(c.fs - audio.sampleRate) > 0.5)
        throw Error("render: the correction was realised for " + std::to_string(c.fs) + " Hz, the audio is "
                    + std::to_string(audio.sampleRate) + " Hz");
    const DesignResult r = realise(c);
    const std::size_t frames = audio.numFrames();
    const std::size_t delay = static_cast<std::size_t>(r.fir ? r.latencySamples : 0);
    const std::size_t block = static_cast<std::size_t>(std::max(1, blockSize));
    for (std::size_t c0 = 0; c0 < audio.channels.size(); c0 += 2) {
        const int nch = static_cast<int>(std::min<std::size_t>(2, audio.channels.size() - c0));
        CorrectionEngine engine;
        engine.prepare(audio.sampleRate, blockSize);
        if (r.fir)
            engine.setFirKernel(r.firTaps, r.latencySamples, true);
        engine.setDesign(r, true);
        engine.setCorrectionOn(true, true);
        engine.setOutputGainDb(0.0f, true);
        // Run `delay` samples past the end (fed silence), then drop the first `delay` outputs.
        std::vector<std::vector<float>> work(static_cast<std::size_t>(nch), std::vector<float>(frames + delay, 0.0f));
        for (int ch = 0; ch < nch; ++ch)
            std::copy(audio.channels[c0 + static_cast<std::size_t>(ch)].begin(),
                      audio.channels[c0 + static_cast<std::size_t>(ch)].end(), work[static_cast<std::size_t>(ch)].begin());
        for (std::size_t i = 0; i < frames + delay; i += block) {
            float* ptrs[2] = { work[0].data() + i, nch > 1 ? work[1].data() + i : nullptr };
            engine.process(ptrs, nch, static_cast<int>(std::min(block, frames + delay - i)));
        }
        for (int ch = 0; ch < nch; ++ch)
            std::copy(work[static_cast<std::size_t>(ch)].begin() + static_cast<std::ptrdiff_t>(delay),
                      work[static_cast<std::size_t>(ch)].end(), audio.channels[c0 + static_cast<std::size_t>(ch)].begin());
    }
}

} // namespace iemeq::plugin
