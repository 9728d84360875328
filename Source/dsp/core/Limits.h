#pragma once
// Limits every part of iemeq agrees on: a design, a device profile, a preset and the real-time
// cascade all accept the same number of filters, so whatever one writes the others read.
namespace iemeq {

// Largest number of parametric filters per channel (the largest device profile has 32 bands).
inline constexpr int kMaxFilters = 32;

// What a stored filter (preset, plugin state, manual filters) may hold: every reader checks the
// same ranges, so a state one reader accepted is never refused when written and read again.
inline constexpr double kFilterFcMinHz = 1.0, kFilterFcMaxHz = 100000.0;
inline constexpr double kFilterGainMaxDb = 30.0;  // |gain|
inline constexpr double kFilterQMin = 0.01, kFilterQMax = 100.0;

// What a stored curve (measurement or target in a preset or plugin state) may hold.
inline constexpr double kCurveFreqMinHz = 1e-3, kCurveFreqMaxHz = 1e6;
inline constexpr double kCurveDbMax = 300.0;  // |dB|
inline constexpr int kCurveMaxPoints = 100000;

} // namespace iemeq
