// relief backup PATH: a consistent copy of the journal (0600), taken online.
#include "commands.hpp"
#include "relief/core/text/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {

namespace {

struct BackupOptions {
    std::string target;
    bool quiet = false;
};

ExitCode run_backup(const BackupOptions& options, const GlobalOptions& globals) {
    load_config(globals);
    const Journal journal = open_journal(globals, Journal::Mode::read);
    journal.backup_to(options.target);
    if (!options.quiet) {
        const std::int64_t checkins = journal.count(RecordType::checkin);
        const std::int64_t sessions = journal.count(RecordType::session);
        std::cout << fmt::format(
            "Backed up {} ({}, {}) to {}.\n", count_of(checkins + sessions, "record"),
            count_of(checkins, "check-in"), count_of(sessions, "session"), options.target);
    }
    return ExitCode::ok;
}

} // namespace

void setup_backup(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<BackupOptions>();
    CLI::App* cmd = app.add_subcommand("backup", "Copy the journal safely to a new file");
    cmd->description("Copy the journal to PATH with SQLite's online backup: a consistent "
                     "snapshot even while another relief writes. The copy is private (0600) and "
                     "is itself a journal (relief --db PATH list). PATH must not exist yet.");
    cmd->add_option("path", options->target, "The new file")
        ->required()
        ->type_name("PATH")
        ->check(non_empty_path);
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->footer(R"(Examples:
  relief backup ~/backups/relief-$(date +%F).db
  relief --db ~/backups/relief-$(date +%F).db check)");
    cmd->callback([options, &globals, &result] { result.code = run_backup(*options, globals); });
}

} // namespace relief::cli
