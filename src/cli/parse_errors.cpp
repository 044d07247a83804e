#include "parse_errors.hpp"

#include "commands.hpp"
#include "relief/core/text/text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <sstream>
#include <vector>

namespace relief::cli {
namespace {

// Every --long and -s name of a command and its own subcommands.
void option_names(const CLI::App& app, std::vector<std::string>& names) {
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& name : option->get_lnames()) {
            names.push_back("--" + name);
        }
        for (const std::string& name : option->get_snames()) {
            names.push_back("-" + name);
        }
    }
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        option_names(*sub, names);
    }
}

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

// The command typed and the subcommand of it typed, if any: "trial plan".
struct Typed {
    const CLI::App* app = nullptr; // the deepest one typed
    std::string where;             // "" when no command was typed
    bool has_subcommands = false;  // the command has some, and none was typed
};

Typed typed_command(const CLI::App& app, int argc, char** argv, int position) {
    Typed typed{&app, "", false};
    if (position >= argc || find_command(argv[position]) == nullptr) {
        return typed;
    }
    const CLI::App* command = app.get_subcommand(argv[position]);
    typed = {command, argv[position], !subcommands_of(*command).empty()};
    for (int i = position + 1; i < argc; ++i) {
        for (const CLI::App* sub : subcommands_of(*command)) {
            if (sub->get_name() == argv[i]) {
                return {sub, typed.where + " " + sub->get_name(), false};
            }
        }
    }
    return typed;
}

// "unknown option --pian for log; did you mean --pain?" for the first word
// after the command that looks like an option and is none of its options.
std::optional<std::string> unknown_option(const CLI::App& app, int argc, char** argv, int position,
                                          const Typed& typed) {
    if (typed.where.empty()) {
        return std::nullopt;
    }
    const CLI::App* command = app.get_subcommand(argv[position]);
    std::vector<std::string> names{"--db", "--config"};
    option_names(*command, names);
    for (int i = position + 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            break;
        }
        if (arg.size() < 2 || arg[0] != '-' || (arg[1] >= '0' && arg[1] <= '9')) {
            continue; // a value, "-", or a negative number
        }
        const std::string name(arg.substr(0, arg.find('=')));
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            continue;
        }
        const auto guess = closest_match(name, names);
        return fmt::format("unknown option {} for {}{} (relief help {} lists them)",
                           shown_value(name), typed.where,
                           guess ? fmt::format("; did you mean {}?", *guess) : std::string(),
                           typed.where);
    }
    return std::nullopt;
}

std::string see_help(const Typed& typed) {
    return typed.where.empty() ? "relief help" : "relief help " + typed.where;
}

// Of the words CLI11 did not expect ("The following arguments were not
// expected: b a"), the one typed first.
std::string first_extra(const CLI::ParseError& error, int argc, char** argv, int position) {
    const std::string what = error.what();
    const std::size_t colon = what.find(": ");
    std::vector<std::string> extras;
    std::istringstream words(colon == std::string::npos ? what : what.substr(colon + 2));
    for (std::string word; words >> word;) {
        extras.push_back(word);
    }
    for (int i = std::min(position + 1, argc); i < argc; ++i) {
        if (std::find(extras.begin(), extras.end(), argv[i]) != extras.end()) {
            return argv[i];
        }
    }
    return extras.empty() ? std::string() : extras.front();
}

// A bare number after a command that takes one option as a number: the
// flag that was meant ("relief report 8" → --weeks 8).
std::string_view number_option(std::string_view where) {
    if (where == "report" || where == "demo" || where == "trial plan" || where == "trial start") {
        return "--weeks";
    }
    if (where == "list") {
        return "--limit";
    }
    return {};
}

