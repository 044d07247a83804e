// relief backup PATH: a consistent copy of the journal (0600), taken online.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {

void setup_backup(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto target = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("backup", "Copy the journal safely to a new file");
    cmd->description("Copy the journal to PATH with SQLite's online backup: a consistent "
                     "snapshot even while another relief writes. The copy is private (0600) and "
                     "is itself a journal (relief --db PATH list). PATH must not exist yet.");
    cmd->add_option("path", *target, "The new file")
        ->required()
        ->type_name("PATH")
        ->check(non_empty_path);
    cmd->add_flag("-q,--quiet", *quiet, "Print nothing on success");
    cmd->footer(R"(Examples:
  relief backup ~/backups/relief-$(date +%F).db
  relief --db ~/backups/relief-2026-11-23.db check)");
    cmd->callback([target, quiet, &globals, &result] {
        load_config(globals);
        const Journal journal = open_journal(globals, Journal::Mode::read);
        journal.backup_to(*target);
        if (!*quiet) {
            std::cout << fmt::format(
                "Backed up {} records ({} check-ins, {} sessions) to {}.\n",
                journal.count(RecordType::checkin) + journal.count(RecordType::session),
                journal.count(RecordType::checkin), journal.count(RecordType::session), *target);
        }
        result.code = ExitCode::ok;
    });
}

} // namespace relief::cli
