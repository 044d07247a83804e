#include "relief/journal.hpp"

#include "relief/error.hpp"
#include "relief/file_descriptor.hpp"
#include "relief/files.hpp"
#include "relief/paths.hpp"
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

namespace relief {
namespace {

constexpr int k_busy_timeout_ms = 10000;

const char* const k_insert_checkin =
    "INSERT INTO checkin (uuid, at_utc, at_offset, recorded_utc, recorded_offset, pain, mood, "
    "sleep_hours, sleep_quality, areas, tags, note, step) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const char* const k_insert_session =
    "INSERT INTO session (uuid, at_utc, at_offset, recorded_utc, recorded_offset, minutes, kind, "
    "therapist, pain_before, areas, tags, note, step) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

std::string_view table_of(const Record& record) {
    return record.is_checkin() ? "checkin" : "session";
}

// Creates the journal file with mode 0600 before SQLite sees it, so that the
// umask never decides who can read someone's health data.
void create_journal_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        return;
    }
    make_parent_dirs(path);
    if (create_private_file(path).get() < 0 && errno != EEXIST) { // EEXIST: another relief won
        throw UnusableError(
            fmt::format("cannot create the journal {}: {}", path, std::strerror(errno)));
    }
}

// Takes an exclusive flock(2) on the file at `path`; flock locks are
// separate from the POSIX locks SQLite uses, so they never meet.
FileDescriptor lock_exclusively(const std::string& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    while (fd.get() >= 0 && ::flock(fd.get(), LOCK_EX) != 0 && errno == EINTR) {
    }
    return fd; // a failure leaves SQLite's own locking, which still keeps the data safe
}

// A WAL journal is read through its -shm file, which SQLite must create when
// it is missing; in a folder nobody may write to (a backup on read-only media)
// it cannot. Then there is no -wal file either and no writer can make one, so
// the file is safe to read as immutable.
bool on_read_only_media(const std::string& path, const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) {
        return false;
    }
    std::string folder = std::filesystem::path(path).parent_path().string();
    struct stat st {};
    return ::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0 &&
           ::stat((path + "-wal").c_str(), &st) != 0;
}

// file:PATH?immutable=1, with the characters a URI gives meaning to escaped.
std::string immutable_uri(const std::string& path) {
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

// A folder, FIFO, device or dangling link at the journal's path: SQLite would
// hang on a FIFO or blame the disk, so say what is there instead.
void refuse_non_journal_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        const std::string kind = non_regular_kind(st.st_mode);
        if (!kind.empty()) {
            throw UnusableError(
                fmt::format("the journal {} is {}, not a journal file", path, kind));
        }
        return;
    }
    const int err = errno;
    struct stat link {};
    if (err == ELOOP) {
        throw UnusableError(fmt::format("the journal {} is a loop of symbolic links", path));
    }
    if (err == ENOENT && ::lstat(path.c_str(), &link) == 0) {
        throw UnusableError(fmt::format("the journal {} is a symbolic link to a file that does "
                                        "not exist",
                                        path));
    }
}

// A crash in the middle of a write in rollback mode (a journal that another
// SQLite tool switched out of WAL) leaves a "hot" -journal file: the next
// connection must roll it back, which a read-only one cannot, and every read
// would fail. Readers therefore let a read-write connection recover it first
// (what any write would do); when they may not write, they say what to run.
void recover_hot_journal(const std::string& path) {
    struct stat st {};
    if (::stat((path + "-journal").c_str(), &st) != 0 || st.st_size == 0) {
        return;
    }
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE, k_busy_timeout_ms);
        db.execAndGet("SELECT count(*) FROM sqlite_master"); // rolls the hot journal back
    } catch (const SQLite::Exception&) {
        throw UnusableError(fmt::format("the journal {} was left half-written by a crash and "
                                        "needs a recovery that only a write can make: run "
                                        "relief --db {} check as a user who may write to it",
                                        path, path));
    }
}

