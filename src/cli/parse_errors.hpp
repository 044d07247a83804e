#pragma once
// CLI11's parse errors in relief's own words: "--pain given twice", "did you
// mean --weeks 8?", did-you-mean for commands' subcommands and options.
#include <optional>
#include <string>
#include <string_view>

namespace CLI {
class App;
class ParseError;
} // namespace CLI

namespace relief::cli {

// The message for a failed parse of `relief … COMMAND …` (argv[position] is
// the command, or position == argc when there is none).
std::string parse_error_message(const CLI::ParseError& error, const CLI::App& app, int argc,
                                char** argv, int position);

// A word before the command that looks like an option and is none of the
// global ones: a typo of one ("--versoin"), or a command's option typed
// before the command ("relief --pain 3").
std::string unknown_global_option(std::string_view word);

} // namespace relief::cli
