#pragma once

namespace relief::cli {

// Parses the command line, runs the subcommand, prints any error as one
// "relief: error: …" line on stderr and returns the exit code of cli.md.
int run(int argc, char** argv);

} // namespace relief::cli