// Copies the record versions a step kept in `source` (shelved: what it
// replaced or removed; undone_version: what it wrote, kept by undo) back into
// checkin and session, each under the step `step_column` names.
void copy_versions_back(SQLite::Database& db, const char* source, const char* step_column,
                        const std::string& step) {
    db.exec(fmt::format("INSERT INTO checkin (uuid, at_utc, at_offset, recorded_utc, "
                        "recorded_offset, pain, mood, sleep_hours, sleep_quality, areas, tags, "
                        "note, step) SELECT uuid, at_utc, at_offset, recorded_utc, "
                        "recorded_offset, pain, mood, sleep_hours, sleep_quality, areas, tags, "
                        "note, {} FROM {} WHERE step = {} AND type = 'checkin' ORDER BY id",
                        step_column, source, step));
    db.exec(fmt::format("INSERT INTO session (uuid, at_utc, at_offset, recorded_utc, "
                        "recorded_offset, minutes, kind, therapist, pain_before, areas, tags, "
                        "note, step) SELECT uuid, at_utc, at_offset, recorded_utc, "
                        "recorded_offset, minutes, kind, therapist, pain_before, areas, tags, "
                        "note, {} FROM {} WHERE step = {} AND type = 'session' ORDER BY id",
                        step_column, source, step));
}

// A journal of an older schema, opened to read, may not have the table yet.
bool has_table(SQLite::Database& db, const char* name) {
    SQLite::Statement query(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    query.bind(1, name);
    return query.executeStep();
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

struct Journal::Impl {
    std::string path;
    // Held while a new journal is set up, so that eight processes logging into
    // a journal that does not exist yet take turns creating it instead of
    // racing (the WAL switch does not wait for a busy lock). Closed only after
    // `db`: closing any descriptor of the file drops SQLite's POSIX locks.
    FileDescriptor setup_lock;
    std::unique_ptr<SQLite::Database> db; // null: no journal yet, opened for reading
};

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
            prepared.emplace(m_db, record.is_checkin() ? k_insert_checkin : k_insert_session);
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
                                       "seed_chosen, made_utc, step) "
                                       "VALUES (?1, 'start', ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bind(1, trial.id);
        insert.bind(2, trial.start);
        insert.bind(3, trial.pairs);
        insert.bind(4, fmt::format("0x{:016x}", trial.seed));
        insert.bind(5, trial.seed_chosen ? 1 : 0);
        insert.bind(6, trial.started_utc);
        insert.bind(7, m_step);
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

Journal::Journal(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() = default;

int Journal::schema_version() noexcept {
    return store::latest_schema_version();
}

namespace {

// SQLite's page cache starts with a bulk allocation of 20 page slots whose
// headers it writes at once: 20+ page faults per command, most of them for
// pages a log or a short report never uses. Without it each page is
// allocated when first read. Must run before SQLite initialises, so: once,
// before the first connection.
void configure_sqlite_once() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0);
        return true;
    }();
    (void)configured;
}

} // namespace

