#include "PresetJsonWriter.h"

namespace iemeq {

using ojson = nlohmann::ordered_json;

static bool isFlat(const ojson& a)
{
    for (const auto& v : a)
        if (v.is_structured())
            return false;
    return true;
}

static void write(const ojson& v, int indent, std::string& out, bool inArray = false)
{
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    if (v.is_object()) {
        if (v.empty()) {
            out += "{}";
            return;
        }
        if (inArray && isFlat(v)) {  // e.g. one filter per line
            out += "{";
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                out += first ? "" : ", ";
                first = false;
                out += ojson(it.key()).dump();
                out += ": ";
                write(it.value(), indent, out);
            }
            out += "}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += first ? "" : ",\n";
            first = false;
            out += pad;
            out += ojson(it.key()).dump();
            out += ": ";
            write(it.value(), indent + 2, out);
        }
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
        out += '}';
    } else if (v.is_array()) {
        if (v.empty() || isFlat(v)) {
            out += "[";
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i)
                    out += ", ";
                write(v[i], indent, out);
            }
            out += "]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i)
                out += ",\n";
            out += pad;
            write(v[i], indent + 2, out, true);
        }
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
        out += ']';
    } else {
        // Strings are escaped as UTF-8; invalid UTF-8 is replaced rather than thrown.
        out += v.dump(-1, ' ', false, ojson::error_handler_t::replace);
    }
}

std::string writeCanonicalJson(const ojson& value)
{
    std::string out;
    write(value, 0, out);
    out += "\n";
    return out;
}

} // namespace iemeq
