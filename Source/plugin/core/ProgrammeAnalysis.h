#pragma once
// The standalone player's loudness match: the track is known, so both sides of the comparison
// are rendered offline through the plugin's own engine (CorrectionRender) and measured with
// BS.1770 (dsp/listening/ProgramMatch), in the background, once per track and correction. The
// audio thread then holds that difference instead of following its running meter.
#include "dsp/correction/DesignCorrection.h"
#include "dsp/io/WavFile.h"
#include "dsp/listening/ProgramMatch.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace iemeq::plugin {

// loudness(A) - loudness(B) of a whole track; a null side is the original (not rendered).
listening::ProgramMatch analyseProgramme(const AudioData& track, const Correction* a, const Correction* b);

struct ProgrammeJob {
    std::shared_ptr<const AudioData> track;
    std::shared_ptr<const Correction> a, b;  // null: the original
    std::uint64_t tag = 0;                   // what the sides are (a design generation or a comparison)
    std::uint64_t trackId = 0;
};

struct ProgrammeNote {
    std::uint64_t tag = 0, trackId = 0;
    double differenceDb = 0.0;  // loudness(A) - loudness(B), LU
};

// One background thread; the newest request wins (an older one not yet started is dropped).
class ProgrammeAnalyser {
public:
    // `done` runs on the analyser's thread after each finished job (not for failed ones).
    explicit ProgrammeAnalyser(std::function<void(const ProgrammeNote&)> done);
    ~ProgrammeAnalyser();
    ProgrammeAnalyser(const ProgrammeAnalyser&) = delete;
    ProgrammeAnalyser& operator=(const ProgrammeAnalyser&) = delete;

    void request(ProgrammeJob job);
    bool waitUntilIdle(int timeoutMs);  // tests

private:
    void run();

    std::function<void(const ProgrammeNote&)> done_;
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::optional<ProgrammeJob> pending_;
    bool busy_ = false, quit_ = false;
    std::thread thread_;
};

} // namespace iemeq::plugin