Journal Journal::open(const std::string& path, Mode mode) {
    configure_sqlite_once();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    refuse_non_journal_file(path);
    struct stat st {};
    if (mode == Mode::read && ::stat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            throw UnusableError(
                fmt::format("cannot open the journal {}: {}", path, std::strerror(errno)));
        }
        return Journal(std::move(impl)); // reading never creates the journal
    }
    if (mode == Mode::write) {
        create_journal_file(path);
    }
    if (mode == Mode::read) {
        recover_hot_journal(path);
    }
    store::guarded(path, [&] {
        // One connection, one thread: no per-call mutex (it cost 15% of a read).
        const int flags = (mode == Mode::write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) |
                          SQLITE_OPEN_NOMUTEX;
        impl->db = std::make_unique<SQLite::Database>(path, flags, k_busy_timeout_ms);
        if (mode == Mode::write) {
            // Every commit is synced to the WAL (FULL): it survives a crash or
            // power loss as soon as the command reports it. Closing
            // checkpoints, so the .db file alone is always complete (a plain
            // cp of it loses nothing); the WAL file is kept, not deleted and
            // re-created, which saves a file creation and a directory sync
            // on every command.
            impl->db->exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL");
            int persist = 1;
            sqlite3_file_control(impl->db->getHandle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
            if (store::needs_migration(*impl->db)) {
                impl->setup_lock = lock_exclusively(path);
                store::migrate(*impl->db, path);
                ::flock(impl->setup_lock.get(), LOCK_UN);
            }
        } else {
            bool readable = false;
            try {
                readable = store::check_readable(*impl->db, path);
            } catch (const SQLite::Exception& e) {
                if (!on_read_only_media(path, e)) {
                    throw;
                }
                impl->db = std::make_unique<SQLite::Database>(
                    immutable_uri(path), flags | SQLite::OPEN_URI, k_busy_timeout_ms);
                readable = store::check_readable(*impl->db, path);
            }
            if (!readable) {
                impl->db.reset(); // an empty file: a journal not set up yet, so no records
            }
        }
    });
    return Journal(std::move(impl));
}

Journal Journal::open_scratch() {
    configure_sqlite_once();
    auto impl = std::make_unique<Impl>();
    impl->path = ":memory:";
    impl->db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    impl->db->exec("PRAGMA foreign_keys = ON");
    store::migrate(*impl->db, impl->path);
    return Journal(std::move(impl));
}

const std::string& Journal::path() const noexcept {
    return m_impl->path;
}
bool Journal::exists() const noexcept {
    return m_impl->db != nullptr;
}

void Journal::scan(std::int64_t from_utc, std::int64_t to_utc,
                   const std::function<void(const Record&)>& visit) const {
    scan_stored(from_utc, to_utc, [&](const Record& r, std::int64_t) { visit(r); });
}

void Journal::scan_stored(std::int64_t from_utc, std::int64_t to_utc,
                          const std::function<void(const Record&, std::int64_t)>& visit,
                          std::optional<RecordType> only) const {
    if (!exists() || from_utc >= to_utc) {
        return;
    }
    const auto select = [](RecordType type) {
        const bool checkin = type == RecordType::checkin;
        return fmt::format("SELECT {}, id FROM {} WHERE at_utc >= ?1 AND at_utc < ?2",
                           checkin ? store::k_checkin_columns : store::k_session_columns,
                           checkin ? "checkin" : "session");
    };
    const std::string sql = only ? select(*only) + " ORDER BY at_utc, uuid"
                                 : select(RecordType::checkin) + " UNION ALL " +
                                       select(RecordType::session) + " ORDER BY 3, 1, 2";
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(*m_impl->db, sql);
        query.bind(1, from_utc);
        query.bind(2, to_utc);
        while (query.executeStep()) {
            visit(store::read_record(query), query.getColumn(17).getInt64());
        }
    });
}

