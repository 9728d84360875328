// The parametric designer on real IEMs: beats AutoEq's own result where the coupler is reliable
// (20 Hz-6 kHz) without worse treble, keeps its hard limits (boost, gains, no cancelling pairs),
// follows the treble policy, is bit-for-bit deterministic, designs for the host's sample rate,
// and never leaves a device profile's limits.
#include "PeqTestSupport.h"

#include "dsp/design/ClipSafePreamp.h"
#include "dsp/design/DeviceProfile.h"

#include <catch2/catch.hpp>

#include <complex>

using namespace iemeq;
using namespace iemeq::test;

TEST_CASE("AutoEq layout beats AutoEq's own result in the reliable band, treble no worse", "[design][peq]")
{
    const FrequencyCurve target = autoEqTarget();
    for (const std::string name : { "Simgot EW200", "BASN MMCX", "EPZ Q1" }) {
        INFO(name);
        const FrequencyCurve raw = iemMean(name);
        PeqSettings s;
        const PeqDesign d = designPeq(raw, target, s);
        const Score ours = score(d, raw, target);
        const Score theirs = score(autoEqRerun(name), raw, target);
        INFO("R1 " << ours.r1 << " vs " << theirs.r1 << ", R2 " << ours.r2 << " vs " << theirs.r2 << ", RG " << ours.rg
                   << " vs " << theirs.rg);
        CHECK(d.filters.size() == 10);
        CHECK(ours.r1 <= theirs.r1);
        CHECK(ours.r2 <= theirs.r2 + 0.3);
        CHECK(ours.rg <= theirs.rg + 0.3);
        CHECK(ours.maxBoost <= s.maxBoostDb + 1e-9);
        CHECK(ours.maxAbsGain <= 12.0);
        CHECK(opposingPeakPairs(d.filters) == 0);
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
        // Preamp: clip-safe for the realised response, and not more than 0.1 dB (+ margin) lower.
        const double peak = cascadePeak(d.filters, s.fs).db;
        CHECK(d.preampDb + peak <= 0.0);
        CHECK(d.preampDb + peak >= -0.1 - kClipMarginDb - 1e-9);
    }
}

TEST_CASE("On every shared IEM: no cancelling pairs, hard boost, gains within 12 dB, a calm treble", "[design][peq][heavy]")
{
    // Both targets, every IEM in Tests/data: the guarantees are the designer's, not the data's.
    for (const auto& [targetName, target] : { std::pair { "AutoEq", autoEqTarget() }, std::pair { "Harman 2019", harman2019Target() } })
        for (const auto& [name, raw] : sharedIems()) {
            INFO(name << " to " << targetName);
            PeqSettings s;
            const PeqDesign d = designPeq(raw, target, s);
            const Score sc = score(d, raw, target);
            INFO("R1 " << sc.r1 << " R2 " << sc.r2 << " RG " << sc.rg << " max " << sc.maxBoost);
            CHECK(opposingPeakPairs(d.filters) == 0);
            CHECK(cascadePeak(d.filters, s.fs).db <= s.maxBoostDb + 1e-9);
            for (const auto& f : d.filters) {
                CHECK(std::abs(f.gainDb) <= s.maxGainDb);
                // No narrow structure above ~7 kHz (the issue counted 33 such peaks of 4 dB+).
                if (f.type == FilterType::Peaking && f.fc > 7000.0 && std::abs(f.gainDb) >= 4.0)
                    CHECK(f.q <= 1.5);
            }
            CHECK(std::abs(d.filters.back().gainDb) <= 10.0);  // the 10 kHz shelf does not swing to the limit
            CHECK(sc.rg <= 1.0);
            CHECK(sc.r1 < rmsErrorDb(raw, target, 20.0, 6000.0));
            CHECK(d.preampDb + cascadePeak(d.filters, s.fs).db <= 0.0);
        }
}

