// Changing a journal: every change is one step in one transaction (records
// inserted, replaced or removed, the versions they replace shelved), and
// undo and redo of steps.
#include "journal_impl.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/error.hpp"
#include "relief/core/files/files.hpp"
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
namespace {

// INSERT INTO checkin|session (its stored columns, step) VALUES (?1, …),
// bound by store::bind_record in the same order.
std::string insert_into(RecordType type) {
    return fmt::format("INSERT INTO {} ({}, step) VALUES ({})", type_name(type),
                       store::stored_columns(type), store::insert_placeholders(type));
}

std::string_view table_of(const Record& record) {
    return record.is_checkin() ? "checkin" : "session";
}

// Copies the record versions a step kept in `source` (shelved: what it
// replaced or removed; undone_version: what it wrote, kept by undo) back into
// checkin and session, each under the step `step_column` names.
void copy_versions_back(SQLite::Database& db, const char* source, const char* step_column,
                        const std::string& step) {
    for (const RecordType type : {RecordType::checkin, RecordType::session}) {
        const std::string columns = store::stored_columns(type);
        db.exec(fmt::format("INSERT INTO {0} ({1}, step) SELECT {1}, {2} FROM {3} WHERE step = {4} "
                            "AND type = '{0}' ORDER BY id",
                            type_name(type), columns, step_column, source, step));
    }
}

StepAction action_from_name(const std::string& name) {
    for (const StepAction a : {StepAction::log, StepAction::edit, StepAction::remove,
                               StepAction::import, StepAction::demo, StepAction::trial}) {
        if (step_action_name(a) == name) {
            return a;
        }
    }
    return StepAction::log;
}

} // namespace

std::string_view step_action_name(StepAction action) noexcept {
    switch (action) {
    case StepAction::log:
        return "log";
    case StepAction::edit:
        return "edit";
    case StepAction::remove:
        return "delete";
    case StepAction::import:
        return "import";
    case StepAction::demo:
        return "demo";
    case StepAction::trial:
        return "trial";
    }
    return "log";
}

namespace {

class SqliteWriter final : public JournalWriter {
  public:
    SqliteWriter(SQLite::Database& db, std::int64_t step)
        : m_db(db), m_step(step),
          m_exists(db, "SELECT step, 0, id FROM checkin WHERE uuid = ?1 "
                       "UNION ALL SELECT step, 1, id FROM session WHERE uuid = ?1") {}

    void insert(const Record& record) override {
        if (insert_if_new(record).outcome != Insertion::Outcome::added) {
            throw InputError(fmt::format("a record with id {} is already in the journal",
                                         record.uuid.substr(0, 8)));
        }
    }

    Insertion insert_if_new(const Record& record) override {
        m_exists.reset();
        m_exists.bind(1, record.uuid);
        if (m_exists.executeStep()) {
            if (m_exists.getColumn(0).getInt64() != m_step) {
                return {Insertion::Outcome::present, 0, false};
            }
            // Rows of one transaction get consecutive ids (nothing else
            // writes meanwhile, and nothing of this step is deleted).
            const auto table = static_cast<std::size_t>(m_exists.getColumn(1).getInt());
            const std::int64_t id = m_exists.getColumn(2).getInt64();
            return {Insertion::Outcome::repeated, static_cast<std::size_t>(id - m_first_id[table]),
                    table == 0};
        }
        // Prepared on first use: a log of a check-in never compiles the
        // session insert (and its checks).
        std::optional<SQLite::Statement>& prepared =
            record.is_checkin() ? m_insert_checkin : m_insert_session;
        if (!prepared) {
            prepared.emplace(m_db, insert_into(record.type));
        }
        SQLite::Statement& insert = *prepared;
        insert.reset();
        insert.clearBindings();
        store::bind_record(insert, record, m_step);
        insert.exec();
        std::int64_t& first = m_first_id[record.is_checkin() ? 0 : 1];
        if (first < 0) {
            first = m_db.getLastInsertRowid();
        }
        ++m_writes;
        return {Insertion::Outcome::added, 0, false};
    }

    void replace(const Record& updated) override {
        shelve_and_delete(updated);
        insert(updated);
    }

    void remove(const Record& record) override {
        shelve_and_delete(record);
        ++m_writes;
    }

    // How many records this step added, replaced or removed.
    int writes() const noexcept { return m_writes; }

