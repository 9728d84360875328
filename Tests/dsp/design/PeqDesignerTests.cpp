// The parametric designer on real IEMs: beats AutoEq's own result on the same input and budget,
// stays sane (boost, top octave, gains), is bit-for-bit deterministic, designs for the host's
// sample rate, and never leaves a device profile's limits.
#include "PeqTestSupport.h"

#include "dsp/design/DeviceProfile.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::test;

TEST_CASE("AutoEq layout beats AutoEq's own result on the same input and budget", "[design][peq]")
{
    const FrequencyCurve target = autoEqTarget();
    // AutoEq's residuals on these (dB): EW200 0.58, BASN MMCX 1.02, EPZ Q1 1.47; iemeq measured
    // 0.12, 0.37, 0.09 when this test was written (the project's bar is a median ratio <= 0.30).
    for (const std::string name : { "Simgot EW200", "BASN MMCX", "EPZ Q1" }) {
        INFO(name);
        const FrequencyCurve raw = iemMean(name);
        PeqSettings s;
        const PeqDesign d = designPeq(raw, target, s);
        const Score ours = score(d, raw, target);
        const Score theirs = score(autoEqRerun(name), raw, target);
        CHECK(d.filters.size() == 10);
        CHECK(ours.residual <= 0.45 * theirs.residual);
        CHECK(ours.maxBoost <= std::max(theirs.maxBoost, 6.0) + 1.0);
        CHECK(std::abs(ours.trebleOffset) <= std::abs(theirs.trebleOffset) + 1.0);
        CHECK(ours.maxAbsGain <= 12.0);
        // No narrow boosts chasing notches: boosts stay (nearly) within maxBoostQ.
        for (const auto& f : d.filters)
            if (f.type == FilterType::Peaking && f.gainDb > 1.0)
                CHECK(f.q <= 1.1 * s.maxBoostQ);
        // The layout: LSC 105 Hz Q 0.7, 8 PK within AutoEq's ranges, HSC 10 kHz Q 0.7.
        CHECK(d.filters.front().type == FilterType::LowShelf);
        CHECK(d.filters.front().fc == 105.0);
        CHECK(d.filters.back().type == FilterType::HighShelf);
        CHECK(d.filters.back().fc == 10000.0);
        for (std::size_t k = 1; k + 1 < d.filters.size(); ++k) {
            CHECK(d.filters[k].type == FilterType::Peaking);
            CHECK(d.filters[k].fc >= 20.0);
            CHECK(d.filters[k].fc <= 10000.0);
            CHECK(d.filters[k].q >= 0.18);
            CHECK(d.filters[k].q <= 6.0);
        }
        // Preamp: the negative of the largest total boost.
        CHECK(d.preampDb <= -ours.maxBoost + 0.11);
        CHECK(d.preampDb >= -ours.maxBoost - 0.2);
    }
}

TEST_CASE("Design is deterministic bit for bit", "[design][peq]")
{
    const FrequencyCurve raw = iemMean("BASN MMCX"), target = autoEqTarget();
    PeqSettings s;
    const PeqDesign a = designPeq(raw, target, s);
    const PeqDesign b = designPeq(raw, target, s);
    CHECK(a == b);
    CHECK(formatApo(a) == formatApo(b));
    s.layout = PeqLayout::Free;
    s.numFilters = 7;
    CHECK(designPeq(raw, target, s) == designPeq(raw, target, s));
}

TEST_CASE("Output is stored at APO's resolution", "[design][peq]")
{
    const FrequencyCurve raw = iemMean("Simgot EW200"), target = autoEqTarget();
    const PeqDesign d = designPeq(raw, target, PeqSettings {});
    for (const auto& f : d.filters) {
        CHECK(f.fc == std::round(f.fc));
        CHECK(std::abs(f.gainDb * 10.0 - std::round(f.gainDb * 10.0)) < 1e-9);
        CHECK(std::abs(f.q * 100.0 - std::round(f.q * 100.0)) < 1e-9);
    }
    // So the printed file holds exactly the design.
    CHECK(parseApo(formatApo(d), "x") == d);
}

TEST_CASE("Total boost limit holds and follows the setting", "[design][peq]")
{
    const FrequencyCurve raw = iemMean("EPZ Q1"), target = autoEqTarget();
    for (double limit : { 3.0, 6.0 }) {
        PeqSettings s;
        s.maxBoostDb = limit;
        const Score sc = score(designPeq(raw, target, s), raw, target);
        INFO("limit " << limit << " boost " << sc.maxBoost);
        CHECK(sc.maxBoost <= limit + 0.5);
    }
}

TEST_CASE("Free layout uses the requested number of filters and improves with more", "[design][peq]")
{
    const FrequencyCurve raw = iemMean("Simgot EW200"), target = autoEqTarget();
    double previous = 1e9;
    for (int n : { 3, 6, 12 }) {
        PeqSettings s;
        s.layout = PeqLayout::Free;
        s.numFilters = n;
        const PeqDesign d = designPeq(raw, target, s);
        CHECK(static_cast<int>(d.filters.size()) == n);
        const double r = score(d, raw, target).residual;
        INFO(n << " filters: " << r << " dB");
        CHECK(r < previous);
        previous = r;
    }
    CHECK(previous < 0.15);
}

