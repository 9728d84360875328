#pragma once
// Any exception as one line in iemeq's words, for places that report an error and carry on
// (`iemeq batch` prints one per IEM in its summary) and for the CLI's top level: a user never
// sees a library's raw text such as "std::bad_alloc".
#include <exception>
#include <string>

namespace iemeq {

struct ErrorText {
    std::string message;    // iemeq::Error as it is; "PATH: reason" for file-system errors; "out of memory"
    bool internal = false;  // not the user's doing (a bug): say "internal error (please report it)"
};

// Call with std::current_exception() inside a catch block. A null pointer is an internal error.
ErrorText errorText(const std::exception_ptr& e);

// "error: <message>" or "internal error (please report it): <message>".
std::string errorLine(const ErrorText& e);

} // namespace iemeq