std::string unexpected_word(const std::string& word, const Typed& typed) {
    if (typed.has_subcommands) {
        std::vector<std::string> names;
        for (const CLI::App* sub : subcommands_of(*typed.app)) {
            names.push_back(sub->get_name());
        }
        const auto guess = closest_match(word, names);
        return fmt::format("unknown command \"{}\" for {}{} (it takes {}; {} lists them)",
                           shown_value(word), typed.where,
                           guess ? fmt::format("; did you mean \"{}\"?", *guess) : std::string(),
                           join(names, ", "), see_help(typed));
    }
    const std::string_view flag = number_option(typed.where);
    if (!flag.empty() && parse_integer(word)) {
        return fmt::format("unexpected \"{}\" after {}; did you mean {} {}?", shown_value(word),
                           typed.where, flag, word);
    }
    if (typed.where.empty()) {
        return fmt::format("unexpected \"{}\" ({} lists the commands)", shown_value(word),
                           see_help(typed));
    }
    return fmt::format("unexpected \"{}\" after {} (it takes no such word; {} says what it "
                       "takes)",
                       shown_value(word), typed.where, see_help(typed));
}

// "--pain: At Most 1 required but received 2" → "--pain" and the rest.
std::pair<std::string, std::string> split_name(const std::string& what) {
    const std::size_t colon = what.find(": ");
    if (colon == std::string::npos) {
        return {"", what};
    }
    return {what.substr(0, colon), what.substr(colon + 2)};
}

std::string times(long n) {
    return n == 2 ? std::string("twice") : fmt::format("{} times", n);
}

std::string argument_mismatch(const CLI::ParseError& error, const Typed& typed) {
    const auto [name, rest] = split_name(error.what());
    if (rest.starts_with("At Most 1 required but received ")) {
        const auto n = parse_integer(rest.substr(rest.rfind(' ') + 1)).value_or(2);
        return fmt::format("{} given {}; give it once", name, times(n));
    }
    if (rest.find(" missing") != std::string::npos) {
        const CLI::Option* option = typed.app->get_option_no_throw(name);
        const std::string type = option == nullptr ? "" : option->get_type_name();
        return fmt::format("{} needs a value{} (see {})", name,
                           type.empty() ? "" : fmt::format(": {} {}", name, type), see_help(typed));
    }
    return fmt::format("{}: {} ({})", name, rest, see_help(typed));
}

std::string required(const CLI::ParseError& error, const Typed& typed) {
    const std::string what = error.what();
    if (what.starts_with("Requires at least") || what.find("subcommand") != std::string::npos) {
        std::vector<std::string> names;
        for (const CLI::App* sub : subcommands_of(*typed.app)) {
            names.push_back(sub->get_name());
        }
        return fmt::format("{} needs one of: {} ({} says what each does)", typed.where,
                           join(names, ", "), see_help(typed));
    }
    const std::size_t is = what.find(" is required");
    if (is != std::string::npos) {
        std::string name = what.substr(0, is);
        if (!name.starts_with('-')) {
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        }
        return fmt::format("{} needs {} ({} says what it takes)", typed.where, name,
                           see_help(typed));
    }
    return fmt::format("{} ({})", what, see_help(typed));
}

} // namespace

std::string parse_error_message(const CLI::ParseError& error, const CLI::App& app, int argc,
                                char** argv, int position) {
    const Typed typed = typed_command(app, argc, argv, position);
    if (const auto message = unknown_option(app, argc, argv, position, typed)) {
        return *message;
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
        return unexpected_word(first_extra(error, argc, argv, position), typed);
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        return argument_mismatch(error, typed);
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        return required(error, typed);
    }
    const std::string what = error.what();
    if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
        const std::size_t at = what.find(" excludes ");
        return fmt::format("{} and {} cannot be given together", what.substr(0, at),
                           what.substr(at + 10));
    }
    if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
        // relief's own check ("needs a path, …"), named by its option, or
        // by the command for a word without a dash
        const auto [name, rest] = split_name(what);
        return fmt::format("{} {}", name.starts_with('-') ? name : typed.where, rest);
    }
    return fmt::format("{} ({})", what, see_help(typed));
}

std::string unknown_global_option(std::string_view word) {
    const std::string name(word.substr(0, word.find('=')));
    if (name == "-V" || name == "-v") {
        return fmt::format("unknown option {}; did you mean --version?", name);
    }
    const auto guess =
        closest_match(name, {"--db", "--config", "--help", "--version", "--help-all"});
    if (guess) {
        return fmt::format("unknown option {}; did you mean {}? (relief help lists the commands)",
                           shown_value(name), *guess);
    }
    return fmt::format("unknown option {}: a command's options come after its name, as in "
                       "relief log --pain 4 (relief help lists the commands)",
                       shown_value(name));
}

} // namespace relief::cli
