#include "app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <iostream>
#include <string_view>

#include "context.hpp"

namespace relief::cli {
namespace {

constexpr const char* k_overview = R"(Commands:
  log       record a check-in, a session, or both
  list      show records with their ids
  edit      change the values of a record
  delete    remove records
  undo      revert the last change (repeatable; --dry-run shows it)
  redo      bring back the change undone last
  export    write records as CSV or JSON
  import    add records from CSV or JSON, all or nothing
  demo      fill an empty journal with synthetic weeks
  report    does massage help, how long, how often (text, json, markdown, html)
  trial     a 16-week randomised trial: does massage help you? (start, plan, stop, report)
  remind    for cron: a line and exit 1 when today has no check-in
  status    today at a glance (--short for a shell prompt)
  config    show, get or set settings
  backup    copy the journal safely to a new file
  check     check the journal for damage

Examples:
  relief log --pain 4 --sleep 7.5 --mood 6
  relief log --massage 60 --kind deep-tissue --pain 3
  relief list --since 2026-11-01

Journal: --db PATH, else $RELIEF_DB, else $XDG_DATA_HOME/relief/journal.db.
Config:  --config PATH, else $RELIEF_CONFIG, else $XDG_CONFIG_HOME/relief/config.toml.
Exit status: 0 ok, 1 "no", 2 usage or invalid input, 3 journal or config
unusable, 4 internal error. See relief(1).)";

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

using Setup = void (*)(CLI::App&, const GlobalOptions&, RunResult&);
struct Command {
    std::string_view name;
    Setup setup;
};
constexpr Command k_commands[] = {
    {"log", setup_log},       {"list", setup_list},     {"edit", setup_edit},
    {"delete", setup_delete}, {"undo", setup_undo},     {"redo", setup_redo},
    {"export", setup_export},
    {"import", setup_import}, {"demo", setup_demo},     {"report", setup_report},
    {"remind", setup_remind}, {"status", setup_status}, {"config", setup_config},
    {"backup", setup_backup}, {"check", setup_check},   {"trial", setup_trial},
};

// The first word after the global --db/--config options: the command, when
// it is one of ours.
std::string_view first_word(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db" || arg == "--config") {
            ++i; // and its value
        } else if (!arg.starts_with("--db=") && !arg.starts_with("--config=")) {
            return arg;
        }
    }
    return {};
}

// Only the command being run is set up: setting up all fourteen commands'
// flags was a quarter of the instructions of a `relief log`. Anything else
// (no command, --help, --version, a typo) sets up all, for the overview and
// CLI11's own messages.
void setup_commands(CLI::App& app, const GlobalOptions& globals, RunResult& result,
                    std::string_view named) {
    const bool known = std::any_of(std::begin(k_commands), std::end(k_commands),
                                   [&](const Command& c) { return c.name == named; });
    for (const Command& c : k_commands) {
        if (!known || c.name == named) {
            c.setup(app, globals, result);
        }
    }
}

} // namespace

int run(int argc, char** argv) {
    // Over a file size limit (ulimit -f) a write then fails with EFBIG and
    // relief reports it, instead of being killed by SIGXFSZ half-way.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"relief: a private pain-and-relief journal", "relief"};
    GlobalOptions globals;
    RunResult result;
    app.set_version_flag("--version", std::string("relief ") + RELIEF_VERSION);
    app.set_help_all_flag("--help-all", "Show help for every command");
    app.add_option("--db", globals.db, "The journal file (default: $RELIEF_DB, else XDG)")
        ->type_name("PATH")
        ->check(non_empty_path);
    app.add_option("--config", globals.config, "The config file (default: $RELIEF_CONFIG, else XDG)")
        ->type_name("PATH")
        ->check(non_empty_path);
    app.fallthrough(); // --db and --config also work after the command name
    app.require_subcommand(0, 1);
    app.footer(k_overview);
    setup_commands(app, globals, result, first_word(argc, argv));
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            std::cerr << app.help();
            return static_cast<int>(ExitCode::usage);
        }
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            app.exit(e); // --help, --version
            return 0;
        }
        // CLI11's own codes are 100+; every parse problem is a usage error.
        return report(ExitCode::usage, std::string(e.what()) + " (see relief --help)");
    } catch (const Error& e) {
        return report(e.exit_code(), e.what());
    } catch (const std::exception& e) {
        return report(ExitCode::internal, std::string("unexpected failure: ") + e.what() +
                                              " (this is a bug in relief)");
    }
    std::cout.flush();
    if (!std::cout) {
        // A full disk or a closed file behind stdout: the data did not arrive.
        return report(ExitCode::unusable,
                      "cannot write to standard output (a full disk?); the output is incomplete");
    }
    return static_cast<int>(result.code);
}

} // namespace relief::cli