TEST_CASE("Designs for the host sample rate match the analog intent at 44.1 and 192 kHz", "[design][peq]")
{
    const FrequencyCurve raw = iemMean("Simgot EW200"), target = autoEqTarget();
    PeqSettings s;
    s.fs = 192000.0;
    const PeqDesign hi = designPeq(raw, target, s);
    s.fs = 44100.0;
    const PeqDesign lo = designPeq(raw, target, s);
    // At 192 kHz the bilinear warp is small: realised == analog prototype within 0.1 dB up to
    // 10 kHz (a Q 6 peak at 10 kHz moves by ~1% in frequency).
    double worstHi = 0.0, worstLo = 0.0;
    const FrequencyCurve eqHi = eqCurve(hi.filters, raw.freq, 192000.0);
    const FrequencyCurve eqLo = eqCurve(lo.filters, raw.freq, 44100.0);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw.freq[i] > 10000.0) break;
        double analog = 0.0;
        for (const auto& f : hi.filters) analog += analogMagnitudeDb(f, raw.freq[i]);
        worstHi = std::max(worstHi, std::abs(eqHi.db[i] - analog));
        // The 44.1 kHz design, realised at 44.1 kHz, reproduces the 192 kHz intent: the fit
        // absorbs the warp instead of leaving it as error.
        worstLo = std::max(worstLo, std::abs((eqLo.db[i] - eqLo.db[200]) - (eqHi.db[i] - eqHi.db[200])));
    }
    INFO("192k vs analog " << worstHi << " dB, 44.1k vs 192k " << worstLo << " dB");
    CHECK(worstHi < 0.1);
    CHECK(worstLo < 0.6);
    CHECK(score(lo, raw, target, 44100.0).residual < 0.2);
    CHECK(score(hi, raw, target, 192000.0).residual < 0.2);
}

TEST_CASE("Device profiles are never violated", "[design][peq][device]")
{
    const FrequencyCurve target = autoEqTarget();
    for (const std::string file : { "graphic-10band.json", "qudelix-5k.json", "generic-5band.json" }) {
        const DeviceProfile dev = loadDeviceProfile(repoPath("Presets/devices/" + file));
        for (const std::string name : { "Simgot EW200", "BASN MMCX", "EPZ Q1" }) {
            INFO(file << " / " << name);
            const FrequencyCurve raw = iemMean(name);
            PeqSettings s;
            s.device = dev;
            const PeqDesign d = designPeq(raw, target, s);
            const double before = rmsErrorDb(raw, target);
            const Score sc = score(d, raw, target);
            CHECK(static_cast<int>(d.filters.size()) <= dev.maxFilters);
            CHECK(sc.residual < 0.7 * before);
            for (std::size_t k = 0; k < d.filters.size(); ++k) {
                const PeqFilter& f = d.filters[k];
                CHECK(dev.allows(f.type));
                CHECK(f.gainDb >= dev.gainMin);
                CHECK(f.gainDb <= dev.gainMax);
                CHECK(std::abs(f.gainDb / dev.gainStep - std::round(f.gainDb / dev.gainStep)) < 1e-9);
                if (dev.fixedFrequencies.empty()) {
                    CHECK(f.fc >= dev.fcMin);
                    CHECK(f.fc <= dev.fcMax);
                } else {
                    CHECK(f.fc == dev.fixedFrequencies[k]);
                }
                if (dev.fixedQ > 0.0) {
                    CHECK(f.q == dev.fixedQ);
                } else {
                    CHECK(f.q >= dev.qMin - 1e-12);
                    CHECK(f.q <= dev.qMax + 1e-12);
                    CHECK(std::abs(f.q / dev.qStep - std::round(f.q / dev.qStep)) < 1e-6);
                }
            }
            if (!dev.preamp) {
                CHECK(d.preampDb == 0.0);
                CHECK(sc.maxBoost <= 0.5);  // without a preamp the EQ (nearly) only cuts
            }
        }
    }
}

TEST_CASE("Device profile errors name the file and the field", "[design][device]")
{
    CHECK_THROWS_WITH(parseDeviceProfile("{ \"maxFilters\": 0 }", "dev.json"), Catch::Contains("dev.json") && Catch::Contains("maxFilters"));
    CHECK_THROWS_WITH(parseDeviceProfile("{ \"types\": [\"XX\"] }", "dev.json"), Catch::Contains("XX"));
    CHECK_THROWS_WITH(parseDeviceProfile("{ \"gain\": [3, 6] }", "dev.json"), Catch::Contains("gain"));
    CHECK_THROWS_WITH(parseDeviceProfile("{ \"fc\": [100] }", "dev.json"), Catch::Contains("fc"));
    CHECK_THROWS_WITH(parseDeviceProfile("not json", "dev.json"), Catch::Contains("invalid JSON"));
    CHECK_THROWS_WITH(parseDeviceProfile("{ \"preamp\": 1 }", "dev.json"), Catch::Contains("preamp"));
}

TEST_CASE("Designer rejects unusable input with a clear error", "[design][peq]")
{
    FrequencyCurve a { { 100.0, 200.0 }, { 0.0, 0.0 }, "a" };
    CHECK_THROWS_WITH(designPeq(a, a, PeqSettings {}), Catch::Contains("fewer than 8"));
    FrequencyCurve b { { 100.0 }, { 0.0 }, "b" };
    CHECK_THROWS_WITH(designPeq(a, b, PeqSettings {}), Catch::Contains("same non-empty grid"));
}