void Journal::scan_values(std::int64_t from_utc, std::int64_t to_utc, RecordType type,
                          const std::function<void(const Record&, std::int64_t)>& visit) const {
    if (!exists() || from_utc >= to_utc) {
        return;
    }
    const bool checkin = type == RecordType::checkin;
    const char* sql = checkin
                          ? "SELECT at_utc, at_offset, recorded_utc, recorded_offset, pain, mood, "
                            "sleep_hours, sleep_quality, id FROM checkin "
                            "WHERE at_utc >= ?1 AND at_utc < ?2"
                          : "SELECT at_utc, at_offset, recorded_utc, recorded_offset, minutes, "
                            "kind, therapist, pain_before, id FROM session "
                            "WHERE at_utc >= ?1 AND at_utc < ?2";
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(*m_impl->db, sql);
        query.bind(1, from_utc);
        query.bind(2, to_utc);
        Record r;
        r.type = type;
        const auto opt_int = [&](int c) {
            const SQLite::Column col = query.getColumn(c);
            return col.isNull() ? std::nullopt : std::optional<int>(col.getInt());
        };
        while (query.executeStep()) {
            r.at = Instant{query.getColumn(0).getInt64(), query.getColumn(1).getInt()};
            r.recorded_at = Instant{query.getColumn(2).getInt64(), query.getColumn(3).getInt()};
            if (checkin) {
                r.pain = opt_int(4);
                r.mood = opt_int(5);
                const SQLite::Column sleep = query.getColumn(6);
                r.sleep_hours = sleep.isNull() ? std::nullopt : std::optional(sleep.getDouble());
                r.sleep_quality = opt_int(7);
            } else {
                r.minutes = opt_int(4);
                r.kind = query.getColumn(5).getString();
                r.therapist = query.getColumn(6).getString();
                r.pain_before = opt_int(7);
            }
            visit(r, query.getColumn(8).getInt64());
        }
    });
}

std::vector<Record> Journal::records(std::int64_t from_utc, std::int64_t to_utc) const {
    std::vector<Record> out;
    scan(from_utc, to_utc, [&](const Record& r) { out.push_back(r); });
    return out;
}

std::vector<Record> Journal::find_by_id_prefix(std::string_view prefix) const {
    std::vector<Record> out;
    if (!exists() || prefix.empty()) {
        return out;
    }
    // [prefix, prefix with its last character bumped) is an index range.
    std::string upper(prefix);
    upper.back() = static_cast<char>(upper.back() + 1);
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(
            *m_impl->db,
            fmt::format("SELECT {} FROM checkin WHERE uuid >= ?1 AND uuid < ?2 UNION ALL "
                        "SELECT {} FROM session WHERE uuid >= ?1 AND uuid < ?2 ORDER BY 2",
                        store::k_checkin_columns, store::k_session_columns));
        query.bind(1, std::string(prefix));
        query.bind(2, upper);
        while (query.executeStep()) {
            out.push_back(store::read_record(query));
        }
    });
    return out;
}

std::int64_t Journal::count(RecordType type) const {
    if (!exists()) {
        return 0;
    }
    return store::guarded(m_impl->path, [&] {
        return m_impl->db
            ->execAndGet(type == RecordType::checkin ? "SELECT count(*) FROM checkin"
                                                     : "SELECT count(*) FROM session")
            .getInt64();
    });
}

std::int64_t Journal::count(RecordType type, std::int64_t from_utc, std::int64_t to_utc) const {
    if (!exists() || from_utc >= to_utc) {
        return 0;
    }
    return store::guarded(m_impl->path, [&] {
        SQLite::Statement query(
            *m_impl->db, type == RecordType::checkin
                             ? "SELECT count(*) FROM checkin WHERE at_utc >= ?1 AND at_utc < ?2"
                             : "SELECT count(*) FROM session WHERE at_utc >= ?1 AND at_utc < ?2");
        query.bind(1, from_utc);
        query.bind(2, to_utc);
        query.executeStep();
        return query.getColumn(0).getInt64();
    });
}

std::vector<TrialEntry> Journal::trials() const {
    std::vector<TrialEntry> out;
    if (!exists()) {
        return out;
    }
    store::guarded(m_impl->path, [&] {
        SQLite::Database& db = *m_impl->db;
        if (!has_table(db, "trial_event")) {
            return; // a journal from before trials, not yet upgraded
        }
        SQLite::Statement query(db, "SELECT s.trial, s.day, s.pairs, s.seed, s.seed_chosen, "
                                    "s.made_utc, (SELECT min(e.day) FROM trial_event e WHERE "
                                    "e.trial = s.trial AND e.kind = 'stop' AND e.undone = 0) "
                                    "FROM trial_event s WHERE s.kind = 'start' AND s.undone = 0 "
                                    "ORDER BY s.made_utc, s.id");
        while (query.executeStep()) {
            TrialEntry t;
            t.id = query.getColumn(0).getString();
            t.start = query.getColumn(1).getInt();
            t.pairs = query.getColumn(2).getInt();
            t.seed = std::stoull(query.getColumn(3).getString().substr(2), nullptr, 16);
            t.seed_chosen = query.getColumn(4).getInt() == 1;
            t.started_utc = query.getColumn(5).getInt64();
            if (!query.getColumn(6).isNull()) {
                t.stopped_on = query.getColumn(6).getInt();
            }
            out.push_back(std::move(t));
        }
    });
    return out;
}

