#include "ErrorText.h"

#include "Error.h"

#include <filesystem>
#include <new>

namespace iemeq {

ErrorText errorText(const std::exception_ptr& e)
{
    try {
        if (e)
            std::rethrow_exception(e);
    } catch (const Error& x) {
        return { x.what(), false };
    } catch (const std::filesystem::filesystem_error& x) {
        const std::string path = x.path1().empty() ? "" : x.path1().string() + ": ";
        return { path + x.code().message(), false };
    } catch (const std::bad_alloc&) {
        // Also std::bad_array_new_length: a size no machine has, which is running out too.
        return { "out of memory", false };
    } catch (const std::exception& x) {
        return { x.what(), true };
    } catch (...) {
        return { "unknown exception", true };
    }
    return { "no exception", true };
}

std::string errorLine(const ErrorText& e)
{
    return (e.internal ? "internal error (please report it): " : "error: ") + e.message;
}

} // namespace iemeq