    void add_trial(const TrialEntry& trial) override {
        SQLite::Statement insert(m_db, "INSERT INTO trial_event (trial, kind, day, pairs, seed, "
                                       "seed_chosen, made_utc, step, worthwhile) "
                                       "VALUES (?1, 'start', ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        insert.bind(1, trial.id);
        insert.bind(2, trial.start);
        insert.bind(3, trial.pairs);
        insert.bind(4, fmt::format("0x{:016x}", trial.seed));
        insert.bind(5, trial.seed_chosen ? 1 : 0);
        insert.bind(6, trial.started_utc);
        insert.bind(7, m_step);
        insert.bind(8, trial.worthwhile);
        insert.exec();
        if (trial.stopped_on) {
            stop_trial(trial.id, *trial.stopped_on, trial.started_utc);
        }
        ++m_writes;
    }

    void stop_trial(const std::string& id, DayNumber day, std::int64_t made_utc) override {
        SQLite::Statement insert(m_db, "INSERT INTO trial_event (trial, kind, day, made_utc, step) "
                                       "VALUES (?1, 'stop', ?2, ?3, ?4)");
        insert.bind(1, id);
        insert.bind(2, day);
        insert.bind(3, made_utc);
        insert.bind(4, m_step);
        insert.exec();
        ++m_writes;
    }

    bool add_trial_if_new(const TrialEntry& trial) override {
        SQLite::Statement known(m_db, "SELECT 1 FROM trial_event WHERE trial = ?1 AND undone = 0");
        known.bind(1, trial.id);
        if (known.executeStep()) {
            return false;
        }
        add_trial(trial);
        return true;
    }

    void set_summary(const std::string& summary) override {
        SQLite::Statement update(m_db, "UPDATE step SET summary = ?1 WHERE id = ?2");
        update.bind(1, summary);
        update.bind(2, m_step);
        update.exec();
    }

  private:
    void shelve_and_delete(const Record& record) {
        const std::string_view table = table_of(record);
        SQLite::Statement shelve(
            m_db,
            fmt::format("INSERT INTO shelved (step, prior_step, {}) SELECT ?1, step, {} "
                        "FROM {} WHERE uuid = ?2",
                        store::k_shelved_columns,
                        record.is_checkin() ? store::k_checkin_columns : store::k_session_columns,
                        table));
        shelve.bind(1, m_step);
        shelve.bind(2, record.uuid);
        if (shelve.exec() != 1) {
            throw InputError(
                fmt::format("no record with id {} in the journal", record.uuid.substr(0, 8)));
        }
        SQLite::Statement erase(m_db, fmt::format("DELETE FROM {} WHERE uuid = ?1", table));
        erase.bind(1, record.uuid);
        erase.exec();
    }

    SQLite::Database& m_db;
    std::int64_t m_step;
    std::optional<SQLite::Statement> m_insert_checkin;
    std::optional<SQLite::Statement> m_insert_session;
    SQLite::Statement m_exists;
    std::int64_t m_first_id[2] = {-1, -1}; // the first id this step gave a check-in, a session
    int m_writes = 0;
};

} // namespace

namespace {

// Steps as undo and redo see them: the newest step not undone, and the
// oldest undone step after it (a change made after an undo supersedes it).
// Every query is for the newest schema: an older journal opened to read is an
// upgraded copy in memory (journal_open.cpp).
const char* const k_last_active =
    "SELECT id, action, summary, made_utc FROM step WHERE undone = 0 ORDER BY id DESC LIMIT 1";
const char* const k_next_redo =
    "SELECT id, action, summary, made_utc FROM step WHERE undone = 1 AND id > "
    "coalesce((SELECT max(id) FROM step WHERE undone = 0), 0) ORDER BY id LIMIT 1";

std::optional<Step> step_from(SQLite::Database& db, const char* sql) {
    SQLite::Statement query(db, sql);
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return Step{query.getColumn(0).getInt64(), action_from_name(query.getColumn(1).getString()),
                query.getColumn(2).getString(), query.getColumn(3).getInt64()};
}

// A new change retires every undone step: history is one line, so redo
// brings back only what was undone since the last change (log A, log B,
// undo, log C, undo, redo gives C back, never B), and nothing undone before
// a change can come back on top of it (two undone imports of one file would
// collide on their uuids).
void retire_undone_steps(SQLite::Database& db) {
    for (const char* table : {"undone_version", "shelved", "trial_event"}) {
        db.exec(fmt::format("DELETE FROM {} WHERE step IN (SELECT id FROM step WHERE undone = 1)",
                            table));
    }
    db.exec("DELETE FROM step WHERE undone = 1");
}

} // namespace

std::optional<Step> Journal::last_step() const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<Step> {
        return step_from(*m_impl->db, k_last_active);
    });
}

