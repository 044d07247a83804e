// relief __complete FIELD: the kinds, areas, tags or therapists already in
// the journal, one per line, for the shell completions (share/completions).
// Hidden from the help; silent and exit 0 whatever goes wrong, so that a
// completion never prints an error into the command line being typed.
#include "commands.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <set>

namespace relief::cli {
namespace {

struct CompleteOptions {
    std::string field;
};

std::set<std::string> values_of(const Journal& journal, const std::string& field) {
    return journal.names(field == "kind"   ? Journal::NameField::kind
                         : field == "area" ? Journal::NameField::area
                         : field == "tag"  ? Journal::NameField::tag
                                           : Journal::NameField::therapist);
}

ExitCode run_complete(const CompleteOptions& options, const GlobalOptions& globals) {
    try {
        if (!journal_exists(globals)) {
            return ExitCode::ok;
        }
        const Journal journal = open_journal(globals, Journal::Mode::read);
        for (const std::string& value : values_of(journal, options.field)) {
            std::cout << value << '\n';
        }
    } catch (const std::exception&) {
        // Nothing to offer: the completion falls back to its fixed list.
    }
    return ExitCode::ok;
}

} // namespace

void setup_complete(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<CompleteOptions>();
    CLI::App* cmd = app.add_subcommand("__complete", "For the shell completions");
    cmd->group(""); // not shown in help
    cmd->add_option("field", options->field, "kind, area, tag or therapist")
        ->required()
        ->check(CLI::IsMember({"kind", "area", "tag", "therapist"}));
    cmd->callback([options, &globals, &result] { result.code = run_complete(*options, globals); });
}

} // namespace relief::cli