TEST_CASE("opposingPeakPairs counts peaks within 1/3 octave with opposite gains of 3 dB or more", "[design][peq]")
{
    using F = PeqFilter;
    const auto pk = FilterType::Peaking;
    CHECK(opposingPeakPairs({ F { pk, 4306, -10.0, 4 }, F { pk, 4309, 8.0, 1 } }) == 1);
    CHECK(opposingPeakPairs({ F { pk, 1000, -3.0, 4 }, F { pk, 1259, 3.0, 1 } }) == 1);   // 1/3 octave apart
    CHECK(opposingPeakPairs({ F { pk, 1000, -3.0, 4 }, F { pk, 1270, 3.0, 1 } }) == 0);   // a little further
    CHECK(opposingPeakPairs({ F { pk, 1000, -2.9, 4 }, F { pk, 1000, 6.0, 1 } }) == 0);   // one below 3 dB
    CHECK(opposingPeakPairs({ F { pk, 1000, -4.0, 4 }, F { pk, 1100, -6.0, 1 } }) == 0);  // same sign
    CHECK(opposingPeakPairs({ F { FilterType::LowShelf, 105, 6.0, 0.7 }, F { pk, 100, -6.0, 1 } }) == 0);  // shelves differ
    // Same-signed peaks within 1/6 octave count as one: +2 +2 stacked beside -10.5 is a pair in pieces.
    CHECK(opposingPeakPairs({ F { pk, 974, 2.0, 3 }, F { pk, 984, 2.0, 3 }, F { pk, 997, -10.5, 6 } }) == 2);
    CHECK(opposingPeakPairs({ F { pk, 800, 2.0, 3 }, F { pk, 984, 2.0, 3 }, F { pk, 997, -10.5, 6 } }) == 0);  // 0.3 oct: apart
}

