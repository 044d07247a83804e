// relief __complete WHAT …: what the shell completions offer, from the
// command line itself (every command, flag, format and key is typed once,
// in its setup_x), and from the journal (the kinds, areas, tags and
// therapists it holds). Hidden from the help; silent and exit 0 whatever
// goes wrong, so a completion never prints an error into the line being
// typed (as git's --list-cmds).
//
//   commands [CMD]                NAME<TAB>SUMMARY: the commands, or CMD's
//   flags [CMD [SUB]]             NAME<TAB>KIND<TAB>HELP, KIND flag, value or
//                                 file; ARG for the first positional
//   values CMD [SUB] FLAG|ARG     the values that FLAG (or ARG) takes
//   keys                          the config keys
//   kind | area | tag | therapist the names in the journal (and the usual kinds)
#include "app.hpp"
#include "choices.hpp"
#include "commands.hpp"
#include "relief/core/config/config.hpp"
#include "relief/core/record/record.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <set>
#include <span>

namespace relief::cli {
namespace {

struct CompleteOptions {
    std::vector<std::string> words;
};

std::optional<Journal::NameField> name_field(std::string_view name) {
    if (name == "kind") {
        return Journal::NameField::kind;
    }
    if (name == "area") {
        return Journal::NameField::area;
    }
    if (name == "tag") {
        return Journal::NameField::tag;
    }
    if (name == "therapist") {
        return Journal::NameField::therapist;
    }
    return std::nullopt;
}

// The names of `field` in the journal the command line names, if it exists;
// for kinds, the usual ones too. Each once, sorted.
std::set<std::string> names_of(const GlobalOptions& globals, Journal::NameField field) {
    std::set<std::string> names;
    if (field == Journal::NameField::kind) {
        const std::span<const std::string_view> usual = k_fields[field_index("kind")].usual;
        names.insert(usual.begin(), usual.end());
    }
    try {
        if (journal_exists(globals)) {
            const std::set<std::string> stored =
                open_journal(globals, Journal::Mode::read).names(field);
            names.insert(stored.begin(), stored.end());
        }
    } catch (const std::exception&) {
        // A journal that cannot be read has nothing to offer.
    }
    return names;
}

// The app at CMD SUB… (words[from, to)), or nullptr.
CLI::App* app_at(CLI::App& root, const std::vector<std::string>& words, std::size_t from,
                 std::size_t to) {
    CLI::App* at = &root;
    for (std::size_t i = from; i < to && at != nullptr; ++i) {
        CLI::App* next = nullptr;
        for (CLI::App* sub : at->get_subcommands({})) {
            if (sub->get_name() == words[i]) {
                next = sub;
            }
        }
        at = next;
    }
    return at;
}

// A help line short enough for a menu: up to the first "; " or " (" that
// leaves a few words.
std::string short_help(std::string help) {
    for (const char* cut : {"; ", " ("}) {
        if (const std::size_t at = help.find(cut); at != std::string::npos && at >= 12) {
            help.resize(at);
        }
    }
    for (char& c : help) {
        c = (c == '\t' || c == '\n') ? ' ' : c;
    }
    return help;
}

const char* kind_of(const CLI::Option& option) {
    if (option.get_items_expected_max() == 0) {
        return "flag";
    }
    const std::string type = option.get_type_name();
    return type.find("FILE") != std::string::npos || type.find("PATH") != std::string::npos
               ? "file"
               : "value";
}

const CLI::Option* first_positional(const CLI::App& app) {
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_positional()) {
            return option;
        }
    }
    return nullptr;
}

void print_commands(CLI::App* at) {
    if (at->get_parent() == nullptr) {
        for (const Command& c : commands()) {
            if (!c.summary.empty()) {
                std::cout << c.name << '\t' << c.summary << '\n';
            }
        }
        std::cout << "help\twhat a command does\n";
        return;
    }
    for (const CLI::App* sub : at->get_subcommands({})) {
        std::cout << sub->get_name() << '\t' << short_help(sub->get_description()) << '\n';
    }
}

