// errorText(): any exception as one line in iemeq's words (what `iemeq batch` prints per IEM and
// the CLI's top level prints), never a library's raw text such as "std::bad_alloc".
#include "dsp/core/Error.h"
#include "dsp/core/ErrorText.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <new>
#include <stdexcept>

using namespace iemeq;

namespace {
template <typename F>
ErrorText textOf(F&& f)
{
    try {
        f();
    } catch (...) {
        return errorText(std::current_exception());
    }
    FAIL("nothing was thrown");
    return {};
}
} // namespace

TEST_CASE("error text: out of memory in iemeq's words", "[dsp][errors]")
{
    const ErrorText e = textOf([] { throw std::bad_alloc(); });
    CHECK(e.message == "out of memory");
    CHECK(!e.internal);
    CHECK(errorLine(e) == "error: out of memory");
    // std::bad_array_new_length (a size no machine has) is a bad_alloc: the same to a user.
    CHECK(textOf([] { throw std::bad_array_new_length(); }).message == "out of memory");
}

TEST_CASE("error text: iemeq errors as they are, file-system errors with the path", "[dsp][errors]")
{
    CHECK(errorLine(textOf([] { throw Error("x.txt: line 3: not a number"); })) == "error: x.txt: line 3: not a number");
    const ErrorText fs = textOf([] {
        throw std::filesystem::filesystem_error("raw library text", "/no/such/dir",
                                                std::make_error_code(std::errc::no_such_file_or_directory));
    });
    CHECK(fs.message == "/no/such/dir: " + std::make_error_code(std::errc::no_such_file_or_directory).message());
    CHECK(fs.message.find("raw library text") == std::string::npos);
    CHECK(!fs.internal);
}

TEST_CASE("error text: anything else is an internal error to report", "[dsp][errors]")
{
    const ErrorText e = textOf([] { throw std::logic_error("vector::_M_range_check"); });
    CHECK(e.internal);
    CHECK(errorLine(e) == "internal error (please report it): vector::_M_range_check");
    CHECK(textOf([] { throw 42; }).internal);
}
