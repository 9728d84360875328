#pragma once
// Checked access to a parsed preset: every getter names the field's path ("design.maxQ") and the
// reason when the field is missing, has the wrong type or an absurd value, so a bad preset is
// rejected with a message a user can act on.
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

namespace iemeq {

class Error;

struct PresetJsonReader {
    std::string source;  // file name (or "clipboard", ...), first in every message

    Error error(const std::string& path, const std::string& reason) const;

    const nlohmann::ordered_json& object(const nlohmann::ordered_json& parent, const std::string& key, const std::string& path) const;
    const nlohmann::ordered_json& array(const nlohmann::ordered_json& parent, const std::string& key, const std::string& path) const;
    double number(const nlohmann::ordered_json& parent, const std::string& key, const std::string& path, double lo, double hi) const;
    double number(const nlohmann::ordered_json& value, const std::string& where, double lo, double hi) const;
    int integer(const nlohmann::ordered_json& parent, const std::string& key, const std::string& path, int lo, int hi) const;
    // Missing text fields take `fallback` when given, else are an error.
    std::string text(const nlohmann::ordered_json& parent, const std::string& key, const std::string& path,
                     std::optional<std::string> fallback) const;
    // Index of the field's value among `options`.
    int choice(const nlohmann::ordered_json& parent, const std::string& key, const std::string& path,
               std::initializer_list<const char*> options) const;
};

// Version 1 (curves as {frequency[], db[]}, "settings" without limits/mode) to version 2.
nlohmann::ordered_json migratePresetV1(const PresetJsonReader& r, const nlohmann::ordered_json& v1);

} // namespace iemeq
