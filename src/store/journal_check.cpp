// relief check (integrity, schema, impossible values) and relief backup.
#include "journal_impl.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/error.hpp"
#include "relief/core/files/files.hpp"
#include "relief/core/record/record.hpp"
#include "relief/core/text/text.hpp"
#include "rows.hpp"
#include "schema.hpp"
#include "sqlite_errors.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using relief::store::k_busy_timeout_ms;

namespace relief {
std::vector<std::string> Journal::check() const {
    std::vector<std::string> problems;
    if (!exists()) {
        return problems;
    }
    try {
        check_into(problems);
    } catch (const DamagedError& e) {
        problems.push_back("damage: " + e.damage()); // the checks could not go on
    }
    return problems;
}

namespace {

using Problems = std::vector<std::string>;

// A file shorter than its pages (a copy cut short) can pass SQLite's own
// checks when the missing pages are free ones: say so first.
void check_length(SQLite::Database& db, const std::string& path, Problems& problems) {
    struct stat st {};
    struct stat wal {};
    const std::int64_t pages = db.execAndGet("PRAGMA page_count").getInt64();
    const std::int64_t page_size = db.execAndGet("PRAGMA page_size").getInt64();
    const bool wal_empty = ::stat((path + "-wal").c_str(), &wal) != 0 || wal.st_size == 0;
    if (::stat(path.c_str(), &st) == 0 && st.st_size < pages * page_size && wal_empty) {
        problems.push_back(fmt::format("damage: the file is cut short ({} of {} bytes)", st.st_size,
                                       pages * page_size));
    }
}

// SQLite's integrity and foreign-key checks, and the schema version.
void check_sqlite(SQLite::Database& db, Problems& problems) {
    SQLite::Statement integrity(db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
        const std::string line = integrity.getColumn(0).getString();
        if (line != "ok") {
            problems.push_back("integrity: " + line);
        }
    }
    SQLite::Statement keys(db, "PRAGMA foreign_key_check");
    while (keys.executeStep()) {
        problems.push_back(fmt::format("foreign key: row {} of {} points to a missing {}",
                                       keys.getColumn(1).getInt64(), keys.getColumn(0).getString(),
                                       keys.getColumn(2).getString()));
    }
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    // An older schema is fine: the next write brings it up to date.
    if (version > store::latest_schema_version()) {
        problems.push_back(fmt::format("schema: version {}, this relief writes {}", version,
                                       store::latest_schema_version()));
    }
}

// Values no valid record can have: the CHECK constraints guard every write,
// so these find damage done outside relief.
// Each number of the type's own fields out of its kind's bounds
// (k_fields, bounds_of); a check-in without any of its values.
std::string value_rule(RecordType type) {
    std::vector<std::string> bad;
    std::vector<std::string> own;
    for (const Field& f : k_fields) {
        if (f.of == FieldOf::both || !f.belongs_to(type)) {
            continue;
        }
        own.emplace_back(f.name);
        if (const auto b = bounds_of(f.kind)) {
            bad.push_back(fmt::format("{} NOT BETWEEN {} AND {}", f.name, b->low, b->high));
        }
    }
    if (type == RecordType::checkin) {
        bad.push_back(fmt::format("coalesce({}) IS NULL", join(own, ", ")));
    }
    return join(bad, " OR ");
}

void check_record_values(SQLite::Database& db, Problems& problems) {
    const std::string checkin_values = value_rule(RecordType::checkin);
    const std::string session_values = value_rule(RecordType::session);
    const char* const k_times =
        "length(uuid) != 36 OR at_offset NOT BETWEEN -840 AND 840 OR typeof(at_utc) != 'integer'";
    const std::pair<const char*, const char*> k_rules[] = {
        {"checkin", checkin_values.c_str()},
        {"session", session_values.c_str()},
        {"checkin", k_times},
        {"session", k_times},
    };
    for (const auto& [table, rule] : k_rules) {
        SQLite::Statement bad(db, fmt::format("SELECT uuid FROM {} WHERE {}", table, rule));
        while (bad.executeStep()) {
            problems.push_back(fmt::format("value: the {} {} has an impossible value", table,
                                           bad.getColumn(0).getString()));
        }
    }
}

// A trial's plan and stop: in bounds, one start, no stop before the start or
// without one.
void check_trials(SQLite::Database& db, Problems& problems) {
    SQLite::Statement trials(
        db, "SELECT s.trial FROM trial_event s WHERE s.kind = 'start' AND s.undone = 0 AND "
            "(s.pairs NOT BETWEEN 6 AND 12 OR s.seed NOT LIKE '0x%' OR EXISTS (SELECT 1 "
            "FROM trial_event e WHERE e.trial = s.trial AND e.kind = 'stop' AND "
            "e.undone = 0 AND e.day < s.day) OR (SELECT count(*) FROM trial_event o "
            "WHERE o.trial = s.trial AND o.kind = 'start' AND o.undone = 0) > 1)");
    while (trials.executeStep()) {
        problems.push_back(fmt::format("value: the trial {} has an impossible plan or stop",
                                       trials.getColumn(0).getString().substr(0, 8)));
    }
    SQLite::Statement orphans(db, "SELECT trial FROM trial_event e WHERE kind = 'stop' "
                                  "AND undone = 0 AND NOT EXISTS (SELECT 1 FROM "
                                  "trial_event s WHERE s.trial = e.trial AND s.kind = "
                                  "'start' AND s.undone = 0)");
    while (orphans.executeStep()) {
        problems.push_back(fmt::format("value: a stop of the trial {}, which never started",
                                       orphans.getColumn(0).getString().substr(0, 8)));
    }
}

void check_ids_twice(SQLite::Database& db, Problems& problems) {
    SQLite::Statement twice(db,
                            "SELECT uuid FROM checkin WHERE uuid IN (SELECT uuid FROM session)");
    while (twice.executeStep()) {
        problems.push_back(fmt::format("value: the id {} is both a check-in and a session",
                                       twice.getColumn(0).getString()));
    }
}

} // namespace

// The problems in the order they have always been listed: length, SQLite's
// checks, record values, trials, then ids used twice.
void Journal::check_into(std::vector<std::string>& problems) const {
    store::guarded(m_impl->path, [&] {
        // SQLite's own checks on the file; the values on what relief reads
        // (for an older schema, its upgraded copy: one set of queries).
        SQLite::Database& file = m_impl->file_db ? *m_impl->file_db : *m_impl->db;
        SQLite::Database& db = *m_impl->db;
        check_length(file, m_impl->path, problems);
        check_sqlite(file, problems);
        check_record_values(db, problems);
        check_trials(db, problems);
        check_ids_twice(db, problems);
    });
    // One trial at a time: two whose days meet (an import or a redo of an
    // older relief could leave them) make every daily line ambiguous.
    const std::vector<TrialEntry> all = trials();
    for (std::size_t i = 0; i < all.size(); ++i) {
        for (std::size_t j = i + 1; j < all.size(); ++j) {
            if (trials_overlap(all[i], all[j])) {
                problems.push_back(fmt::format(
                    "value: the trials {} ({} to {}) and {} ({} to {}) run at the same time",
                    all[i].id.substr(0, 8), format_date(all[i].start),
                    format_date(trial_last_day(all[i])), all[j].id.substr(0, 8),
                    format_date(all[j].start), format_date(trial_last_day(all[j]))));
            }
        }
    }
}

void Journal::backup_to(const std::string& target) const {
    if (!exists()) {
        throw UnusableError(fmt::format("there is no journal at {} to back up", m_impl->path));
    }
    const auto exists_already = [&] {
        return InputError(fmt::format("{} already exists; relief backup never overwrites a file "
                                      "(remove it or pick another name)",
                                      target));
    };
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0) {
        throw exists_already();
    }
    // The copy is made in a temporary file beside the target, synced, and only
    // then linked into place: a backup killed half-way leaves no file at the
    // target, and link(2) never replaces a file that appeared meanwhile.
    make_parent_dirs(target);
    TempFile temp;
    try {
        temp = create_temp_beside(target);
    } catch (const UnusableError& e) {
        // Like report --output: a target that cannot be created is the user's
        // input. The reason is the one caught (errno may have changed since).
        const std::string what = e.what();
        const std::string said = fmt::format("cannot write {}: ", target);
        throw InputError(fmt::format("cannot create {}: {}", target,
                                     what.starts_with(said) ? what.substr(said.size()) : what));
    }
    const auto discard = [&] { ::unlink(temp.path.c_str()); };
    try {
        store::guarded(target, [&] {
            SQLite::Database copy(temp.path, SQLite::OPEN_READWRITE);
            SQLite::Backup backup(copy, *m_impl->db);
            backup.executeStep(); // all pages in one step: a consistent snapshot
        });
        if (::fsync(temp.fd.get()) != 0) {
            throw UnusableError(fmt::format("cannot write {}: {}", target, std::strerror(errno)));
        }
    } catch (...) {
        discard(); // never leave half a backup behind
        throw;
    }
    if (::link(temp.path.c_str(), target.c_str()) != 0) {
        const int err = errno;
        discard();
        if (err == EEXIST) {
            throw exists_already();
        }
        throw UnusableError(fmt::format("cannot create {}: {}", target, std::strerror(err)));
    }
    discard();
    sync_parent_dir(target);
}

} // namespace relief
