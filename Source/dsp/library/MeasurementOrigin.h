#pragma once
// Where a measurement came from, so a preset and a report can credit it and anyone can fetch the
// very same bytes again: the library (the user's name for it), the site or folder, the IEM as the
// site names it, and each file with its SHA-256.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace iemeq::library {

struct MeasurementOrigin {
    std::string library;              // "antdroid"
    std::string site;                 // "https://example.squig.link/" or a folder
    std::string iem;                  // "Campfire Audio Andromeda" (+ " - 2.7 Ohm" when a variant)
    std::vector<std::string> files;   // as on the site, e.g. "data/Andromeda L.txt", L then R
    std::vector<std::string> sha256;  // of each file's bytes, 64 hex digits, parallel to files

    bool empty() const { return library.empty() && site.empty() && files.empty(); }
    bool operator==(const MeasurementOrigin&) const = default;
};

// One line for reports and logs: "antdroid (https://...): Moondrop Blessing 2 — data/Blessing 2 L.txt
// (sha256 0123abcd...), data/Blessing 2 R.txt (sha256 ...)". Checksums cut to 16 digits.
std::string creditLine(const MeasurementOrigin& origin);

// As presets store it ("iem": {"origin": {...}}): library, site, iem, files, sha256, in that order.
nlohmann::ordered_json originToJson(const MeasurementOrigin& origin);

// Reads what originToJson writes. Throws iemeq::Error "WHERE.field: reason" (WHERE e.g.
// "eq.json: iem.origin") for a wrong type, a checksum that is not 64 hex digits, or files and
// checksums of different counts. Missing fields are empty.
MeasurementOrigin originFromJson(const nlohmann::ordered_json& value, const std::string& where);

} // namespace iemeq::library
