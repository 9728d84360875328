#include "TonalDescription.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace iemeq {

namespace {

using T = TonalThresholds;

std::string signedDb(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f dB", v);
    return buf;
}

std::string because(const char* what, double value, const char* op, double threshold)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, " (%s %+.1f)", op, threshold);
    return std::string(what) + " " + signedDb(value) + buf;
}

double body(const BandDeviations& d) { return 0.5 * (d.db[Bass] + d.db[LowerMids]); }

struct Rule {
    TonalRule text;
    // Returns the reason when the rule holds, else an empty string.
    std::function<std::string(const BandDeviations&)> test;
};

const std::vector<Rule>& rules()
{
    static const std::vector<Rule> table = {
        { { "neutral", "every band from sub-bass to treble within +-1.5 dB" },
          [](const BandDeviations& d) {
              double worst = 0.0;
              for (std::size_t b = SubBass; b <= Treble; ++b)
                  worst = std::max(worst, std::fabs(d.db[b]));
              return worst <= T::neutralWithin ? because("largest band deviation", worst, "<=", T::neutralWithin)
                                               : std::string();
          } },
        { { "deep sub-bass rumble", "sub-bass (20-60 Hz) >= +3 dB" },
          [](const BandDeviations& d) {
              return d.db[SubBass] >= T::subBassRumble ? because("sub-bass", d.db[SubBass], ">=", T::subBassRumble) : "";
          } },
        { { "rolled-off sub-bass", "sub-bass <= -4 dB" },
          [](const BandDeviations& d) {
              return d.db[SubBass] <= T::subBassRolledOff ? because("sub-bass", d.db[SubBass], "<=", T::subBassRolledOff) : "";
          } },
        { { "boomy", "bass (60-250 Hz) >= +4 dB" },
          [](const BandDeviations& d) {
              return d.db[Bass] >= T::boomyBass ? because("bass", d.db[Bass], ">=", T::boomyBass) : "";
          } },
        { { "full", "mean(bass, lower mids) >= +1.5 dB, and not boomy" },
          [](const BandDeviations& d) {
              return body(d) >= T::fullBody && d.db[Bass] < T::boomyBass
                         ? because("mean of bass and lower mids", body(d), ">=", T::fullBody) : "";
          } },
        { { "thin", "mean(bass, lower mids) <= -2 dB" },
          [](const BandDeviations& d) {
              return body(d) <= T::thinBody ? because("mean of bass and lower mids", body(d), "<=", T::thinBody) : "";
          } },
        { { "punchy", "punch (100-200 Hz) >= +2 dB, and not boomy" },
          [](const BandDeviations& d) {
              return d.punchDb >= T::punchy && d.db[Bass] < T::boomyBass ? because("100-200 Hz", d.punchDb, ">=", T::punchy) : "";
          } },
        { { "warm", "lower mids (250-500 Hz) >= +2 dB" },
          [](const BandDeviations& d) {
              return d.db[LowerMids] >= T::warmLowerMids ? because("lower mids", d.db[LowerMids], ">=", T::warmLowerMids) : "";
          } },
        { { "recessed mids", "mids (500 Hz-2 kHz) <= -2 dB" },
          [](const BandDeviations& d) {
              return d.db[Mids] <= T::recessedMids ? because("mids", d.db[Mids], "<=", T::recessedMids) : "";
          } },
        { { "forward upper mids", "upper mids (2-5 kHz) >= +2.5 dB" },
          [](const BandDeviations& d) {
              return d.db[UpperMids] >= T::forwardUpperMids ? because("upper mids", d.db[UpperMids], ">=", T::forwardUpperMids) : "";
          } },
        { { "relaxed upper mids", "upper mids <= -3 dB" },
          [](const BandDeviations& d) {
              return d.db[UpperMids] <= T::relaxedUpperMids ? because("upper mids", d.db[UpperMids], "<=", T::relaxedUpperMids) : "";
          } },
        { { "V-shaped", "bass >= +2 dB and treble (5-10 kHz) >= +2 dB" },
          [](const BandDeviations& d) {
              return d.db[Bass] >= T::vShape && d.db[Treble] >= T::vShape
                         ? because("bass", d.db[Bass], ">=", T::vShape) + ", " + because("treble", d.db[Treble], ">=", T::vShape)
                         : "";
          } },
        { { "bright", "dark-bright balance >= +3 dB" },
          [](const BandDeviations& d) {
              return d.balanceDb >= T::bright ? because("dark-bright balance", d.balanceDb, ">=", T::bright) : "";
          } },
        { { "dark", "dark-bright balance <= -3 dB" },
          [](const BandDeviations& d) {
              return d.balanceDb <= T::dark ? because("dark-bright balance", d.balanceDb, "<=", T::dark) : "";
          } },
        { { "soft attack", "attack (4-6 kHz) <= -3 dB" },
          [](const BandDeviations& d) {
              return d.attackDb <= T::softAttack ? because("4-6 kHz", d.attackDb, "<=", T::softAttack) : "";
          } },
        { { "sibilance risk near 6-8 kHz", "1/6-octave peak within 6-8 kHz >= +4 dB" },
          [](const BandDeviations& d) {
              if (d.sibilancePeakDb < T::sibilancePeak)
                  return std::string();
              char at[48];
              std::snprintf(at, sizeof at, "peak at %.1f kHz", d.sibilancePeakHz / 1000.0);
              return because(at, d.sibilancePeakDb, ">=", T::sibilancePeak);
          } },
        { { "airy", "air (10-20 kHz) >= +3 dB" },
          [](const BandDeviations& d) {
              return d.db[Air] >= T::airy ? because("air", d.db[Air], ">=", T::airy) : "";
          } },
        { { "rolled-off air", "air <= -5 dB" },
          [](const BandDeviations& d) {
              return d.db[Air] <= T::rolledOffAir ? because("air", d.db[Air], "<=", T::rolledOffAir) : "";
          } },
    };
    return table;
}

} // namespace

const std::vector<TonalRule>& tonalRules()
{
    static const std::vector<TonalRule> texts = [] {
        std::vector<TonalRule> t;
        for (const auto& r : rules())
            t.push_back(r.text);
        return t;
    }();
    return texts;
}

std::vector<TonalWord> describeTone(const BandDeviations& d)
{
    std::vector<TonalWord> words;
    for (const auto& r : rules()) {
        std::string reason = r.test(d);
        if (!reason.empty())
            words.push_back({ r.text.word, std::move(reason) });
    }
    return words;
}

std::string toneSentence(const std::vector<TonalWord>& words)
{
    if (words.empty())
        return "no band stands out from the target";
    std::string s;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            s += (i + 1 == words.size()) ? " and " : ", ";
        s += words[i].word;
    }
    return s;
}

} // namespace iemeq
