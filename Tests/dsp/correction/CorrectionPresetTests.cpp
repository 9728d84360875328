// Issue 12, in the core: a preset is a CorrectionSpec plus its result, so a preset saved and
// reloaded designs bit-identical filters and kernels at any rate, for every mode, linked or
// separate, with a device profile, and at the largest filter count; version-2 presets on disk
// still load and design.
#include "CorrectionTestSpecs.h"

#include "dsp/core/AtomicFile.h"
#include "dsp/core/Limits.h"
#include "dsp/preset/Preset.h"

#include <catch2/catch.hpp>

using namespace iemeq;
using namespace iemeq::test;

namespace {

const double kRates[] = { 44100.0, 48000.0, 96000.0 };

// Saved as JSON text and read back, as a file would be.
Preset reloaded(const CorrectionSpec& spec, const Correction& c)
{
    return presetFromJson(presetToJson(makePreset(spec, c, "test")), "test.json");
}

} // namespace

TEST_CASE("correction: a reloaded preset designs bit-identical filters and kernels at 44.1, 48 and 96 kHz",
          "[correction][preset][heavy]")
{
    for (const auto channels : { ChannelMode::Average, ChannelMode::Separate })
        for (const auto mode : { CorrectionMode::Parametric, CorrectionMode::FirMinimumPhase, CorrectionMode::FirLinearPhase })
            for (const bool device : { false, true }) {
                if (device && mode != CorrectionMode::Parametric)
                    continue;  // a device profile shapes parametric filters only
                const SpecCase k { mode, channels, device };
                INFO(k.label());
                const CorrectionSpec spec = specFor("antdroid/FA7", k);
                const Correction designed = designCorrection(spec, spec.designRate);
                const Preset p = reloaded(spec, designed);
                // What `iemeq preset show --check` compares.
                CHECK(resultOf(designCorrection(p.spec, p.result.fs)) == p.result);
                CHECK(p.spec.channels == channels);
                CHECK(p.spec.mode == mode);
                CHECK(p.spec.peq.device.has_value() == device);
                for (const double fs : kRates) {
                    INFO(fs << " Hz");
                    requireSameCorrection(designCorrection(p.spec, fs), designCorrection(spec, fs));
                }
            }
}

TEST_CASE("correction: a separate-mode preset keeps both channels' corrections", "[correction][preset]")
{
    // FA7's L and R differ by up to a few dB: separate corrections must differ, and each must be
    // the correction of its own channel alone.
    const CorrectionSpec spec = specFor("antdroid/FA7", { CorrectionMode::Parametric, ChannelMode::Separate, false });
    const Correction c = designCorrection(spec, 48000.0);
    REQUIRE(c.perChannel.size() == 2);
    CHECK(c.perChannel[0].filters != c.perChannel[1].filters);
    const Preset p = reloaded(spec, c);
    REQUIRE(p.result.filters.size() == 2);
    CHECK(p.result.filters[0] == c.perChannel[0].filters);
    CHECK(p.result.filters[1] == c.perChannel[1].filters);
    REQUIRE(p.spec.measurement.size() == 2);
    CHECK(p.spec.measurement[0].db == spec.measurement[0].db);
    CHECK(p.spec.measurement[1].db == spec.measurement[1].db);
    const Correction back = designCorrection(p.spec, 48000.0);
    requireSameCorrection(back, c);

    for (std::size_t side = 0; side < 2; ++side) {
        CorrectionSpec one = spec;
        one.channels = ChannelMode::Average;
        one.measurement = { spec.measurement[side] };
        const Correction alone = designCorrection(one, 48000.0);
        INFO("channel " << side);
        CHECK(alone.perChannel.at(0).filters == c.perChannel[side].filters);
        CHECK(alone.perChannel.at(0).ownPreampDb == c.perChannel[side].ownPreampDb);
    }
    // One preamp for both channels (their balance is kept): the lower of the two.
    CHECK(c.preampDb == std::min(c.perChannel[0].ownPreampDb, c.perChannel[1].ownPreampDb));

    // FIR kernels per channel too.
    const CorrectionSpec fir = specFor("antdroid/FA7", { CorrectionMode::FirMinimumPhase, ChannelMode::Separate, false });
    const Correction f = designCorrection(fir, 48000.0);
    REQUIRE(f.perChannel.size() == 2);
    CHECK(f.perChannel[0].firTaps != f.perChannel[1].firTaps);
    requireSameCorrection(designCorrection(reloaded(fir, f).spec, 48000.0), f);
}

TEST_CASE("correction: the largest filter count any layout or device allows designs, saves and reloads",
          "[correction][preset][limits][heavy]")
{
    CorrectionSpec free = specFor("regancipher/Simgot EW200", {});
    free.peq.layout = PeqLayout::Free;
    free.peq.numFilters = kMaxFilters;
    CorrectionSpec device = specFor("regancipher/Simgot EW200", { CorrectionMode::Parametric, ChannelMode::Average, true });
    device.peq.device->maxFilters = kMaxFilters;
    for (const auto* spec : { &free, &device }) {
        INFO((spec == &free ? "free layout" : "device profile") << " with " << kMaxFilters << " filters");
        const Correction c = designCorrection(*spec, 48000.0);
        REQUIRE(c.perChannel.size() == 1);
        CHECK(c.perChannel[0].filters.size() == static_cast<std::size_t>(kMaxFilters));
        CHECK(c.rmsAfterDb < c.rmsBeforeDb);
        const Preset p = reloaded(*spec, c);
        REQUIRE(p.result.filters.size() == 1);
        CHECK(p.result.filters[0].size() == static_cast<std::size_t>(kMaxFilters));
        CHECK(resultOf(designCorrection(p.spec, p.result.fs)) == p.result);
        for (const double fs : kRates) {
            INFO(fs << " Hz");
            requireSameCorrection(designCorrection(p.spec, fs), designCorrection(*spec, fs));
        }
    }
    // One more is refused by the preset reader, naming the limit.
    Preset p = reloaded(free, designCorrection(free, 48000.0));
    p.result.filters[0].push_back(p.result.filters[0].back());
    CHECK_THROWS_WITH(presetFromJson(presetToJson(p), "over.json"),
                      Catch::Contains("has 33 filters (max 32)"));
}

