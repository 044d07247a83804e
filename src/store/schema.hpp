#pragma once
// The journal's schema as an ordered list of migrations (PRAGMA user_version).
#include <SQLiteCpp/Database.h>
#include <string>

namespace relief::store {

int latest_schema_version() noexcept;

// Brings `db` up to the latest version, each migration in its own
// transaction. Refuses (UnusableError, exit 3) a journal from a newer relief
// or a database that is not a relief journal, leaving it untouched.
void migrate(SQLite::Database& db, const std::string& path);

// True unless `db` is at the latest version (one cheap read).
bool needs_migration(SQLite::Database& db);

// Checks, without writing, that `db` is a journal this build can read: false
// for an empty database (a journal not set up yet), UnusableError for one
// from a newer relief or one that is not a journal.
bool check_readable(SQLite::Database& db, const std::string& path);

} // namespace relief::store
