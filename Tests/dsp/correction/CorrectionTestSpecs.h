#pragma once
// The correction specs the issue-12 tests design: an IEM from Tests/data to the bundled Harman
// in-ear 2019 target, built by hand exactly as `iemeq design --fr L --fr R` builds it (so a CLI
// preset can be compared with designCorrection of this spec), and a per-channel comparison of
// two Corrections that is bit for bit.
#include "../../TestData.h"

#include "dsp/correction/DesignCorrection.h"
#include "dsp/design/DeviceProfile.h"
#include "dsp/io/CurveReader.h"

#include <catch2/catch.hpp>

#include <string>

namespace iemeq::test {

// "antdroid/FA7" -> Tests/data/measurements/antdroid/FA7 L.txt and R.txt.
inline std::string measurementPath(const std::string& iem, const char* side)
{
    return dataPath("measurements/" + iem + " " + side + ".txt");
}

inline std::string harmanTargetPath() { return repoPath("Targets/Harman in-ear 2019 v2.csv"); }
inline std::string qudelixPath() { return repoPath("Presets/devices/qudelix-5k.json"); }

// What the tests vary: the correction mode, linked or separate, and a device profile or not.
struct SpecCase {
    CorrectionMode mode = CorrectionMode::Parametric;
    ChannelMode channels = ChannelMode::Average;
    bool device = false;

    std::string label() const
    {
        return std::string(correctionModeName(mode)) + "/" + channelModeName(channels) + (device ? "/qudelix-5k" : "");
    }
    // The matching `iemeq design` flags.
    std::string flags() const
    {
        return std::string(" --mode ") + correctionModeName(mode) + " --channels " + channelModeName(channels)
               + (device ? " --device qudelix-5k" : "");
    }
};

inline CorrectionSpec specFor(const std::string& iem, const SpecCase& k)
{
    CorrectionSpec spec;
    spec.measurement = { readCurveFile(measurementPath(iem, "L")), readCurveFile(measurementPath(iem, "R")) };
    spec.target = readCurveFile(harmanTargetPath());
    spec.targetName = "Harman in-ear 2019 v2";
    spec.target.name = spec.targetName;
    spec.mode = k.mode;
    spec.channels = k.channels;
    if (k.device)
        spec.peq.device = loadDeviceProfile(qudelixPath());
    return spec;
}

// Every channel's filters, kernel and the preamp, compared bit for bit.
inline void requireSameCorrection(const Correction& a, const Correction& b)
{
    REQUIRE(a.fs == b.fs);
    REQUIRE(a.mode == b.mode);
    REQUIRE(a.perChannel.size() == b.perChannel.size());
    for (std::size_t c = 0; c < a.perChannel.size(); ++c) {
        INFO("channel " << c);
        CHECK(a.perChannel[c].filters == b.perChannel[c].filters);
        CHECK(a.perChannel[c].firTaps == b.perChannel[c].firTaps);
    }
    CHECK(a.preampDb == b.preampDb);
    CHECK(a.latencySamples == b.latencySamples);
}

} // namespace iemeq::test
