// relief check: integrity and schema of the journal; exit 1 with a list of problems.
#include "choices.hpp"
#include "commands.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/files/files.hpp"
#include "relief/core/text/json.hpp"
#include "relief/core/text/text.hpp"
#include "selection.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>
#include <sys/stat.h>

namespace relief::cli {

namespace {

struct CheckOptions {
    bool quiet = false;
    std::string format = "text";
};

// The problems found, or the line saying all is well (empty when there is no
// journal: then `no_journal` says so).
struct Findings {
    std::vector<std::string> problems;
    std::string summary;
    bool no_journal = false;
    std::string path;
    std::int64_t checkins = 0;
    std::int64_t sessions = 0;
};

// relief.check/1: the same findings for a script (a backup job, a monitor).
void print_json(const Findings& f, int removed) {
    JsonWriter j;
    j.begin_object();
    j.key("schema").value("relief.check/1");
    j.key("journal").value(f.path);
    j.key("exists").value(!f.no_journal);
    j.key("ok").value(f.problems.empty());
    j.key("problems").value(f.problems);
    j.key("checkins").value(static_cast<long long>(f.checkins));
    j.key("sessions").value(static_cast<long long>(f.sessions));
    j.key("schema_version").value(Journal::schema_version());
    j.key("temporary_files_removed").value(removed);
    j.end_object();
    std::cout << j.str() << '\n';
}

Findings examine(const GlobalOptions& globals) {
    Findings f;
    try {
        const Journal journal = open_journal(globals, Journal::Mode::read);
        f.path = journal.path();
        struct stat st {};
        if (!journal.exists() && ::stat(journal.path().c_str(), &st) == 0) {
            // Readers take an empty file for a journal not set up yet; for
            // check it is a file that holds no journal (a backup cut off at
            // its first byte).
            // (#29: after a first log killed before it wrote, the same file.)
            f.problems.push_back(fmt::format(
                "the file is empty (0 bytes): a journal that was never written (a first relief "
                "log stopped before it wrote anything, or a copy cut off at its first byte); it "
                "holds nothing to lose: remove it (rm {}) and log again, or restore the copy",
                journal.path()));
        } else if (!journal.exists()) {
            f.no_journal = true;
        } else {
            f.problems = journal.check();
        }
        if (journal.exists() && f.problems.empty()) {
            f.checkins = journal.count(RecordType::checkin);
            f.sessions = journal.count(RecordType::session);
            f.summary = fmt::format("ok: {} ({}, {}; integrity, foreign keys, "
                                    "schema {} and values checked)",
                                    journal.path(), count_of(f.checkins, "check-in"),
                                    count_of(f.sessions, "session"), Journal::schema_version());
        }
    } catch (const DamagedError& e) {
        // Other commands refuse such a file (exit 3); finding it is check's answer.
        f.problems.push_back("damage: " + e.damage());
    }
    return f;
}

ExitCode run_check(const CheckOptions& options, const GlobalOptions& globals) {
    load_config(globals);
    const Findings f = examine(globals);
    // What a killed relief left beside the journal or the config (its own
    // temporary files, by their names; files.hpp).
    const int removed = (f.path.empty() ? 0 : remove_stale_temps_beside(f.path)) +
                        remove_stale_temps_beside(config_path(globals.config));
    if (options.format == "json") {
        if (!options.quiet) {
            print_json(f, removed);
        }
        return f.problems.empty() ? ExitCode::ok : ExitCode::no;
    }
    if (!options.quiet && removed > 0) {
        std::cout << fmt::format("Removed {} that a stopped relief had left behind.\n",
                                 removed == 1 ? std::string("1 temporary file")
                                              : fmt::format("{} temporary files", removed));
    }
    if (!options.quiet) {
        if (f.no_journal) {
            std::cout << fmt::format("No journal at {} yet: nothing to check.\n", f.path);
        }
        for (const std::string& p : f.problems) {
            std::cout << "problem: " << p << '\n';
        }
        if (!f.summary.empty()) {
            std::cout << f.summary << '\n';
        }
    }
    return f.problems.empty() ? ExitCode::ok : ExitCode::no;
}

} // namespace

void setup_check(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* cmd = app.add_subcommand("check", "Check the journal for damage");
    cmd->description("Run SQLite's integrity and foreign-key checks, check the schema version "
                     "and look for values no valid record can have. Exit 0 when all is well, 1 "
                     "with one line per problem (a damaged file or one that is not a journal "
                     "is a problem found), 3 when the file cannot be read at all or is from a "
                     "newer relief.");
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing; the exit code tells");
    add_choice_option(*cmd, "--format", options->format, {"text", "json"}, "(relief.check/1)");
    cmd->footer(R"(Examples:
  relief check
  relief --db backup.db check && echo "backup is sound")");
    cmd->callback([options, &globals, &result] { result.code = run_check(*options, globals); });
}

} // namespace relief::cli
