#include "Args.h"

#include "dsp/core/Error.h"

#include <cmath>
#include <cstdlib>

namespace iemeq::cli {

Args::Args(const std::vector<FlagSpec>& specs, int argc, char** argv, int first)
{
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool inlineValue = false;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inlineValue = true;
        }
        if (name == "help") {
            values_["help"].push_back("1");
            continue;
        }
        const FlagSpec* spec = nullptr;
        for (const auto& s : specs)
            if (s.name == name)
                spec = &s;
        if (!spec)
            throw Error("unknown option --" + name + " (see --help)");
        if (spec->valueName.empty()) {
            values_[name].push_back("1");
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= argc)
                throw Error("--" + name + " needs a value (" + spec->valueName + ")");
            value = argv[++i];
        }
        auto& v = values_[name];
        if (!v.empty() && !spec->repeatable)
            throw Error("--" + name + " given more than once");
        v.push_back(value);
    }
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
    std::string out = "usage: " + usage + "\n\n" + summary + "\n\noptions:\n";
    for (const auto& s : specs) {
        std::string left = "  --" + s.name + (s.valueName.empty() ? "" : " " + s.valueName);
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
