#pragma once
// Plain words for a response's tonality relative to its target, in the sound-wheel vocabulary
// reviewers use. Every word comes from one rule on the band deviations (BandDeviations.h: dB
// relative to the target, level-matched over 300 Hz-3 kHz); no other judgement is involved.
//
//   word                          rule (deviations in dB relative to the target)
//   ----------------------------  -------------------------------------------------------------
//   neutral                       every band from sub-bass to treble within +-1.5
//   deep sub-bass rumble          sub-bass (20-60 Hz) >= +3
//   rolled-off sub-bass           sub-bass <= -4
//   boomy                         bass (60-250 Hz) >= +4
//   full                          mean(bass, lower mids) >= +1.5, and not boomy
//   thin                          mean(bass, lower mids) <= -2
//   punchy                        punch (100-200 Hz) >= +2, and not boomy
//   warm                          lower mids (250-500 Hz) >= +2
//   recessed mids                 mids (500 Hz-2 kHz) <= -2
//   forward upper mids            upper mids (2-5 kHz) >= +2.5
//   relaxed upper mids            upper mids <= -3
//   V-shaped                      bass >= +2 and treble (5-10 kHz) >= +2
//   bright                        dark-bright balance >= +3
//   dark                          dark-bright balance <= -3
//   soft attack                   attack (4-6 kHz) <= -3
//   sibilance risk near 6-8 kHz   1/6-octave peak within 6-8 kHz >= +4
//   airy                          air (10-20 kHz) >= +3
//   rolled-off air                air <= -5
//
// dark-bright balance = mean(upper mids, treble) - mean(sub-bass, bass). The air thresholds are
// wider because coupler measurements above 8 kHz may not match the eardrum. A rule holds when
// its number reaches the threshold (>= or <=), so a value exactly at the threshold gets the word.
#include "BandDeviations.h"

#include <string>
#include <vector>

namespace iemeq {

// The thresholds of the table above, named so tests and docs refer to one source.
struct TonalThresholds {
    static constexpr double neutralWithin = 1.5;
    static constexpr double subBassRumble = 3.0, subBassRolledOff = -4.0;
    static constexpr double boomyBass = 4.0;
    static constexpr double fullBody = 1.5, thinBody = -2.0;
    static constexpr double punchy = 2.0;
    static constexpr double warmLowerMids = 2.0;
    static constexpr double recessedMids = -2.0;
    static constexpr double forwardUpperMids = 2.5, relaxedUpperMids = -3.0;
    static constexpr double vShape = 2.0;
    static constexpr double bright = 3.0, dark = -3.0;
    static constexpr double softAttack = -3.0;
    static constexpr double sibilancePeak = 4.0;
    static constexpr double airy = 3.0, rolledOffAir = -5.0;
};

struct TonalWord {
    std::string word;    // e.g. "forward upper mids"
    std::string reason;  // the number that produced it, e.g. "upper mids +3.1 dB (>= +2.5)"
};

struct TonalRule {
    const char* word;
    const char* rule;  // the rule as written in the table above
};

// The rule table, in the order words are reported.
const std::vector<TonalRule>& tonalRules();

// The words whose rules hold, in table order.
std::vector<TonalWord> describeTone(const BandDeviations& d);

// One sentence: "full, warm and forward upper mids", or "no band stands out from the target"
// when no rule holds.
std::string toneSentence(const std::vector<TonalWord>& words);

} // namespace iemeq
