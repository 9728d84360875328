#include "Args.h"

#include "Suggest.h"

#include "dsp/core/Error.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace iemeq::cli {

static bool isHelp(const std::string& a) { return a == "--help" || a == "-h"; }

static std::string dashed(const FlagSpec& s) { return "--" + s.name; }

Args::Args(const std::vector<FlagSpec>& specs, int argc, char** argv, int first, const std::string& command)
{
    for (int i = first; i < argc; ++i)
        if (isHelp(argv[i])) {
            values_["help"].push_back("1");
            return;
        }
    const std::string commandName = !command.empty() ? command : (first > 0 ? argv[0] : "");
    const auto find = [&](const std::string& name, char shortName) -> const FlagSpec* {
        for (const auto& s : specs)
            if (shortName ? s.shortName == shortName : s.name == name)
                return &s;
        return nullptr;
    };
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        const bool isLong = a.rfind("--", 0) == 0 && a.size() > 2;
        // "-j 2" / "-j2"; anything else with one dash (a "-" file name, "-o DIR" of commands
        // that read it themselves, negative numbers) stays positional.
        const FlagSpec* spec = !isLong && a.size() >= 2 && a[0] == '-' ? find("", a[1]) : nullptr;
        if (!isLong && !spec) {
            positional_.push_back(a);
            continue;
        }
        std::string name, value;
        bool inlineValue = false;
        if (isLong) {
            name = a.substr(2);
            if (const auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                inlineValue = true;
            }
            spec = find(name, 0);
            if (!spec) {
                std::vector<std::string> known;
                for (const auto& s : specs)
                    known.push_back(dashed(s));
                known.push_back("--help");
                throw Error("unknown option --" + name + didYouMean("--" + name, known, "")
                            + "; see iemeq " + commandName + " --help");
            }
        } else if (a.size() > 2) {
            value = a.substr(2);
            inlineValue = true;
        }
        name = spec->name;
        const std::string shown = spec->shortName ? std::string("-") + spec->shortName + "/--" + name : "--" + name;
        if (spec->valueName.empty()) {
            if (inlineValue)
                throw Error(shown + " takes no value");
            values_[name].push_back("1");
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= argc)
                throw Error(shown + " needs a value (" + spec->valueName + ")");
            value = argv[++i];
        }
        auto& v = values_[name];
        if (!v.empty() && !spec->repeatable)
            throw Error("--" + name + " given more than once");
        v.push_back(value);
    }
}

void Args::onlyWith(const std::string& name, bool applies, const std::string& what) const
{
    if (has(name) && !applies)
        throw Error("--" + name + " applies only with " + what);
}

void Args::notWith(const std::string& name, bool conflicts, const std::string& what) const
{
    if (has(name) && conflicts)
        throw Error("--" + name + " does not apply with " + what);
}

void Args::noPositional(const std::string& command) const
{
    if (positional_.empty())
        return;
    const std::string& a = positional_.front();
    std::string hint;
    if (a == "-o")
        hint = " (did you mean --output?)";
    else if (a.size() > 1 && a[0] == '-' && !std::isdigit(static_cast<unsigned char>(a[1])))
        hint = " (options start with --)";
    throw Error("unexpected argument '" + a + "'" + hint + "; see iemeq " + command + " --help");
}

std::vector<std::string> Args::all(const std::string& name) const
{
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string> {} : it->second;
}

std::optional<std::string> Args::get(const std::string& name) const
{
    const auto it = values_.find(name);
    if (it == values_.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::string Args::get(const std::string& name, const std::string& fallback) const
{
    return get(name).value_or(fallback);
}

double Args::number(const std::string& name, double fallback) const
{
    const auto v = get(name);
    if (!v)
        return fallback;
    char* end = nullptr;
    const double d = std::strtod(v->c_str(), &end);
    if (v->empty() || end != v->c_str() + v->size() || !std::isfinite(d))
        throw Error("--" + name + ": '" + *v + "' is not a number");
    return d;
}

int Args::integer(const std::string& name, int fallback, int lo, int hi) const
{
    const double d = number(name, fallback);
    if (!(d >= lo && d <= hi) || d != std::floor(d))
        throw Error("--" + name + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return static_cast<int>(d);
}

std::string formatHelp(const std::string& usage, const std::string& summary, const std::vector<FlagSpec>& specs)
{
    std::string out = "usage: " + usage + "\n\n" + (summary.empty() ? "" : summary + "\n\n") + "options:\n";
    for (const auto& s : specs) {
        std::string left = (s.shortName ? std::string("  -") + s.shortName + ", --" : std::string("  --")) + s.name
                           + (s.valueName.empty() ? "" : " " + s.valueName);
        if (left.size() < 26)
            left.resize(26, ' ');
        else
            left += "  ";
        out += left + s.help + (s.repeatable ? " (repeatable)" : "") + "\n";
    }
    out += "  --help                  show this help\n";
    return out;
}

} // namespace iemeq::cli
