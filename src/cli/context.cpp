#include "context.hpp"

#include "relief/core/config/paths.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/zone.hpp"

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace relief::cli {

Instant current_instant() {
    const char* fake = std::getenv("RELIEF_NOW");
    if (fake == nullptr || *fake == '\0') {
        const std::int64_t utc = static_cast<std::int64_t>(std::time(nullptr));
        return Instant{utc, local_offset_at(utc)};
    }
    const auto iso = parse_iso(fake);
    if (!iso) {
        throw InputError(fmt::format("RELIEF_NOW must be a date-time like "
                                     "2026-11-20T20:00:00-05:00, got \"{}\"",
                                     shown_value(fake)));
    }
    if (!iso->offset_minutes) {
        if (const auto local = resolve_local(iso->day, iso->second_of_day)) {
            return *local;
        }
        throw InputError(
            fmt::format("RELIEF_NOW \"{}\" does not exist in the local time zone", fake));
    }
    const std::int64_t utc = instant_at_offset(*iso).utc;
    return Instant{utc, local_offset_at(utc)};
}

Config load_config(const GlobalOptions& globals) {
    const ExplainedConfig loaded = load_config_explained(config_path(globals.config));
    static bool warned = false; // once a run, though a command may read it twice
    if (!warned) {
        for (const UnknownKey& unknown : loaded.unknown) {
            std::cerr << "relief: warning: " << unknown.warning << '\n';
        }
        warned = true;
    }
    return loaded.config;
}

namespace {

// Where the journal's path came from, for notes about it.
std::string journal_path_source(const GlobalOptions& globals) {
    const char* env = std::getenv("RELIEF_DB");
    return !globals.db.empty()              ? "--db"
           : env != nullptr && *env != '\0' ? "RELIEF_DB"
                                            : "the default path";
}

} // namespace

Journal open_journal(const GlobalOptions& globals, Journal::Mode mode) {
    Journal journal = Journal::open(journal_path(globals.db), mode);
    if (journal.created()) {
        // A typo in --db or RELIEF_DB would otherwise start a second journal
        // in silence.
        std::cerr << fmt::format("relief: note: started a new journal at {} (from {})\n",
                                 journal.path(), journal_path_source(globals));
    }
    return journal;
}

std::string non_empty_path(const std::string& path) {
    return path.empty() ? std::string("needs a path, not an empty string") : std::string();
}

bool journal_exists(const GlobalOptions& globals) {
    struct stat st {};
    return ::stat(journal_path(globals.db).c_str(), &st) == 0 || errno != ENOENT;
}

Journal open_existing_journal(const GlobalOptions& globals, const std::string& id) {
    if (!journal_exists(globals)) {
        throw InputError(fmt::format("no record has an id starting with {} (the journal is "
                                     "empty)",
                                     to_lower(id)));
    }
    return open_journal(globals, Journal::Mode::write);
}

Journal open_journal_to_read(const GlobalOptions& globals) {
    Journal journal = open_journal(globals, Journal::Mode::read);
    struct stat st {};
    if (!journal.exists() && ::stat(journal.path().c_str(), &st) != 0) {
        // A mistyped --db, or a cron job without RELIEF_DB, must not read as
        // an empty journal in silence.
        std::cerr << fmt::format("relief: note: there is no journal at {} (from {}); nothing has "
                                 "been logged there yet\n",
                                 journal.path(), journal_path_source(globals));
    }
    return journal;
}

bool stdin_is_terminal() {
    return ::isatty(STDIN_FILENO) == 1;
}
bool stdout_is_terminal() {
    return ::isatty(STDOUT_FILENO) == 1;
}

bool use_color(ColorMode mode) {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color != nullptr && *no_color != '\0') {
        return false;
    }
    if (mode == ColorMode::never) {
        return false;
    }
    if (mode == ColorMode::always) {
        return true;
    }
    // A terminal that says it cannot show colour (Emacs' shell, some CI logs).
    const char* term = std::getenv("TERM");
    return stdout_is_terminal() && !(term != nullptr && std::string_view(term) == "dumb");
}

bool terminal_speaks_utf8() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') {
            const std::string lower = to_lower(value);
            return lower.find("utf-8") != std::string::npos ||
                   lower.find("utf8") != std::string::npos;
        }
    }
    return false;
}

} // namespace relief::cli
