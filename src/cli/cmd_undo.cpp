// relief undo: revert the last log, edit, delete, import or demo.
#include <CLI/CLI.hpp>
#include <iostream>

#include "context.hpp"

namespace relief::cli {
namespace {

ExitCode run_undo(const GlobalOptions& globals, bool quiet) {
    load_config(globals);
    if (!journal_exists(globals)) {
        std::cerr << "Nothing to undo.\n";
        return ExitCode::no;
    }
    Journal journal = open_journal(globals, Journal::Mode::write);
    const std::optional<Step> step = journal.undo();
    if (!step) {
        std::cerr << "Nothing to undo.\n";
        return ExitCode::no;
    }
    if (!quiet) {
        std::cout << "Undid the " << step->summary << ".\n";
    }
    return ExitCode::ok;
}

} // namespace

void setup_undo(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto quiet = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("undo", "Revert the last change");
    cmd->description("Revert the last log, edit, delete, import or demo, and say what was "
                     "reverted. Repeat to go further back. Exit 1 when there is nothing to undo.");
    cmd->add_flag("-q,--quiet", *quiet, "Print nothing on success");
    cmd->footer(R"(Examples:
  relief undo
  relief undo && relief undo       # the last two changes)");
    cmd->callback([quiet, &globals, &result] { result.code = run_undo(globals, *quiet); });
}

} // namespace relief::cli
