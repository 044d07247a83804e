#include "relief/core/config/paths.hpp"

#include "relief/core/error.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <sys/stat.h>

namespace relief {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

// $XDG_x_HOME if set and absolute (the XDG spec ignores relative ones),
// else $HOME/fallback.
std::string xdg_dir(const char* variable, const char* fallback) {
    const std::string xdg = env(variable);
    if (!xdg.empty() && xdg.front() == '/') {
        return xdg;
    }
    const std::string home = env("HOME");
    if (home.empty()) {
        throw UnusableError(fmt::format("cannot find your home folder: HOME is not set; give "
                                        "the path with --db / --config or set ${}",
                                        variable));
    }
    return home + "/" + fallback;
}

} // namespace

std::string journal_path(const std::string& flag) {
    if (!flag.empty()) {
        return flag;
    }
    if (const std::string from_env = env("RELIEF_DB"); !from_env.empty()) {
        return from_env;
    }
    return xdg_dir("XDG_DATA_HOME", ".local/share") + "/relief/journal.db";
}

std::string config_path(const std::string& flag) {
    if (!flag.empty()) {
        return flag;
    }
    if (const std::string from_env = env("RELIEF_CONFIG"); !from_env.empty()) {
        return from_env;
    }
    return xdg_dir("XDG_CONFIG_HOME", ".config") + "/relief/config.toml";
}

void make_parent_dirs(const std::string& file) {
    for (std::size_t slash = file.find('/', 1); slash != std::string::npos;
         slash = file.find('/', slash + 1)) {
        const std::string dir = file.substr(0, slash);
        if (::mkdir(dir.c_str(), 0700) == 0) {
            ::chmod(dir.c_str(), 0700); // whatever the umask
        } else if (errno != EEXIST) {
            throw UnusableError(
                fmt::format("cannot create the folder {}: {}", dir, std::strerror(errno)));
        }
    }
}

} // namespace relief
