#include "app.hpp"

#include "commands.hpp"
#include "help_formatter.hpp"
#include "parse_errors.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/text/text.hpp"
#include "relief_version.hpp"

#include <CLI/CLI.hpp>
#include <csignal>
#include <fmt/format.h>
#include <iostream>
#include <string_view>
#include <vector>

namespace relief::cli {
namespace {

constexpr const char* k_intro =
    R"(relief: a private pain-and-relief journal. Does massage help you, how long
does the relief last, how often should you go? Your own diary answers.

Usage: relief [--db PATH] [--config PATH] COMMAND [OPTIONS] [ARGS]
       relief help COMMAND   what a command does, with its options and examples
       relief                on a terminal: today at a glance (relief status)
)";

constexpr const char* k_outro = R"(
Examples:
  relief log --pain 4 --sleep 7.5 --mood 6 stiff after gardening
  relief log --massage 60 --kind deep-tissue --pain-before 6 --pain 3
  relief report --weeks 8 --format html -o report.html

Journal: --db PATH, else $RELIEF_DB, else $XDG_DATA_HOME/relief/journal.db.
Config:  --config PATH, else $RELIEF_CONFIG, else
         $XDG_CONFIG_HOME/relief/config.toml.
Exit status: 0 ok, 1 "no", 2 usage or invalid input, 3 journal or config
unusable, 4 internal error. More: relief --help-all, man relief.
)";

// The top-level help: one list of the commands, from commands(), in 80 columns.
std::string overview() {
    std::string text = std::string(k_intro) + "\nCommands:\n";
    for (const Command& c : commands()) {
        if (!c.summary.empty()) {
            text += fmt::format("  {:<9} {}\n", c.name, c.summary);
        }
    }
    return text + k_outro;
}

// What bare `relief` says on a terminal before anything has been logged.
std::string getting_started(const std::string& journal) {
    return fmt::format("No journal yet at {}.\n"
                       "Start one:  relief log --pain 4 --mood 6   (or relief log, to be asked)\n"
                       "Or look around first:  relief --db /tmp/demo.db demo;  relief help\n",
                       journal);
}

// One "relief: error:" line per problem (import lists several).
int report(ExitCode code, const std::string& message) {
    std::size_t start = 0;
    while (true) {
        const std::size_t end = message.find('\n', start);
        std::cerr << "relief: error: " << message.substr(start, end - start) << '\n';
        if (end == std::string::npos) {
            return static_cast<int>(code);
        }
        start = end + 1;
    }
}

// 0 when everything printed reached stdout; else the error, exit 3: a full
// disk or a closed file behind stdout means the data (or the help) did not
// arrive.
int output_written() {
    std::cout.flush();
    if (!std::cout) {
        return report(ExitCode::unusable,
                      "cannot write to standard output (a full disk?); the output is incomplete");
    }
    return 0;
}

bool is_global(std::string_view arg) {
    return arg == "--db" || arg == "--config" || arg.starts_with("--db=") ||
           arg.starts_with("--config=");
}

// The position of the first word after the global --db/--config options:
// the command, when it is one of ours; argc when there is none.
int command_position(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db" || arg == "--config") {
            ++i; // and its value
        } else if (!is_global(arg)) {
            return i;
        }
    }
    return argc;
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const Command& c : commands()) {
        if (!c.summary.empty()) {
            names.emplace_back(c.name);
        }
    }
    names.emplace_back("help");
    return names;
}

std::string unknown_command(std::string_view word) {
    const auto guess = closest_match(word, command_names());
    return fmt::format("unknown command \"{}\"{} (relief help lists them)", shown_value(word),
                       guess ? fmt::format("; did you mean \"{}\"?", *guess) : std::string());
}

bool is_global_flag(std::string_view word) {
    return word == "-h" || word == "--help" || word == "--version" || word == "--help-all";
}

// `relief help CMD …` becomes `relief CMD … --help`; bare `relief` on a
// terminal becomes `relief status`. The rewritten words live in `storage`.
std::vector<char*> rewrite(int argc, char** argv, int position, std::vector<std::string>& storage) {
    for (int i = 0; i < argc; ++i) {
        if (i != position) {
            storage.emplace_back(argv[i]);
        }
    }
    if (position == argc) {
        storage.emplace_back("status");
    } else {
        storage.emplace_back("--help");
    }
    std::vector<char*> words;
    for (std::string& s : storage) {
        words.push_back(s.data());
    }
    return words;
}

// --db and --config, for the whole command line and for bare `relief`.
void add_global_options(CLI::App& app, GlobalOptions& globals) {
    app.add_option("--db", globals.db, "The journal file (default: $RELIEF_DB, else XDG)")
        ->type_name("PATH")
        ->check(non_empty_path);
    app.add_option("--config", globals.config,
                   "The config file (default: $RELIEF_CONFIG, else XDG)")
        ->type_name("PATH")
        ->check(non_empty_path);
}

} // namespace

