#pragma once
// Minimal command-line parsing for iemeq: `--name value`, `--name=value`, `-x value`/`-xVALUE`
// for flags with a short name, repeated flags (e.g. --fr L --fr R) and boolean switches.
// Unknown flags are errors naming the nearest valid flag and the command's --help.
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
    char shortName = 0;     // e.g. 'j' for -j N; 0: long form only
};

class Args {
public:
    // Parses argv[first..]; throws iemeq::Error on unknown flags or missing values. `command` is
    // how errors name the command ("preset show"); by default argv[0]. When --help (or -h) is
    // anywhere, nothing else is checked: has("help") is all that is set.
    Args(const std::vector<FlagSpec>& specs, int argc, char** argv, int first, const std::string& command = "");

    bool has(const std::string& name) const { return values_.count(name) != 0; }
    std::vector<std::string> all(const std::string& name) const;
    std::optional<std::string> get(const std::string& name) const;
    std::string get(const std::string& name, const std::string& fallback) const;
    double number(const std::string& name, double fallback) const;
    // A whole number within [lo, hi], checked before any conversion (so 1e300 is an error).
    int integer(const std::string& name, int fallback, int lo, int hi) const;
    const std::vector<std::string>& positional() const { return positional_; }

    // A flag that does not apply is an error, never silently ignored: throws
    // "--NAME applies only with WHAT" when NAME was given and `applies` is false.
    void onlyWith(const std::string& name, bool applies, const std::string& what) const;
    // Throws "--NAME does not apply with WHAT" when NAME was given and `conflicts` is true.
    void notWith(const std::string& name, bool conflicts, const std::string& what) const;
    // For commands that take no positional arguments: "-o x" or a stray file name is an error
    // (with the likely flag named), never silently ignored.
    void noPositional(const std::string& command) const;

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

std::string formatHelp(const std::string& usage, const std::string& summary, const std::vector<FlagSpec>& specs);

} // namespace iemeq::cli
