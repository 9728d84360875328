#pragma once
// iemeq's version: set once, by project(VERSION) in CMakeLists.txt, for the CLI, the plugin
// (JUCE takes the same number) and what presets record.
namespace iemeq {

#ifdef IEMEQ_VERSION
inline constexpr const char* kVersion = IEMEQ_VERSION;
#else
inline constexpr const char* kVersion = "unknown";
#endif

} // namespace iemeq
