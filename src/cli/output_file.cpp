// Where a report goes: stdout, or a new private file beside its target
// (report -o and trial report -o alike).
#include "output_file.hpp"

#include "relief/core/error.hpp"
#include "relief/core/files/files.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <sys/stat.h>

namespace relief::cli {

// True when `output` names the journal or one of SQLite's files beside it
// (-wal, -shm, -journal): a report must never take their place.
namespace {

bool is_journal_file(const std::string& output, const std::string& journal) {
    std::error_code ignored;
    const auto canonical = [&](const std::string& p) {
        return std::filesystem::weakly_canonical(p, ignored).string();
    };
    const std::string out = canonical(output);
    const std::string db = canonical(journal);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (out == db + suffix) {
            return true;
        }
        struct stat a {};
        struct stat b {};
        if (::stat(output.c_str(), &a) == 0 && ::stat((journal + suffix).c_str(), &b) == 0 &&
            a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            return true; // a hard link, or another spelling of the same file
        }
    }
    return false;
}

} // namespace

// stdout, or a new private file (health data: mode 0600 whatever the umask),
// written beside its target and renamed into place. An existing file is
// replaced only with --force, and never when it is the journal.
void write_output(const std::string& output, bool force, const std::string& journal,
                  const std::string& text) {
    if (output.empty() || output == "-") {
        std::cout << text;
        return;
    }
    if (is_journal_file(output, journal)) {
        throw InputError(fmt::format("{} is the journal (or one of its files); a report never "
                                     "writes over it",
                                     output));
    }
    struct stat st {};
    if (::lstat(output.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            throw UnusableError(
                fmt::format("cannot write {}: it is {}", output, non_regular_kind(st.st_mode)));
        }
        if (!force) {
            throw InputError(fmt::format("{} already exists; add --force to replace it", output));
        }
    }
    // A place that cannot be written is exit 3, as README's table says: the
    // output cannot be written (#26).
    write_file_atomically(output, text, 0600, nullptr,
                          force ? Existing::replace : Existing::refuse);
}

} // namespace relief::cli
