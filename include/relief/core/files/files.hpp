#pragma once
// Files relief writes: private (0600 whatever the umask), never half-written
// (a temporary file beside the target, synced, then renamed into place), and
// never anything but a regular file at the path the person gave.
#include "relief/core/files/file_descriptor.hpp"

#include <string>
#include <sys/types.h>

namespace relief {

// Creates `path` with mode 0600 (O_EXCL: an existing file is never opened).
// Returns the descriptor, or one that is not valid (get() < 0) with errno set.
FileDescriptor create_private_file(const std::string& path);

// A new, unique temporary path in the folder of `target` (created 0600 and
// returned open), for writing beside the target and renaming into place.
// It is named TARGET.relief-PID-XXXXXX, so that a later run can tell what a
// killed relief left behind; stale ones of this target are removed first.
struct TempFile {
    std::string path;
    FileDescriptor fd;
};
TempFile create_temp_beside(const std::string& target);

// Removes the temporary files a killed relief left beside `target`: named
// as create_temp_beside names them, regular, ours, 0600, and made by a
// process that no longer runs. Never anything else. Returns how many.
int remove_stale_temps_beside(const std::string& target);

// An exclusive flock(2) on the folder that holds `path`, held while it
// lives: read–modify–rename of one file by two relief processes in turn.
FileDescriptor lock_folder_of(const std::string& path);

// What kind of thing is at a path, in words ("a folder", "a FIFO"), for
// errors; "" for a regular file or nothing at all.
std::string non_regular_kind(mode_t mode);

// Follows `path` through symbolic links to the file they finally name (which
// need not exist yet). Throws UnusableError on a loop or when what is there
// is not a regular file (a folder, FIFO, device or socket): `what` names it
// in the error ("the config").
std::string regular_file_target(const std::string& path, const std::string& what);

// Writes `text` to `target` as one step: a temporary file beside it, synced,
// given `mode` (and, when `keep_owner_of` is an existing file, its owner),
// then renamed over the target and the folder synced. A failure leaves the
// target as it was and no temporary file behind. `check`, when given, runs
// on the temporary file before the rename and may throw to keep the target.
//
// With `existing` = refuse, the temporary file is linked into place instead
// (link(2) never replaces a file): one that appeared meanwhile is kept and
// InputError says so.
enum class Existing { replace, refuse };
void write_file_atomically(const std::string& target, const std::string& text, mode_t mode,
                           void (*check)(const std::string& temp_path) = nullptr,
                           Existing existing = Existing::replace);

// Syncs the folder that holds `path`, so that a rename into it survives a crash.
void sync_parent_dir(const std::string& path);

} // namespace relief
