#include "sqlite_errors.hpp"

#include "relief/core/error.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace relief::store {

void rethrow_sqlite(const SQLite::Exception& e, const std::string& path) {
    switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw UnusableError(fmt::format("the journal {} is locked by another program and stayed "
                                        "locked for 10 s; nothing was changed, try again",
                                        path));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        throw DamagedError(fmt::format("the journal {} is damaged or not a journal ({}); "
                                       "`relief check` tells more",
                                       path, e.what()),
                           e.what());
    case SQLITE_IOERR:
        throw UnusableError(fmt::format("input/output error on the journal {} ({}); the disk may "
                                        "be full or failing; nothing was changed",
                                        path, e.what()));
    case SQLITE_FULL:
        throw UnusableError(fmt::format("cannot write the journal {}: the disk is full; "
                                        "nothing was changed",
                                        path));
    case SQLITE_READONLY:
    case SQLITE_PERM:
        throw UnusableError(fmt::format("cannot write the journal {}: it is read-only ({}); "
                                        "nothing was changed",
                                        path, e.what()));
    case SQLITE_CANTOPEN:
        throw UnusableError(fmt::format("cannot open the journal {}: {}", path, e.what()));
    case SQLITE_CONSTRAINT:
        throw Error(ExitCode::internal,
                    fmt::format("the journal refused a record that passed validation ({}); "
                                "this is a bug in relief",
                                e.what()));
    default:
        throw UnusableError(fmt::format("cannot use the journal {}: {}", path, e.what()));
    }
}

} // namespace relief::store
