#include "schema.hpp"

#include "relief/core/error.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <array>
#include <fmt/format.h>
#include <optional>
#include <string_view>

namespace relief::store {
namespace {

// Migration i (1-based) takes the journal from version i-1 to i. Never edit a
// migration that has shipped: add a new one.
constexpr std::array<std::string_view, 5> k_migrations = {
    // 1: check-ins, sessions, and the undo log (steps + shelved old versions).
    // The CHECK constraints mirror validate.cpp so that no path can store an
    // impossible value.
    R"sql(
CREATE TABLE step (
    id        INTEGER PRIMARY KEY,
    action    TEXT    NOT NULL CHECK (action IN ('log', 'edit', 'delete', 'import', 'demo')),
    summary   TEXT    NOT NULL,
    made_utc  INTEGER NOT NULL
);
CREATE TABLE checkin (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT    NOT NULL UNIQUE CHECK (length(uuid) = 36 AND uuid = lower(uuid)),
    at_utc          INTEGER NOT NULL CHECK (typeof(at_utc) = 'integer'),
    at_offset       INTEGER NOT NULL CHECK (at_offset BETWEEN -840 AND 840),
    recorded_utc    INTEGER NOT NULL CHECK (typeof(recorded_utc) = 'integer'),
    recorded_offset INTEGER NOT NULL CHECK (recorded_offset BETWEEN -840 AND 840),
    pain            INTEGER CHECK (pain IS NULL OR (typeof(pain) = 'integer' AND pain BETWEEN 0 AND 10)),
    mood            INTEGER CHECK (mood IS NULL OR (typeof(mood) = 'integer' AND mood BETWEEN 0 AND 10)),
    sleep_hours     REAL    CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
    sleep_quality   INTEGER CHECK (sleep_quality IS NULL OR (typeof(sleep_quality) = 'integer' AND sleep_quality BETWEEN 0 AND 10)),
    areas           TEXT,
    tags            TEXT,
    note            TEXT    CHECK (note IS NULL OR length(CAST(note AS BLOB)) <= 4000),
    step            INTEGER NOT NULL REFERENCES step (id),
    CHECK (pain IS NOT NULL OR mood IS NOT NULL OR sleep_hours IS NOT NULL OR sleep_quality IS NOT NULL)
);
CREATE INDEX checkin_by_time ON checkin (at_utc);
CREATE INDEX checkin_by_step ON checkin (step);
CREATE TABLE session (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT    NOT NULL UNIQUE CHECK (length(uuid) = 36 AND uuid = lower(uuid)),
    at_utc          INTEGER NOT NULL CHECK (typeof(at_utc) = 'integer'),
    at_offset       INTEGER NOT NULL CHECK (at_offset BETWEEN -840 AND 840),
    recorded_utc    INTEGER NOT NULL CHECK (typeof(recorded_utc) = 'integer'),
    recorded_offset INTEGER NOT NULL CHECK (recorded_offset BETWEEN -840 AND 840),
    minutes         INTEGER CHECK (minutes IS NULL OR (typeof(minutes) = 'integer' AND minutes BETWEEN 1 AND 600)),
    kind            TEXT,
    therapist       TEXT,
    pain_before     INTEGER CHECK (pain_before IS NULL OR (typeof(pain_before) = 'integer' AND pain_before BETWEEN 0 AND 10)),
    areas           TEXT,
    tags            TEXT,
    note            TEXT    CHECK (note IS NULL OR length(CAST(note AS BLOB)) <= 4000),
    step            INTEGER NOT NULL REFERENCES step (id)
);
CREATE INDEX session_by_time ON session (at_utc);
CREATE INDEX session_by_step ON session (step);
-- A record version that a step removed or overwrote, kept so undo can put it back.
CREATE TABLE shelved (
    id              INTEGER PRIMARY KEY,
    step            INTEGER NOT NULL REFERENCES step (id),
    prior_step      INTEGER NOT NULL,
    type            TEXT    NOT NULL CHECK (type IN ('checkin', 'session')),
    uuid            TEXT    NOT NULL,
    at_utc          INTEGER NOT NULL,
    at_offset       INTEGER NOT NULL,
    recorded_utc    INTEGER NOT NULL,
    recorded_offset INTEGER NOT NULL,
    pain            INTEGER,
    mood            INTEGER,
    sleep_hours     REAL,
    sleep_quality   INTEGER,
    minutes         INTEGER,
    kind            TEXT,
    therapist       TEXT,
    pain_before     INTEGER,
    areas           TEXT,
    tags            TEXT,
    note            TEXT
);
CREATE INDEX shelved_by_step ON shelved (step);
)sql",
    // 2: redo. An undone step is kept (undone = 1) with the versions it had
    // written, so that relief redo can put them back; its shelved versions
    // stay too. The step table is rebuilt without its CHECK on the action
    // (the code's StepAction is the list), so a new kind of step needs no
    // rebuild. Runs with foreign keys off (see migrate).
    R"sql(
CREATE TABLE step_v2 (
    id        INTEGER PRIMARY KEY,
    action    TEXT    NOT NULL,
    summary   TEXT    NOT NULL,
    made_utc  INTEGER NOT NULL,
    undone    INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
INSERT INTO step_v2 (id, action, summary, made_utc) SELECT id, action, summary, made_utc FROM step;
DROP TABLE step;
ALTER TABLE step_v2 RENAME TO step;
-- A record version that an undone step had written, kept so redo can put it back.
CREATE TABLE undone_version (
    id              INTEGER PRIMARY KEY,
    step            INTEGER NOT NULL REFERENCES step (id),
    type            TEXT    NOT NULL CHECK (type IN ('checkin', 'session')),
    uuid            TEXT    NOT NULL,
    at_utc          INTEGER NOT NULL,
    at_offset       INTEGER NOT NULL,
    recorded_utc    INTEGER NOT NULL,
    recorded_offset INTEGER NOT NULL,
    pain            INTEGER,
    mood            INTEGER,
    sleep_hours     REAL,
    sleep_quality   INTEGER,
    minutes         INTEGER,
    kind            TEXT,
    therapist       TEXT,
    pain_before     INTEGER,
    areas           TEXT,
    tags            TEXT,
    note            TEXT
);
CREATE INDEX undone_version_by_step ON undone_version (step);
)sql",
    // 3: trials (relief trial). A trial is its start (the plan: day 0, pairs,
    // seed) and, when stopped early, its stop; events are only ever added,
    // so undo marks the step's events undone and redo clears the mark.
    R"sql(
CREATE TABLE trial_event (
    id          INTEGER PRIMARY KEY,
    trial       TEXT    NOT NULL CHECK (length(trial) = 36 AND trial = lower(trial)),
    kind        TEXT    NOT NULL CHECK (kind IN ('start', 'stop')),
    day         INTEGER NOT NULL,
    pairs       INTEGER CHECK (pairs IS NULL OR pairs BETWEEN 6 AND 12),
    seed        TEXT    CHECK (seed IS NULL OR (length(seed) = 18 AND seed LIKE '0x%')),
    seed_chosen INTEGER CHECK (seed_chosen IS NULL OR seed_chosen IN (0, 1)),
    made_utc    INTEGER NOT NULL,
    step        INTEGER NOT NULL REFERENCES step (id),
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    CHECK ((kind = 'start') = (pairs IS NOT NULL AND seed IS NOT NULL AND seed_chosen IS NOT NULL))
);
CREATE INDEX trial_event_by_step ON trial_event (step);
)sql",
    // 4: a trial's decision rule (trial v2): the smallest difference in pain,
    // in points, that would make massage worth it, fixed at the start. Trials
    // started before it had the default, 1 point.
    R"sql(
ALTER TABLE trial_event ADD COLUMN worthwhile REAL
    CHECK (worthwhile IS NULL OR (worthwhile BETWEEN 0.5 AND 3 AND kind = 'start'));
UPDATE trial_event SET worthwhile = 1.0 WHERE kind = 'start';
)sql",
    // 4 → 5: the journal says what it is in a table of its own, since
    // `sqlite3 journal.db .dump | sqlite3 copy.db` keeps the tables but not
    // the header that holds user_version (docs/journal-schema.md).
    R"sql(
