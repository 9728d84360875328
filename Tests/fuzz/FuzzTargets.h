#pragma once
// The fuzzed entry points, shared by the libFuzzer executables (one per target, see
// cmake/IemeqFuzz.cmake) and by the regression replay test that runs in every normal build.
//
// Contract each target checks: any input is either accepted, with an output that respects the
// documented invariants (finite, sorted, round-trips), or rejected with iemeq::Error. Anything
// else (another exception type, a broken invariant, a sanitizer report, a crash) is a bug:
// invariant failures throw fuzz::Broken, which libFuzzer reports as a crash.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace iemeq::fuzz {

struct Broken : std::logic_error {
    using std::logic_error::logic_error;
};

inline void require(bool ok, const char* what)
{
    if (!ok)
        throw Broken(what);
}

// Each returns true when the input was accepted, false when it was rejected with iemeq::Error.
bool curveText(const std::uint8_t* data, std::size_t size);   // io/CurveReader parseCurveTextDetailed
bool apo(const std::uint8_t* data, std::size_t size);         // io/ApoFormat parseApo
bool graphicEq(const std::uint8_t* data, std::size_t size);   // io/GraphicEq parseGraphicEq
bool preset(const std::uint8_t* data, std::size_t size);      // preset presetFromJson (+ round trip)
bool pluginState(const std::uint8_t* data, std::size_t size); // plugin/PluginState stateFromJson
bool phoneBook(const std::uint8_t* data, std::size_t size);   // library/PhoneBook parsePhoneBook (+ search)

inline std::string text(const std::uint8_t* data, std::size_t size)
{
    return std::string(reinterpret_cast<const char*>(data), size);
}

} // namespace iemeq::fuzz
