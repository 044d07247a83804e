#pragma once
// What the store's files share behind relief/store/journal.hpp: the connection
// (Journal::Impl) and the few helpers more than one of them needs. The
// journal is split by job: journal_open.cpp (opening, creating, locking),
// journal_read.cpp (reads), journal_write.cpp (changes, undo and redo),
// journal_check.cpp (check and backup), journal_wal.cpp (WAL trimming).
#include "relief/core/files/file_descriptor.hpp"
#include "relief/store/journal.hpp"

#include <SQLiteCpp/Database.h>
#include <memory>
#include <string>
#include <string_view>

namespace relief {

struct Journal::Impl {
    std::string path;
    bool created = false; // this open made the file
    // Held while a new journal is set up, so that eight processes logging into
    // a journal that does not exist yet take turns creating it instead of
    // racing (the WAL switch does not wait for a busy lock). Closed only after
    // `db`: closing any descriptor of the file drops SQLite's POSIX locks.
    FileDescriptor setup_lock;
    // The file itself while `db` is an upgraded copy of it in memory (an
    // older schema, opened to read): relief check checks the file.
    std::unique_ptr<SQLite::Database> file_db;
    std::unique_ptr<SQLite::Database> db; // null: no journal yet, opened for reading
};

namespace store {

// How long a command waits for another relief's write before giving up.
inline constexpr int k_busy_timeout_ms = 10000;

// A journal of an older schema, opened to read, may not have the table yet.

} // namespace store
} // namespace relief
