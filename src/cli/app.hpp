#pragma once
#include "commands.hpp"

namespace relief::cli {

// The whole command line: --version, --help-all, --db, --config and the
// commands, or only `only` when given (what one run needs).
void set_up_app(CLI::App& app, GlobalOptions& globals, RunResult& result,
                const Command* only = nullptr);

// Parses the command line, runs the subcommand, prints any error as one
// "relief: error: …" line on stderr and returns the exit code of cli.md.
int run(int argc, char** argv);

} // namespace relief::cli
