#pragma once
// Limits every part of iemeq agrees on: a design, a device profile, a preset and the real-time
// cascade all accept the same number of filters, so whatever one writes the others read.
namespace iemeq {

// Largest number of parametric filters per channel (the largest device profile has 32 bands).
inline constexpr int kMaxFilters = 32;

} // namespace iemeq
