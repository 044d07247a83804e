#pragma once
// What the subcommands share: the global options and the few services made
// from them. Each run_x() takes only the services it needs.
#include "relief/core/config/config.hpp"
#include "relief/core/error.hpp"
#include "relief/core/time/instant.hpp"
#include "relief/store/journal.hpp"

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace relief::cli {

struct GlobalOptions {
    std::string db;     // --db
    std::string config; // --config
};

// The outcome of the subcommand that ran; main() exits with it.
struct RunResult {
    ExitCode code = ExitCode::ok;
};

// The current instant with the local offset. $RELIEF_NOW (an ISO date-time)
// replaces the clock, for tests and reproducible scripts.
Instant current_instant();

// A CLI11 check for PATH arguments: an empty one (an unset shell variable)
// would silently mean the default journal or stdout, so it is refused.
std::string non_empty_path(const std::string& path);

Config load_config(const GlobalOptions& globals);
Journal open_journal(const GlobalOptions& globals, Journal::Mode mode);
// For the commands that only read: when there is no journal at the path,
// says so on stderr (the path and where it came from) and reads it as empty.
Journal open_journal_to_read(const GlobalOptions& globals);
// Whether the journal file is there, without opening it (a file that cannot
// even be looked at counts as there, so that opening it reports why).
bool journal_exists(const GlobalOptions& globals);
// The journal for a change to records that must exist (edit, delete): a
// missing journal is not created, it is an error naming `id`.
Journal open_existing_journal(const GlobalOptions& globals, const std::string& id);

bool stdin_is_terminal();
bool stdout_is_terminal();
// Colour only on a terminal, never with NO_COLOR (or as config `color` says).
bool use_color(ColorMode mode);
// LANG/LC_ALL/LC_CTYPE name UTF-8: block characters are safe to print.
bool terminal_speaks_utf8();

} // namespace relief::cli
