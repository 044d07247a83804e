// Opening a journal: creating it private (0600), locking its set-up,
// reading from read-only media, recovering a hot rollback journal.
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

// Creates the journal file with mode 0600 before SQLite sees it, so that the
// umask never decides who can read someone's health data. True when this
// call made the file.
bool create_journal_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        return false;
    }
    make_parent_dirs(path);
    if (create_private_file(path).get() < 0) {
        if (errno == EEXIST) {
            return false; // another relief won
        }
        throw UnusableError(
            fmt::format("cannot create the journal {}: {}", path, std::strerror(errno)));
    }
    return true;
}

// Before writing: a journal with a second name (a hard link) gets one
// write-ahead log per name, and writers using both corrupt it (3 runs of 3
// ended "database disk image is malformed"). An existing empty file becomes
// the journal only when it is ours, and private. Reads need neither.
void check_file_to_write(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return; // not there yet (created private), or refused elsewhere
    }
    if (st.st_nlink > 1) {
        throw UnusableError(fmt::format(
            "the journal {} has {} names (hard links), and writing through more than one would "
            "damage it (SQLite keeps a log per name); nothing was written: make the other name a "
            "copy (cp, not ln) and remove the link",
            path, st.st_nlink));
    }
    if (st.st_size != 0) {
        return;
    }
    if (st.st_uid != ::geteuid()) {
        throw UnusableError(fmt::format("{} is an empty file that belongs to another user (uid "
                                        "{}); relief starts a journal only in a file of its own: "
                                        "remove it, or choose another --db",
                                        path, st.st_uid));
    }
    if ((st.st_mode & 07777) != 0600 && ::chmod(path.c_str(), 0600) != 0) {
        throw UnusableError(fmt::format("cannot make the journal {} private (mode 0600): {}", path,
                                        std::strerror(errno)));
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

// A copy of the journal `file` in memory, at the newest schema.
std::unique_ptr<SQLite::Database> upgraded_copy(SQLite::Database& file, const std::string& path) {
    auto memory = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    SQLite::Backup copy(*memory, "main", file, "main");
    copy.executeStep(-1);
    memory->exec("PRAGMA foreign_keys = ON");
    store::migrate(*memory, path);
    return memory;
}

} // namespace

Journal::Journal(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() = default;

int Journal::schema_version() noexcept {
    return store::latest_schema_version();
}

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
        check_file_to_write(path);
        impl->created = create_journal_file(path);
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
            } else if (store::needs_migration(*impl->db)) {
                // An older schema (or a .dump copy): read an upgraded copy in
                // memory, so every query is written for the newest schema only,
                // as ninja reads an older build log. The next write upgrades
                // the file itself, in one transaction.
                impl->file_db = std::move(impl->db);
                impl->db = upgraded_copy(*impl->file_db, path);
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

Journal Journal::open_copy_in_memory(const std::string& path) {
    Journal source = open(path, Mode::read);
    if (!source.exists()) {
        return open_scratch();
    }
    configure_sqlite_once();
    auto impl = std::make_unique<Impl>();
    impl->path = path; // messages name the journal the copy is of
    store::guarded(path, [&] { impl->db = upgraded_copy(*source.m_impl->db, path); });
    return Journal(std::move(impl));
}

const std::string& Journal::path() const noexcept {
    return m_impl->path;
}
bool Journal::created() const noexcept {
    return m_impl->created;
}

bool Journal::exists() const noexcept {
    return m_impl->db != nullptr;
}

} // namespace relief