std::optional<std::int64_t> Journal::earliest_at_utc() const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<std::int64_t> {
        // Each min() is one step down its time index.
        SQLite::Statement query(*m_impl->db, "SELECT min((SELECT min(at_utc) FROM checkin), "
                                             "(SELECT min(at_utc) FROM session)), "
                                             "(SELECT min(at_utc) FROM checkin), "
                                             "(SELECT min(at_utc) FROM session)");
        query.executeStep();
        for (int i = 0; i < 3; ++i) {
            if (!query.getColumn(i).isNull()) {
                return query.getColumn(i).getInt64();
            }
        }
        return std::nullopt;
    });
}

std::optional<Record> Journal::latest(RecordType type) const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<Record> {
        const bool checkin = type == RecordType::checkin;
        SQLite::Statement query(
            *m_impl->db, fmt::format("SELECT {} FROM {} ORDER BY at_utc DESC, id DESC LIMIT 1",
                                     checkin ? store::k_checkin_columns : store::k_session_columns,
                                     checkin ? "checkin" : "session"));
        if (!query.executeStep()) {
            return std::nullopt;
        }
        return store::read_record(query);
    });
}

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

void Journal::check_into(std::vector<std::string>& problems) const {
    store::guarded(m_impl->path, [&] {
        SQLite::Database& db = *m_impl->db;
        // A file shorter than its pages (a copy cut short) can pass SQLite's
        // own checks when the missing pages are free ones: say so first.
        struct stat st {};
        struct stat wal {};
        const std::int64_t pages = db.execAndGet("PRAGMA page_count").getInt64();
        const std::int64_t page_size = db.execAndGet("PRAGMA page_size").getInt64();
        const bool wal_empty =
            ::stat((m_impl->path + "-wal").c_str(), &wal) != 0 || wal.st_size == 0;
        if (::stat(m_impl->path.c_str(), &st) == 0 && st.st_size < pages * page_size && wal_empty) {
            problems.push_back(fmt::format("damage: the file is cut short ({} of {} bytes)",
                                           st.st_size, pages * page_size));
        }
        SQLite::Statement integrity(db, "PRAGMA integrity_check");
        while (integrity.executeStep()) {
            const std::string line = integrity.getColumn(0).getString();
            if (line != "ok") {
                problems.push_back("integrity: " + line);
            }
        }
        SQLite::Statement keys(db, "PRAGMA foreign_key_check");
        while (keys.executeStep()) {
            problems.push_back(fmt::format(
                "foreign key: row {} of {} points to a missing {}", keys.getColumn(1).getInt64(),
                keys.getColumn(0).getString(), keys.getColumn(2).getString()));
        }
        const int version = db.execAndGet("PRAGMA user_version").getInt();
        // An older schema is fine: the next write brings it up to date.
        if (version > store::latest_schema_version()) {
            problems.push_back(fmt::format("schema: version {}, this relief writes {}", version,
                                           store::latest_schema_version()));
        }
        // Values no valid record can have: the CHECK constraints guard every
        // write, so these find damage done outside relief.
        const std::pair<const char*, const char*> k_rules[] = {
            {"checkin", "pain NOT BETWEEN 0 AND 10 OR mood NOT BETWEEN 0 AND 10 OR "
                        "sleep_quality NOT BETWEEN 0 AND 10 OR sleep_hours NOT BETWEEN 0 AND 24 "
                        "OR coalesce(pain, mood, sleep_hours, sleep_quality) IS NULL"},
            {"session", "minutes NOT BETWEEN 1 AND 600 OR pain_before NOT BETWEEN 0 AND 10"},
            {"checkin", "length(uuid) != 36 OR at_offset NOT BETWEEN -840 AND 840 OR "
                        "typeof(at_utc) != 'integer'"},
            {"session", "length(uuid) != 36 OR at_offset NOT BETWEEN -840 AND 840 OR "
                        "typeof(at_utc) != 'integer'"},
        };
        for (const auto& [table, rule] : k_rules) {
            SQLite::Statement bad(db, fmt::format("SELECT uuid FROM {} WHERE {}", table, rule));
            while (bad.executeStep()) {
                problems.push_back(fmt::format("value: the {} {} has an impossible value", table,
                                               bad.getColumn(0).getString()));
            }
        }
        if (has_table(db, "trial_event")) {
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
        SQLite::Statement twice(
            db, "SELECT uuid FROM checkin WHERE uuid IN (SELECT uuid FROM session)");
        while (twice.executeStep()) {
            problems.push_back(fmt::format("value: the id {} is both a check-in and a session",
                                           twice.getColumn(0).getString()));
        }
    });
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
        // Like report --output: a target that cannot be created is the user's input.
        throw InputError(fmt::format("cannot create {}: {}", target, std::strerror(errno)));
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

namespace {

// Steps as undo and redo see them: the newest step not undone, and the
// oldest undone step after it (a change made after an undo supersedes it).
// Journals of schema 1 (read-only here) have no undone column: all steps count.
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

bool has_undone_column(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM pragma_table_info('step') WHERE name = 'undone'")
               .getInt() > 0;
}

} // namespace

std::optional<Step> Journal::last_step() const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<Step> {
        SQLite::Database& db = *m_impl->db;
        return step_from(db, has_undone_column(db) ? k_last_active
                                                   : "SELECT id, action, summary, made_utc FROM "
                                                     "step ORDER BY id DESC LIMIT 1");
    });
}

