#include "relief/core/files/files.hpp"

#include "relief/core/error.hpp"

#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace relief {

FileDescriptor create_private_file(const std::string& path) {
    FileDescriptor fd(::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600));
    if (fd.get() >= 0) {
        ::fchmod(fd.get(), 0600); // the umask never widens it, nor narrows it oddly
    }
    return fd;
}

namespace {

constexpr std::string_view k_temp_infix = ".relief-";

// The pid in NAME.relief-PID-XXXXXX (after `prefix`), or 0 if it is not one.
// SQLite's files beside a temporary journal (a backup's) count with it.
pid_t temp_pid(std::string_view name, std::string_view prefix) {
    for (const std::string_view suffix : {"-journal", "-wal", "-shm"}) {
        if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
            name.remove_suffix(suffix.size());
            break;
        }
    }
    if (name.size() <= prefix.size() + 7 || name.substr(0, prefix.size()) != prefix) {
        return 0;
    }
    const std::string_view rest = name.substr(prefix.size());
    const std::size_t dash = rest.size() - 7;
    if (rest[dash] != '-' || dash == 0 || dash > 10) {
        return 0;
    }
    long long pid = 0;
    for (const char c : rest.substr(0, dash)) {
        if (c < '0' || c > '9') {
            return 0;
        }
        pid = pid * 10 + (c - '0');
    }
    for (const char c : rest.substr(dash + 1)) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            return 0;
        }
    }
    return pid > 0 && pid <= INT_MAX ? static_cast<pid_t>(pid) : 0;
}

} // namespace

int remove_stale_temps_beside(const std::string& target) {
    const std::filesystem::path path(target);
    const std::string folder = path.parent_path().empty() ? "." : path.parent_path().string();
    const std::string prefix = path.filename().string() + std::string(k_temp_infix);
    std::error_code error;
    int removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        const pid_t pid = temp_pid(name, prefix);
        struct stat st {};
        if (pid == 0 || pid == ::getpid() || ::lstat(entry.path().c_str(), &st) != 0 ||
            !S_ISREG(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 07777) != 0600) {
            continue;
        }
        if (::kill(pid, 0) == 0 || errno != ESRCH) {
            continue; // its relief may still be writing it
        }
        removed += ::unlink(entry.path().c_str()) == 0 ? 1 : 0;
    }
    return removed;
}

FileDescriptor lock_folder_of(const std::string& path) {
    const std::string folder = std::filesystem::path(path).parent_path().string();
    FileDescriptor fd(
        ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    while (fd.get() >= 0 && ::flock(fd.get(), LOCK_EX) != 0 && errno == EINTR) {
    }
    return fd;
}

TempFile create_temp_beside(const std::string& target) {
    remove_stale_temps_beside(target);
    // mkstemp: O_EXCL with a fresh name, so two writers never share a temporary file.
    std::string pattern =
        fmt::format("{}{}{}-XXXXXX", target, k_temp_infix, static_cast<long>(::getpid()));
    std::string buffer = pattern;
    const int fd = ::mkostemp(buffer.data(), O_CLOEXEC);
    if (fd < 0) {
        throw UnusableError(fmt::format("cannot write {}: {}", target, std::strerror(errno)));
    }
    ::fchmod(fd, 0600);
    return TempFile{buffer, FileDescriptor(fd)};
}

std::string non_regular_kind(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a folder";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO (named pipe)";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "";
}

std::string regular_file_target(const std::string& path, const std::string& what) {
    std::filesystem::path current(path);
    // 40 links, as the kernel allows (ELOOP past that).
    for (int hops = 0; hops <= 40; ++hops) {
        struct stat st {};
        if (::lstat(current.c_str(), &st) != 0) {
            if (errno == ENOENT) {
                return current.string(); // a new file: created at the link's target
            }
            throw UnusableError(
                fmt::format("cannot use {} {}: {}", what, path, std::strerror(errno)));
        }
        if (S_ISLNK(st.st_mode)) {
            char link[PATH_MAX];
            const ssize_t n = ::readlink(current.c_str(), link, sizeof link - 1);
            if (n < 0) {
                throw UnusableError(
                    fmt::format("cannot use {} {}: {}", what, path, std::strerror(errno)));
            }
            const std::filesystem::path next(std::string(link, static_cast<std::size_t>(n)));
            current = next.is_absolute() ? next : current.parent_path() / next;
            continue;
        }
        const std::string kind = non_regular_kind(st.st_mode);
        if (!kind.empty()) {
            throw UnusableError(fmt::format("{} {} is {}, not a regular file", what, path, kind));
        }
        return current.string();
    }
    throw UnusableError(fmt::format("{} {} is a loop of symbolic links", what, path));
}

void sync_parent_dir(const std::string& path) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    const FileDescriptor dir(
        ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) {
        ::fsync(dir.get()); // best effort: the rename itself has happened
    }
}

void write_file_atomically(const std::string& target, const std::string& text, mode_t mode,
                           void (*check)(const std::string& temp_path), Existing existing) {
    TempFile temp = create_temp_beside(target);
    struct stat old {};
    const bool had_file = ::stat(target.c_str(), &old) == 0;
    const char* data = text.data();
    std::size_t left = text.size();
    bool written = true;
    while (left > 0 && written) {
        const ssize_t n = ::write(temp.fd.get(), data, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        written = n > 0;
        if (written) {
            data += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    written = written && ::fchmod(temp.fd.get(), mode) == 0;
    if (written && had_file && (old.st_uid != ::geteuid() || old.st_gid != ::getegid())) {
        // Keep the owner of a file that root edits for someone else; a failure
        // to do so is not worth losing the write over.
        [[maybe_unused]] const int ignored = ::fchown(temp.fd.get(), old.st_uid, old.st_gid);
    }
    written = written && ::fsync(temp.fd.get()) == 0;
    const int saved = errno;
    temp.fd.reset();
    if (!written) {
        ::unlink(temp.path.c_str());
        throw UnusableError(fmt::format("cannot write {}: {}", target, std::strerror(saved)));
    }
    if (check != nullptr) {
        try {
            check(temp.path);
        } catch (...) {
            ::unlink(temp.path.c_str());
            throw;
        }
    }
    if (existing == Existing::refuse) {
        // link(2) fails with EEXIST rather than replace a file that appeared
        // since the caller looked.
        const int linked = ::link(temp.path.c_str(), target.c_str());
        const int err = errno;
        ::unlink(temp.path.c_str());
        if (linked != 0 && err == EEXIST) {
            throw InputError(fmt::format("{} already exists; add --force to replace it", target));
        }
        if (linked != 0) {
            throw UnusableError(fmt::format("cannot write {}: {}", target, std::strerror(err)));
        }
    } else if (::rename(temp.path.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.path.c_str());
        throw UnusableError(fmt::format("cannot replace {}: {}", target, std::strerror(err)));
    }
    sync_parent_dir(target);
}

} // namespace relief
