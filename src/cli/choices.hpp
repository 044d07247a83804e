#pragma once
// Options whose value is one word of a list (--format, import's --type): the
// list is typed once, at the option, and from it come the help line ("text
// (default), json or csv"), the check ("--format must be text, json or csv,
// got "xml"", exit 2, before anything is read) and what the shell
// completions offer (relief __complete values CMD --format).
#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace relief::cli {

// Adds `name` to `cmd`. The value is taken in any case (HTML = html). The
// help line lists the choices, marking `target`'s value as the default when
// it is one, and ends with `more` when given ("(relief.check/1)").
CLI::Option* add_choice_option(CLI::App& cmd, const std::string& name, std::string& target,
                               std::vector<std::string> choices, std::string_view more = {});

// The choices add_choice_option gave `option`; empty for any other option.
std::vector<std::string> choices_of(const CLI::Option& option);

} // namespace relief::cli
