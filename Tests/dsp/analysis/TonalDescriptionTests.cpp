// The word rules, each tested with synthetic curves just past and just short of its threshold.
#include "ReviewCurves.h"

#include "dsp/analysis/TonalDescription.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace iemeq;
using T = TonalThresholds;

namespace {

using Bands = std::array<double, kReviewBandCount>;

bool hasWord(const Bands& rel, const std::string& word)
{
    const auto d = measureBandDeviations(test::curveWithBandDeviations(rel), test::flatTarget());
    const auto words = describeTone(d);
    return std::any_of(words.begin(), words.end(), [&](const TonalWord& w) { return w.word == word; });
}

// The word appears at `threshold` pushed 0.01 dB past it and not 0.01 dB short of it.
// `set` puts a value into the bands, starting from all zero; `upward` says which side triggers.
template <typename Set>
void checkThreshold(const std::string& word, double threshold, bool upward, Set set)
{
    const double eps = 0.01;
    Bands past{}, short_{};
    set(past, upward ? threshold + eps : threshold - eps);
    set(short_, upward ? threshold - eps : threshold + eps);
    INFO(word << " at threshold " << threshold);
    REQUIRE(hasWord(past, word));
    REQUIRE_FALSE(hasWord(short_, word));
}

} // namespace

TEST_CASE("tonal words: a curve on its target is neutral and nothing else", "[analysis][tone]")
{
    const auto d = measureBandDeviations(test::curveWithBandDeviations({}), test::flatTarget());
    const auto words = describeTone(d);
    REQUIRE(words.size() == 1);
    REQUIRE(words[0].word == "neutral");
    REQUIRE(toneSentence({}) == "no band stands out from the target");
}

TEST_CASE("tonal words: each rule switches at its threshold", "[analysis][tone]")
{
    checkThreshold("neutral", T::neutralWithin, false, [](Bands& b, double v) { b[Bass] = v; });
    checkThreshold("deep sub-bass rumble", T::subBassRumble, true, [](Bands& b, double v) { b[SubBass] = v; });
    checkThreshold("rolled-off sub-bass", T::subBassRolledOff, false, [](Bands& b, double v) { b[SubBass] = v; });
    checkThreshold("boomy", T::boomyBass, true, [](Bands& b, double v) { b[Bass] = v; });
    // body = mean(bass, lower mids): both at the value.
    checkThreshold("full", T::fullBody, true, [](Bands& b, double v) { b[Bass] = b[LowerMids] = v; });
    checkThreshold("thin", T::thinBody, false, [](Bands& b, double v) { b[Bass] = b[LowerMids] = v; });
    // Constant bass: the 100-200 Hz punch equals the bass band.
    checkThreshold("punchy", T::punchy, true, [](Bands& b, double v) { b[Bass] = v; });
    checkThreshold("warm", T::warmLowerMids, true, [](Bands& b, double v) { b[LowerMids] = v; });
    checkThreshold("recessed mids", T::recessedMids, false, [](Bands& b, double v) { b[Mids] = v; });
    checkThreshold("forward upper mids", T::forwardUpperMids, true, [](Bands& b, double v) { b[UpperMids] = v; });
    checkThreshold("relaxed upper mids", T::relaxedUpperMids, false, [](Bands& b, double v) { b[UpperMids] = v; });
    checkThreshold("V-shaped", T::vShape, true, [](Bands& b, double v) { b[Bass] = 3.0; b[Treble] = v; });
    checkThreshold("V-shaped", T::vShape, true, [](Bands& b, double v) { b[Bass] = v; b[Treble] = 3.0; });
    // balance = mean(upper mids, treble) - mean(sub-bass, bass): treble alone moves it by half.
    checkThreshold("bright", T::bright, true, [](Bands& b, double v) { b[UpperMids] = b[Treble] = v; });
    checkThreshold("bright", T::bright, true, [](Bands& b, double v) { b[SubBass] = b[Bass] = -v; });
    checkThreshold("dark", T::dark, false, [](Bands& b, double v) { b[UpperMids] = b[Treble] = v; });
    // 4-6 kHz straddles upper mids and treble: both at the value.
    checkThreshold("soft attack", T::softAttack, false, [](Bands& b, double v) { b[UpperMids] = b[Treble] = v; });
    // A constant treble band peaks at its own level within 6-8 kHz.
    checkThreshold("sibilance risk near 6-8 kHz", T::sibilancePeak, true, [](Bands& b, double v) { b[Treble] = v; });
    checkThreshold("airy", T::airy, true, [](Bands& b, double v) { b[Air] = v; });
    checkThreshold("rolled-off air", T::rolledOffAir, false, [](Bands& b, double v) { b[Air] = v; });
}

TEST_CASE("tonal words: boomy replaces full and punchy", "[analysis][tone]")
{
    Bands b{};
    b[Bass] = b[LowerMids] = 4.5;
    REQUIRE(hasWord(b, "boomy"));
    REQUIRE_FALSE(hasWord(b, "full"));
    REQUIRE_FALSE(hasWord(b, "punchy"));
}

TEST_CASE("tonal words: a narrow 7 kHz peak is a sibilance risk while the treble band stays modest",
          "[analysis][tone]")
{
    // A triangle in log-frequency, +8 dB at 7 kHz, 1/6 octave to each side: its 1/6-octave mean at
    // the top is 8 * (1 - 1/4) = 6 dB; the 5-10 kHz band mean is 8 * (1/6) / 1 = 1.33 dB.
    FrequencyCurve c = test::curveWithBandDeviations({});
    FrequencyCurve peaked;
    for (double f = 20.0; f <= 20000.0; f *= std::pow(2.0, 1.0 / 96.0)) {
        const double x = std::fabs(std::log2(f / 7000.0)) * 6.0;
        peaked.freq.push_back(f);
        peaked.db.push_back(levelAt(c, f) + (x < 1.0 ? 8.0 * (1.0 - x) : 0.0));
    }
    peaked.freq.back() = 20000.0;
    const auto d = measureBandDeviations(peaked, test::flatTarget());
    REQUIRE(d.db[Treble] == Approx(8.0 / 6.0).margin(0.02));
    REQUIRE(d.sibilancePeakDb == Approx(6.0).margin(0.05));
    REQUIRE(d.sibilancePeakHz == Approx(7000.0).epsilon(0.01));
    const auto words = describeTone(d);
    // Every band is within 1.5 dB, so the words say neutral but warn about the peak.
    REQUIRE(toneSentence(words) == "neutral and sibilance risk near 6-8 kHz");
    REQUIRE(words[1].reason == "peak at 7.0 kHz +6.0 dB (>= +4.0)");
}

TEST_CASE("tonal words: the sentence joins words with commas and a final 'and'", "[analysis][tone]")
{
    REQUIRE(toneSentence({ { "full", "" } }) == "full");
    REQUIRE(toneSentence({ { "full", "" }, { "warm", "" } }) == "full and warm");
    REQUIRE(toneSentence({ { "full", "" }, { "warm", "" }, { "bright", "" } }) == "full, warm and bright");
    REQUIRE(tonalRules().size() == 18);
}