std::optional<Step> Journal::next_redo() const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<Step> {
        SQLite::Database& db = *m_impl->db;
        return has_undone_column(db) ? step_from(db, k_next_redo) : std::nullopt;
    });
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
            transaction.commit();
        }
    });
    if (!dry_run) {
        trim_wal();
    }
}

// After a committed change, a WAL file over 64 KiB is emptied (and kept, at 0
// bytes: PERSIST_WAL). Every frame left in it is read by the next command to
// open the journal, which rebuilds SQLite's index of the WAL: megabytes after
// an import, and with the former 1 MiB limit up to a quarter of the work of
// a `relief log` (1.3 M of 5.7 M instructions). Emptying it after every
// change costs more than it saves: the next write must then restart the WAL,
// which syncs its header, and the truncation is a metadata write (about 1 ms
// together here). 64 KiB is about three logs (≈16 frames to re-read, ~80 µs).
// Readers are not waited for: with one in the middle of a snapshot the
// checkpoint does what it can without blocking and a later change (or the
// close) finishes it. The change is committed either way, so a failed
// checkpoint is no error.
void Journal::trim_wal() {
    constexpr off_t k_wal_kept_bytes = 64 * 1024;
    struct stat st {};
    if (::stat((m_impl->path + "-wal").c_str(), &st) != 0 || st.st_size <= k_wal_kept_bytes) {
        return;
    }
    sqlite3* handle = m_impl->db->getHandle();
    sqlite3_busy_timeout(handle, 0);
    sqlite3_wal_checkpoint_v2(handle, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    sqlite3_busy_timeout(handle, k_busy_timeout_ms);
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
