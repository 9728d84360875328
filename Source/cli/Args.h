#pragma once
// Minimal command-line parsing for iemeq: `--name value`, `--name=value`, repeated flags
// (e.g. --fr L --fr R) and boolean switches. Unknown flags are errors, with the command's help.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iemeq::cli {

struct FlagSpec {
    std::string name;       // without dashes, e.g. "fr"
    std::string valueName;  // empty for switches, e.g. "FILE"
    std::string help;
    bool repeatable = false;
};

class Args {
public:
    // Parses argv[first..]; throws iemeq::Error on unknown flags or missing values.
    Args(const std::vector<FlagSpec>& specs, int argc, char** argv, int first);

    bool has(const std::string& name) const { return values_.count(name) != 0; }
    std::vector<std::string> all(const std::string& name) const;
    std::optional<std::string> get(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback) const;
    double number(const std::string& name, double fallback) const;
    // A whole number within [lo, hi], checked before any conversion (so 1e300 is an error).
    int integer(const std::string& name, int fallback, int lo, int hi) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

std::string formatHelp(const std::string& usage, const std::string& summary, const std::vector<FlagSpec>& specs);

} // namespace iemeq::cli