TEST_CASE("A narrow peak beyond the Q limit is cut as well as one filter can, not chased with a stack of cancelling peaks",
          "[design][peq]")
{
    // A 6 dB peak of Q 12 at 1 kHz (the designer's Q stops at 6) on an otherwise flat response.
    FrequencyCurve m, t;
    for (double f = 20.0; f <= 20000.0; f *= 1.01) {
        const double w = f / 1000.0, a = std::pow(10.0, 6.0 / 40.0), q = 12.0;
        const std::complex<double> num(1.0 - w * w, w * a / q), den(1.0 - w * w, w / (a * q));
        m.freq.push_back(f);
        m.db.push_back(20.0 * std::log10(std::abs(num) / std::abs(den)));
        t.freq.push_back(f);
        t.db.push_back(0.0);
    }
    PeqSettings s;
    const PeqDesign d = designPeq(m, t, s);
    CHECK(opposingPeakPairs(d.filters) == 0);
    // No stack of boosts beside the cut worth 3 dB or more (the pair rule, counted in pieces): the
    // boosts within 1/6 octave of any boost near 1 kHz add up to less than 3 dB (the old design
    // stacked +1.0 +1.3 +2.0 +1.5 dB at 974-984 Hz beside -10.5 dB at 997 Hz).
    double worstStack = 0.0, deepest = 0.0;
    for (const auto& a : d.filters)
        if (a.type == FilterType::Peaking && std::abs(std::log2(a.fc / 1000.0)) <= 1.0 / 3.0) {
            deepest = std::min(deepest, a.gainDb);
            if (a.gainDb <= 0.0)
                continue;
            double stack = 0.0;
            for (const auto& b : d.filters)
                if (b.type == FilterType::Peaking && b.gainDb > 0.0 && std::abs(std::log2(b.fc / a.fc)) <= 1.0 / 6.0)
                    stack += b.gainDb;
            worstStack = std::max(worstStack, stack);
        }
    INFO("largest stack of boosts near 1 kHz " << worstStack << " dB, deepest cut " << deepest << " dB");
    std::string list;
    for (const auto& f : d.filters)
        list += "  " + std::to_string(f.fc) + " Hz " + std::to_string(f.gainDb) + " dB Q " + std::to_string(f.q) + "\n";
    INFO(list);
    CHECK(worstStack < 3.0);
    CHECK(deepest <= -4.0);  // the peak is still cut
    CHECK(deepest >= -9.0);  // ... by about what one Q 6 filter should
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

TEST_CASE("max boost: --max-boost is a hard limit on the realised EQ, DC to Nyquist, at every rate", "[design][peq]")
{
    for (const std::string name : { "EPZ Q1", "BASN MMCX", "Moondrop Chu" }) {
        const FrequencyCurve raw = iemMean(name), target = autoEqTarget();
        for (double fs : { 44100.0, 48000.0, 96000.0, 192000.0 })
            for (double limit : { 0.0, 3.0, 6.0 }) {
                PeqSettings s;
                s.fs = fs;
                s.maxBoostDb = limit;
                s.hops = 4;  // the limit is the designer's guarantee, not the search's
                const PeqDesign d = designPeq(raw, target, s);
                const ResponsePeak peak = cascadePeak(d.filters, fs);
                INFO(name << " at " << fs << " Hz, limit " << limit << ": peak " << peak.db << " dB at " << peak.hz << " Hz");
                CHECK(peak.db <= limit + 1e-9);
                CHECK(opposingPeakPairs(d.filters) == 0);
            }
    }
}

TEST_CASE("Treble policy: smooth matches the broad level, fit follows the detail, off leaves it alone", "[design][peq][treble]")
{
    const FrequencyCurve raw = iemMean("Simgot EW200"), target = autoEqTarget();
    PeqSettings s;
    s.treble = TreblePolicy::Fit;
    const PeqDesign fit = designPeq(raw, target, s);
    s.treble = TreblePolicy::Smooth;
    const PeqDesign smooth = designPeq(raw, target, s);
    s.treble = TreblePolicy::Off;
    const PeqDesign off = designPeq(raw, target, s);
    const Score sf = score(fit, raw, target), ss = score(smooth, raw, target), so = score(off, raw, target);
    INFO("fit: residual " << sf.residual << " RG " << sf.rg << "; smooth: R1 " << ss.r1 << " R2 " << ss.r2 << " RG " << ss.rg
                          << "; off: R1 " << so.r1);
    // Fit chases the 6-10 kHz detail (the old behaviour): a small residual to 10 kHz, a rough EQ.
    CHECK(sf.residual < 0.25);
    CHECK(sf.rg > ss.rg + 0.2);
    // Smooth: the reliable band as good, the treble level matched without the detail.
    CHECK(ss.r1 <= sf.r1);
    CHECK(ss.r2 < 0.8);
    CHECK(ss.rg < 0.7);
    // Off: nothing above the transition (the EQ ~0 dB from 9 kHz up), the reliable band still fitted.
    const FrequencyCurve eq = eqCurve(off.filters, raw.freq, 48000.0);
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (raw.freq[i] >= 9000.0 && raw.freq[i] <= 16000.0)
            CHECK(std::abs(eq.db[i]) < 1.0);
    CHECK(so.r1 < 0.3);
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
        const double r = score(d, raw, target).r1;
        INFO(n << " filters: R1 " << r << " dB");
        CHECK(r < previous);
        previous = r;
    }
    CHECK(previous < 0.1);
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
        if (raw.freq[i] > 6000.0) continue;
        // The 44.1 kHz design, realised at 44.1 kHz, reproduces the 192 kHz intent in the
        // reliable band: the fit absorbs the warp instead of leaving it as error.
        worstLo = std::max(worstLo, std::abs((eqLo.db[i] - eqLo.db[200]) - (eqHi.db[i] - eqHi.db[200])));
    }
    INFO("192k vs analog " << worstHi << " dB, 44.1k vs 192k " << worstLo << " dB");
    CHECK(worstHi < 0.1);
    CHECK(worstLo < 0.6);
    CHECK(score(lo, raw, target, 44100.0).r1 < 0.15);
    CHECK(score(hi, raw, target, 192000.0).r1 < 0.15);
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
            const double before = rmsErrorDb(raw, target, 20.0, 6000.0);
            const Score sc = score(d, raw, target);
            CHECK(static_cast<int>(d.filters.size()) <= dev.maxFilters);
            CHECK(sc.r1 < 0.7 * before);
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
            CHECK(opposingPeakPairs(d.filters) == 0);
            if (!dev.preamp) {
                CHECK(d.preampDb == 0.0);
                CHECK(cascadePeak(d.filters, s.fs).db <= 1e-9);  // without a preamp the EQ only cuts
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
    CHECK_THROWS_WITH(parseDeviceProfile("not json", "dev.json"), Catch::Contains("JSON"));
    CHECK_THROWS_WITH(parseDeviceProfile("{ \"preamp\": 1 }", "dev.json"), Catch::Contains("preamp"));
}

TEST_CASE("Designer rejects unusable input with a clear error", "[design][peq]")
{
    FrequencyCurve a { { 100.0, 200.0 }, { 0.0, 0.0 }, "a" };
    CHECK_THROWS_WITH(designPeq(a, a, PeqSettings {}), Catch::Contains("fewer than 8"));
    FrequencyCurve b { { 100.0 }, { 0.0 }, "b" };
    CHECK_THROWS_WITH(designPeq(a, b, PeqSettings {}), Catch::Contains("same non-empty grid"));
}