std::optional<Step> Journal::next_redo() const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(
        m_impl->path, [&]() -> std::optional<Step> { return step_from(*m_impl->db, k_next_redo); });
}

void Journal::change(StepAction action, const std::string& summary, std::int64_t made_utc,
                     const std::function<void(JournalWriter&)>& body, bool dry_run) {
    if (!exists()) {
        throw Error(ExitCode::internal, "the journal was opened for reading only");
    }
    store::guarded(m_impl->path, [&] {
        SQLite::Database& db = *m_impl->db;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement add_step(db, "INSERT INTO step (action, summary, made_utc) "
                                       "VALUES (?1, ?2, ?3)");
        add_step.bind(1, std::string(step_action_name(action)));
        add_step.bind(2, summary);
        add_step.bind(3, made_utc);
        add_step.exec();
        SqliteWriter writer(db, db.getLastInsertRowid());
        body(writer);
        // A change that changed nothing (an import of records already there)
        // is no step: one undo too many must never take a real entry.
        if (!dry_run && writer.writes() > 0) {
            retire_undone_steps(db);
            transaction.commit();
        }
    });
    if (!dry_run) {
        trim_wal();
    }
}

std::optional<Step> Journal::undo(std::optional<std::int64_t> expected) {
    if (!exists()) {
        return std::nullopt;
    }
    const std::optional<Step> undone = store::guarded(m_impl->path, [&]() -> std::optional<Step> {
        SQLite::Database& db = *m_impl->db;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::optional<Step> step = step_from(db, k_last_active);
        if (!step || (expected && step->id != *expected)) {
            return std::nullopt; // nothing to undo, or another change came first
        }
        const std::string id = std::to_string(step->id);
        // Keep what the step wrote for redo, drop it, then put back what it
        // shelved, with the step each version belonged to before.
        for (const auto& [table, columns] : {std::pair{"checkin", store::k_checkin_columns},
                                             std::pair{"session", store::k_session_columns}}) {
            db.exec(fmt::format("INSERT INTO undone_version (step, {}) SELECT {}, {} FROM {} "
                                "WHERE step = {} ORDER BY id",
                                store::k_shelved_columns, id, columns, table, id));
            db.exec(fmt::format("DELETE FROM {} WHERE step = {}", table, id));
        }
        // The shelved copies stay, for a redo to take them away again.
        copy_versions_back(db, "shelved", "prior_step", id);
        db.exec("UPDATE trial_event SET undone = 1 WHERE step = " + id);
        db.exec("UPDATE step SET undone = 1 WHERE id = " + id);
        transaction.commit();
        return step;
    });
    if (undone) {
        trim_wal();
    }
    return undone;
}

std::optional<Step> Journal::redo() {
    if (!exists()) {
        return std::nullopt;
    }
    const std::optional<Step> redone = store::guarded(m_impl->path, [&]() -> std::optional<Step> {
        SQLite::Database& db = *m_impl->db;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::optional<Step> step = step_from(db, k_next_redo);
        if (!step) {
            return std::nullopt;
        }
        const std::string id = std::to_string(step->id);
        // Take away the versions the undo put back, then bring back the step's own.
        db.exec("DELETE FROM checkin WHERE uuid IN (SELECT uuid FROM shelved WHERE step = " + id +
                ")");
        db.exec("DELETE FROM session WHERE uuid IN (SELECT uuid FROM shelved WHERE step = " + id +
                ")");
        copy_versions_back(db, "undone_version", "step", id);
        db.exec("DELETE FROM undone_version WHERE step = " + id);
        db.exec("UPDATE trial_event SET undone = 0 WHERE step = " + id);
        db.exec("UPDATE step SET undone = 0 WHERE id = " + id);
        transaction.commit();
        return step;
    });
    if (redone) {
        trim_wal();
    }
    return redone;
}

} // namespace relief