CREATE TABLE relief_journal (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    application    TEXT    NOT NULL CHECK (application = 'relief'),
    schema_version INTEGER NOT NULL
);
INSERT INTO relief_journal (id, application, schema_version) VALUES (1, 'relief', 5);
)sql",
};

// The first schema that records itself in relief_journal.
constexpr int k_identity_version = 5;

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

// The version relief_journal records, for a file whose header lost it (a
// .dump copy); nullopt when the table is not there.
std::optional<int> recorded_version(SQLite::Database& db) {
    if (db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
                      "'relief_journal'")
            .getInt() == 0) {
        return std::nullopt;
    }
    SQLite::Statement query(db, "SELECT schema_version FROM relief_journal WHERE application = "
                                "'relief'");
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return query.getColumn(0).getInt();
}

[[noreturn]] void refuse_newer(const std::string& path, int version) {
    throw UnusableError(fmt::format("the journal {} was written by a newer relief (schema {}; "
                                    "this relief knows up to {}); upgrade relief to use it",
                                    path, version, latest_schema_version()));
}

[[noreturn]] void refuse_foreign(const std::string& path) {
    throw DamagedError(fmt::format("{} is an SQLite database but not a relief journal; give "
                                   "another path with --db",
                                   path),
                       "an SQLite database, but not a relief journal (no schema version)");
}

} // namespace

