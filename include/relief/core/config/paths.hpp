#pragma once
// Where the journal and the config live (cli.md "Where the journal lives"):
// a flag, else an environment variable, else the XDG default.
#include <string>

namespace relief {

// --db PATH, else $RELIEF_DB, else $XDG_DATA_HOME/relief/journal.db
// (~/.local/share/relief/journal.db). Throws UnusableError when none can be
// worked out (no HOME).
std::string journal_path(const std::string& flag);

// --config PATH, else $RELIEF_CONFIG, else $XDG_CONFIG_HOME/relief/config.toml
// (~/.config/relief/config.toml).
std::string config_path(const std::string& flag);

// Creates the missing directories above `file` with mode 0700.
void make_parent_dirs(const std::string& file);

} // namespace relief