// The command's flags, then those of the commands around it that reach it
// (--db and --config fall through to every command), each name once.
void print_flags(const CLI::App& at) {
    std::set<std::string> seen;
    const auto print = [&](const std::string& name, const CLI::Option& option) {
        if (seen.insert(name).second) {
            std::cout << name << '\t' << kind_of(option) << '\t'
                      << short_help(option.get_description()) << '\n';
        }
    };
    for (const CLI::App* app = &at; app != nullptr; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            if (option->get_positional()) {
                continue;
            }
            for (const std::string& name : option->get_lnames()) {
                print("--" + name, *option);
            }
            for (const std::string& name : option->get_snames()) {
                print("-" + name, *option);
            }
        }
    }
    if (const CLI::Option* arg = first_positional(at)) {
        std::cout << "ARG\t" << kind_of(*arg) << '\t' << short_help(arg->get_description()) << '\n';
    }
}

void print_values(const CLI::App& at, const std::string& word, const GlobalOptions& globals) {
    const CLI::Option* option = nullptr;
    if (word == "ARG") {
        option = first_positional(at);
    } else {
        for (const CLI::App* app = &at; app != nullptr && option == nullptr;
             app = app->get_parent()) {
            option = app->get_option_no_throw(word);
        }
    }
    if (option == nullptr) {
        return;
    }
    std::vector<std::string> values = choices_of(*option);
    const std::string type = option->get_type_name();
    const std::string name = option->get_lnames().empty() ? "" : option->get_lnames().front();
    if (const auto field = name_field(name)) {
        const std::set<std::string> names = names_of(globals, *field);
        values.assign(names.begin(), names.end());
    } else if (type == "0-10") {
        for (int i = 0; i <= 10; ++i) {
            values.push_back(std::to_string(i));
        }
    } else if (type == "WHEN" || type == "DAY" || type == "DATE") {
        if (type == "WHEN") {
            values.emplace_back("now");
        }
        for (const char* day :
             {"today", "yesterday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
            values.emplace_back(day);
        }
    } else if (type == "KEY") {
        for (const ConfigKey& key : config_keys()) {
            values.emplace_back(key.name);
        }
    }
    for (const std::string& value : values) {
        std::cout << value << '\n';
    }
}

ExitCode run_complete(const CompleteOptions& options, const GlobalOptions& globals) {
    const std::vector<std::string>& words = options.words;
    if (words.empty()) {
        return ExitCode::ok;
    }
    const std::string& what = words.front();
    if (const auto field = name_field(what)) {
        for (const std::string& name : names_of(globals, *field)) {
            std::cout << name << '\n';
        }
        return ExitCode::ok;
    }
    if (what == "keys") {
        for (const ConfigKey& key : config_keys()) {
            std::cout << key.name << '\n';
        }
        return ExitCode::ok;
    }
    // The whole command line, set up as for --help-all, to look inside.
    CLI::App root{"relief", "relief"};
    GlobalOptions unused_globals;
    RunResult unused_result;
    set_up_app(root, unused_globals, unused_result);
    const std::size_t last =
        what == "values" && words.size() >= 2 ? words.size() - 1 : words.size();
    CLI::App* at = app_at(root, words, 1, last);
    if (at == nullptr) {
        return ExitCode::ok;
    }
    if (what == "commands") {
        print_commands(at);
    } else if (what == "flags") {
        print_flags(*at);
    } else if (what == "values" && words.size() >= 3) {
        print_values(*at, words.back(), globals);
    }
    return ExitCode::ok;
}

} // namespace

int complete(const std::vector<std::string>& words, const GlobalOptions& globals) {
    try {
        run_complete(CompleteOptions{words}, globals);
    } catch (const std::exception&) {
        // Nothing to offer, and no error on the line being typed.
    }
    std::cout.flush();
    return 0;
}

void setup_complete(CLI::App& app, const GlobalOptions& /*globals*/, RunResult& /*result*/) {
    // Only so that --help-all and the command table know the name: run()
    // hands `relief __complete …` to complete() before CLI11 sees its words
    // ("--format" among them is a word to complete, not an option).
    app.add_subcommand("__complete", "For the shell completions")->group("")->allow_extras();
}

} // namespace relief::cli