int latest_schema_version() noexcept {
    return static_cast<int>(k_migrations.size());
}

bool needs_migration(SQLite::Database& db) {
    return user_version(db) != latest_schema_version();
}

bool check_readable(SQLite::Database& db, const std::string& path) {
    // One statement, so both come from the same snapshot even while another
    // process is setting the journal up.
    SQLite::Statement query(db, "SELECT user_version, (SELECT count(*) FROM sqlite_schema) "
                                "FROM pragma_user_version");
    query.executeStep();
    int version = query.getColumn(0).getInt();
    const bool has_tables = query.getColumn(1).getInt() > 0;
    query.reset(); // done with it before the next read
    if (version == 0 && has_tables) {
        version = recorded_version(db).value_or(0); // a .dump copy keeps this
    }
    if (version > latest_schema_version()) {
        refuse_newer(path, version);
    }
    if (version == 0) {
        if (has_tables) {
            refuse_foreign(path);
        }
        return false;
    }
    return true;
}

void migrate(SQLite::Database& db, const std::string& path) {
    int version = user_version(db);
    if (version == latest_schema_version()) {
        return; // the common case: one read, no lock taken
    }
    check_readable(db, path);
    if (version == 0) {
        // WAL lets a cron job read while `relief log` writes; it is a property
        // of the file, set once, outside any transaction. A .dump copy lost
        // both it and user_version: both come back from relief_journal.
        db.exec("PRAGMA journal_mode = WAL");
        if (const auto recorded = recorded_version(db)) {
            db.exec(fmt::format("PRAGMA user_version = {}", *recorded));
        }
    }
    // A migration may rebuild a table that others refer to; foreign keys
    // can only be switched off outside a transaction, and are checked again
    // (foreign_key_check, by relief check) once they are back on.
    db.exec("PRAGMA foreign_keys = OFF");
    struct KeysBackOn {
        SQLite::Database& db;
        ~KeysBackOn() {
            try {
                db.exec("PRAGMA foreign_keys = ON");
            } catch (...) {
            }
        }
    } keys_back_on{db};
    while (true) {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        version = user_version(db); // another process may have migrated meanwhile
        if (version >= latest_schema_version()) {
            return;
        }
        db.exec(std::string(k_migrations[static_cast<std::size_t>(version)]));
        db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
        if (version + 1 > k_identity_version) {
            db.exec(fmt::format("UPDATE relief_journal SET schema_version = {}", version + 1));
        }
        transaction.commit();
    }
}

} // namespace relief::store