void set_up_app(CLI::App& app, GlobalOptions& globals, RunResult& result, const Command* only) {
    app.set_version_flag("--version", std::string("relief ") + RELIEF_VERSION + " (commit " +
                                          RELIEF_COMMIT + ")");
    app.set_help_all_flag("--help-all", "Show help for every command");
    app.formatter(wrapping_formatter()); // before the commands, which copy it
    add_global_options(app, globals);
    app.fallthrough(); // --db and --config also work after the command name
    app.require_subcommand(0, 1);
    for (const Command& c : commands()) {
        if (only == nullptr || &c == only) {
            c.setup(app, globals, result);
        }
    }
}

namespace {

int parse_and_run(int argc, char** argv, int position, GlobalOptions& globals) {
    CLI::App app{"relief: a private pain-and-relief journal", "relief"};
    RunResult result;
    // Only the command being run is set up: setting up every command's flags
    // was a quarter of the instructions of a `relief log`. --help-all and
    // --version set up all, and only they show the overview.
    const Command* named = position < argc ? find_command(argv[position]) : nullptr;
    if (named == nullptr) {
        app.footer(overview());
    }
    set_up_app(app, globals, result, named);
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            std::cerr << overview();
            return static_cast<int>(ExitCode::usage);
        }
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            app.exit(e); // --help, --version
            return output_written();
        }
        // CLI11's own codes are 100+; every parse problem is a usage error.
        return report(ExitCode::usage, parse_error_message(e, app, argc, argv, position));
    } catch (const Error& e) {
        return report(e.exit_code(), e.what());
    } catch (const std::exception& e) {
        return report(ExitCode::internal, std::string("unexpected failure: ") + e.what() +
                                              " (this is a bug in relief)");
    }
    const int written = output_written();
    return written != 0 ? written : static_cast<int>(result.code);
}

} // namespace

int run(int argc, char** argv) {
    // Over a file size limit (ulimit -f) a write then fails with EFBIG and
    // relief reports it, instead of being killed by SIGXFSZ half-way.
    std::signal(SIGXFSZ, SIG_IGN);
    int position = command_position(argc, argv);
    std::vector<std::string> storage;
    std::vector<char*> rewritten;
    const std::string_view word = position < argc ? argv[position] : std::string_view();
    if (word == "help") {
        if (position + 1 == argc) {
            std::cout << overview();
            return output_written();
        }
        if (find_command(argv[position + 1]) == nullptr) {
            return report(ExitCode::usage, unknown_command(argv[position + 1]));
        }
        rewritten = rewrite(argc, argv, position, storage);
    } else if (word == "-h" || word == "--help") {
        // `relief --help log` is `relief help log`.
        const int next = position + command_position(argc - position, argv + position);
        if (next >= argc || find_command(argv[next]) == nullptr) {
            std::cout << overview();
            return output_written();
        }
        rewritten = rewrite(argc, argv, position, storage);
    } else if (word.empty() && stdout_is_terminal()) {
        // Bare `relief` (perhaps with --db/--config) on a terminal: like
        // timew, today at a glance; before the first entry, how to begin.
        GlobalOptions globals;
        CLI::App globals_only;
        add_global_options(globals_only, globals);
        try {
            globals_only.parse(argc, argv);
        } catch (const CLI::ParseError& e) {
            return report(ExitCode::usage, parse_error_message(e, globals_only, argc, argv, argc));
        }
        if (!journal_exists(globals)) {
            std::cout << getting_started(journal_path(globals.db));
            return output_written();
        }
        rewritten = rewrite(argc, argv, argc, storage);
    } else if (word == "__complete") {
        // The globals before it name the journal; every word after it is
        // one to complete, never an option of its own.
        GlobalOptions globals;
        CLI::App globals_only;
        add_global_options(globals_only, globals);
        try {
            globals_only.parse(position, argv);
        } catch (const CLI::ParseError&) {
            return 0; // a completion never prints an error
        }
        return complete(std::vector<std::string>(argv + position + 1, argv + argc), globals);
    } else if (!word.empty() && !word.starts_with('-') && find_command(word) == nullptr) {
        return report(ExitCode::usage, unknown_command(word));
    } else if (word.size() >= 2 && word.starts_with('-') && word != "--" && !is_global_flag(word)) {
        return report(ExitCode::usage, unknown_global_option(word));
    }
    GlobalOptions globals;
    if (!rewritten.empty()) {
        argc = static_cast<int>(rewritten.size());
        argv = rewritten.data();
        position = command_position(argc, argv);
    }
    return parse_and_run(argc, argv, position, globals);
}

} // namespace relief::cli
