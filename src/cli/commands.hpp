#pragma once
// Every subcommand of relief: its name, the line the top-level help shows
// for it, and the setup_x() that registers its options and its run_x() (one
// file per command, cmd_x.cpp). A new command is one row of commands() and
// its file (CONTRIBUTING.md).
#include "context.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace relief::cli {

using Setup = void (*)(CLI::App& app, const GlobalOptions& globals, RunResult& result);

struct Command {
    std::string_view name;
    std::string_view summary; // one line of the top-level help, at most 66 columns; "" = not listed
    Setup setup;
};

// In the order the top-level help lists them.
std::span<const Command> commands();
const Command* find_command(std::string_view name);

void setup_log(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_list(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_edit(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_delete(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_undo(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_redo(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_trial(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_export(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_import(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_demo(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_report(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_remind(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_status(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_config(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_backup(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_check(CLI::App& app, const GlobalOptions& globals, RunResult& result);
void setup_complete(CLI::App& app, const GlobalOptions& globals, RunResult& result);

// relief __complete WORDS… (cmd_complete.cpp): what the shell completions
// offer; always 0, never an error.
int complete(const std::vector<std::string>& words, const GlobalOptions& globals);

} // namespace relief::cli
