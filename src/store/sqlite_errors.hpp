#pragma once
// Turning SQLite failures into relief's errors with a message a person can act on.
#include <SQLiteCpp/Exception.h>
#include <string>
#include <utility>

namespace relief::store {

[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& path);

// Runs `work`, translating any SQLite::Exception for the journal at `path`.
template <class Work> decltype(auto) guarded(const std::string& path, Work&& work) {
    try {
        return std::forward<Work>(work)();
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e, path);
    }
}

} // namespace relief::store