TEST_CASE("correction: a version-2 preset on disk loads, keeps its settings and result, and designs",
          "[correction][preset][migration]")
{
    const std::string path = dataPath("presets/FA7 v2.json");
    const std::string text = readFileBytes(path);
    REQUIRE(text.find("\"version\": 2") != std::string::npos);
    const Preset p = loadPresetFile(path);
    const CorrectionSpec& s = p.spec;
    CHECK(s.mode == CorrectionMode::Parametric);
    CHECK(s.channels == ChannelMode::Average);
    CHECK(s.amount == 1.0);
    CHECK(s.autoPreamp);
    CHECK_FALSE(s.manual());
    CHECK_FALSE(s.peq.device.has_value());
    CHECK(s.designRate == 48000.0);
    CHECK(s.peq.layout == PeqLayout::AutoEq);
    CHECK(s.peq.fitLoHz == 20.0);
    CHECK(s.peq.fitHiHz == 10000.0);
    CHECK(s.peq.maxBoostDb == 6.0);
    CHECK(s.peq.maxGainDb == 12.0);
    CHECK(s.peq.minQ == 0.18);
    CHECK(s.peq.maxQ == 6.0);
    CHECK(s.iemName == "FA7");
    CHECK(s.targetName == "Harman in-ear 2019 v2");
    // The curves are the ones the v2 file carries (the raw measurement files, point for point).
    REQUIRE(s.measurement.size() == 2);
    CHECK(s.measurement[0].db == readCurveFile(measurementPath("antdroid/FA7", "L")).db);
    CHECK(s.measurement[1].freq == readCurveFile(measurementPath("antdroid/FA7", "R")).freq);
    // The stored result is kept as the v2 file has it.
    CHECK(p.result.fs == 48000.0);
    CHECK(p.result.preampDb == -6.3);
    REQUIRE(p.result.filters.size() == 1);
    REQUIRE(p.result.filters[0].size() == 10);
    CHECK(p.result.filters[0][0] == PeqFilter { FilterType::LowShelf, 105.0, -2.8, 0.7 });
    CHECK(p.result.filters[0][9] == PeqFilter { FilterType::HighShelf, 10000.0, -6.2, 0.7 });

    // It designs, at every rate, into a correction that improves on the measurement.
    for (const double fs : kRates) {
        const Correction c = designCorrection(s, fs);
        INFO(fs << " Hz: RMS " << c.rmsBeforeDb << " -> " << c.rmsAfterDb << " dB");
        REQUIRE(c.perChannel.size() == 1);
        CHECK(c.perChannel[0].filters.size() == 10);
        CHECK(c.rmsAfterDb < 0.5 * c.rmsBeforeDb);
    }
    // Saved again it is a version-3 preset that reloads to itself.
    const std::string v3 = presetToJson(p);
    CHECK(v3.find("\"version\": 3") != std::string::npos);
    CHECK(presetToJson(presetFromJson(v3, "v3.json")) == v3);
}

TEST_CASE("correction: the treble policy is stored in the preset and designs the same correction on reload",
          "[correction][preset][treble]")
{
    for (const auto policy : { TreblePolicy::Smooth, TreblePolicy::Fit, TreblePolicy::Off }) {
        INFO(treblePolicyName(policy));
        CorrectionSpec spec = specFor("antdroid/FA7", { CorrectionMode::Parametric, ChannelMode::Average, false });
        spec.peq.treble = policy;
        const Correction designed = designCorrection(spec, spec.designRate);
        const std::string text = presetToJson(makePreset(spec, designed, "test"));
        CHECK(text.find(std::string("\"treble\": \"") + treblePolicyName(policy) + "\"") != std::string::npos);
        const Preset p = presetFromJson(text, "test.json");
        CHECK(p.spec.peq.treble == policy);
        CHECK(resultOf(designCorrection(p.spec, p.result.fs)) == p.result);
    }
    // The policies design different corrections for a real IEM (else storing it would prove nothing).
    CorrectionSpec smooth = specFor("antdroid/FA7", { CorrectionMode::Parametric, ChannelMode::Average, false });
    CorrectionSpec fit = smooth;
    fit.peq.treble = TreblePolicy::Fit;
    CHECK(resultOf(designCorrection(smooth, 48000.0)) != resultOf(designCorrection(fit, 48000.0)));

    // A preset written before the policy existed reads as the default; a wrong name is an error.
    std::string text = presetToJson(makePreset(smooth, designCorrection(smooth, 48000.0), "old"));
    const std::string field = "\"treble\": \"smooth\",";
    const auto at = text.find(field);
    REQUIRE(at != std::string::npos);
    std::string old = text;
    old.erase(at, field.size());
    CHECK(presetFromJson(old, "old.json").spec.peq.treble == TreblePolicy::Smooth);
    std::string wrong = text;
    wrong.replace(at, field.size(), "\"treble\": \"sparkle\",");
    CHECK_THROWS_WITH(presetFromJson(wrong, "wrong.json"), Catch::Contains("design.treble"));
}
