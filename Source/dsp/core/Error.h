#pragma once
// One exception type for everything a user can get wrong (files, settings, presets).
// The message is meant to be shown as-is: it names the file, the line and the reason.
#include <stdexcept>
#include <string>

namespace iemeq {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace iemeq
