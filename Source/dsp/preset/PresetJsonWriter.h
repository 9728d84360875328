#pragma once
// Canonical JSON text for presets: keys in insertion order, numbers in nlohmann's shortest
// round-trip form, two-space indentation, arrays of plain values on one line (so a curve is one
// "[frequency, dB]" point per line). The same value always gives the same bytes.
#include <nlohmann/json.hpp>

#include <string>

namespace iemeq {

std::string writeCanonicalJson(const nlohmann::ordered_json& value);

} // namespace iemeq
