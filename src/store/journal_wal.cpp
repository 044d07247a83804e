// Keeping the write-ahead log short after a change.
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

} // namespace relief
