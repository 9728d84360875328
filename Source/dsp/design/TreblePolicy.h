#pragma once
// How a correction treats the treble, shared by the parametric designer and the FIR correction.
//
// Why: an IEC-711 coupler (every measurement iemeq reads) reproduces an ear canal reliably up to
// about 6 kHz. Above that its own resonances, the insertion depth and the listener's canal decide
// the peaks and notches, so a narrow feature at 9 kHz in a measurement is usually not what anyone
// hears. Careful reviewers therefore fit the full-resolution error up to ~6 kHz, fade to ~8 kHz,
// and above that match only the broad (about 1-octave) level, adding no narrow structure.
//
//   Smooth (default)  full-resolution fit below kReliableHz; between kReliableHz and
//                     kTransitionHz the fitted curve fades to its 1-octave average; above
//                     kTransitionHz only that average level is matched (up to kTrebleTopHz).
//   Fit               the whole fit band at full resolution (fitHiHz; the old behaviour),
//                     for curves that are not coupler measurements (a GraphicEQ to re-fit).
//   Off               no correction above the transition: the EQ fades to 0 dB there.
#include <cmath>
#include <optional>
#include <string>

namespace iemeq {

enum class TreblePolicy { Smooth, Fit, Off };

namespace treble {
inline constexpr double kReliableHz = 6000.0;     // full-resolution fit up to here
inline constexpr double kTransitionHz = 8000.0;   // ... fading to the broad level by here
inline constexpr double kSmoothingOctaves = 1.0;  // what "broad level" means
inline constexpr double kTrebleTopHz = 16000.0;   // the broad level is matched up to here
// Smooth and Off: no peak centred above kCalmAboveHz is narrower than kCalmMaxQ (0.7 octave
// between its half-gain points), so the EQ adds no narrow structure there.
inline constexpr double kCalmAboveHz = 7000.0;
inline constexpr double kCalmMaxQ = 2.0;
} // namespace treble

// 0 at and below kReliableHz, 1 at and above kTransitionHz, a raised cosine in log-frequency
// between (so neither the fitted curve nor its slope jumps).
inline double trebleBlend(double hz)
{
    if (hz <= treble::kReliableHz)
        return 0.0;
    if (hz >= treble::kTransitionHz)
        return 1.0;
    const double t = std::log(hz / treble::kReliableHz) / std::log(treble::kTransitionHz / treble::kReliableHz);
    return 0.5 - 0.5 * std::cos(3.14159265358979323846 * t);
}

inline const char* treblePolicyName(TreblePolicy p)
{
    switch (p) {
    case TreblePolicy::Smooth: return "smooth";
    case TreblePolicy::Fit: return "fit";
    case TreblePolicy::Off: return "off";
    }
    return "smooth";
}

// "smooth", "fit" or "off"; anything else is nullopt (callers word their own error).
inline std::optional<TreblePolicy> treblePolicyFromName(const std::string& name)
{
    if (name == "smooth") return TreblePolicy::Smooth;
    if (name == "fit") return TreblePolicy::Fit;
    if (name == "off") return TreblePolicy::Off;
    return std::nullopt;
}

} // namespace iemeq
