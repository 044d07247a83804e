// relief undo and relief redo: revert the last change, or bring back the one
// undone last. Undo is global (it may revert another process's or cron's
// change), so it names the change and when it was made, and a change older
// than 10 minutes needs --yes (or a yes at the terminal).
#include "commands.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/instant.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <iostream>
#include <string>

namespace relief::cli {
namespace {

constexpr std::int64_t k_recent_seconds = 10 * 60;

struct UndoOptions {
    bool quiet = false;
    bool dry_run = false;
    bool yes = false;
};

// "2026-11-23 20:00, 3 minutes ago"
std::string when_made(const Step& step, const Instant& now) {
    const std::int64_t ago = now.utc - step.made_utc;
    std::string age;
    if (ago < 0) {
        age = "after this machine's clock"; // a clock set back, or an import from one ahead
    } else if (ago < 60) {
        age = "just now";
    } else if (ago < 3600) {
        age = count_of(ago / 60, "minute") + " ago";
    } else if (ago < 2 * 86400) {
        age = count_of(ago / 3600, "hour") + " ago";
    } else {
        age = count_of(ago / 86400, "day") + " ago";
    }
    const Instant made{step.made_utc, now.offset_minutes};
    return fmt::format("made {}, {}", format_local_minutes(made), age);
}

bool confirmed_at_terminal(const std::string& question) {
    std::cerr << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) {
        return false;
    }
    return answer == "y" || answer == "Y" || answer == "yes";
}

// How many records a delete's summary lists: each is "check-in ID of" or
// "session ID of", ID eight hex digits (cmd_delete.cpp).
int deleted_items(const std::string& summary) {
    const auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    int items = 0;
    for (const std::string_view type : {"check-in ", "session "}) {
        for (std::size_t at = summary.find(type); at != std::string::npos;
             at = summary.find(type, at + 1)) {
            const std::size_t id = at + type.size();
            if (id + 12 <= summary.size() &&
                std::all_of(summary.begin() + static_cast<std::ptrdiff_t>(id),
                            summary.begin() + static_cast<std::ptrdiff_t>(id + 8), is_hex) &&
                summary.compare(id + 8, 4, " of ") == 0) {
                ++items;
            }
        }
    }
    return items;
}

// What redo would do after this undo, in its own words: a delete undone
// comes back, so redo deletes it again. A delete's summary lists each record
// as "check-in 3f2a1b4c of …" (cmd_delete.cpp): that says it or them.
std::string redo_hint(const Step& step) {
    switch (step.action) {
    case StepAction::remove:
        return fmt::format("relief redo deletes {} again.",
                           deleted_items(step.summary) > 1 ? "them" : "it");
    case StepAction::edit:
        return "relief redo makes the edit again.";
    case StepAction::log:
    case StepAction::import:
    case StepAction::demo:
    case StepAction::trial:
        break;
    }
    return "relief redo brings it back.";
}

ExitCode run_undo(const UndoOptions& options, const GlobalOptions& globals, const Instant& now) {
    load_config(globals);
    if (!journal_exists(globals)) {
        std::cerr << "Nothing to undo.\n";
        return ExitCode::no;
    }
    Journal journal =
        open_journal(globals, options.dry_run ? Journal::Mode::read : Journal::Mode::write);
    const std::optional<Step> last = journal.last_step();
    if (!last) {
        std::cerr << "Nothing to undo.\n";
        return ExitCode::no;
    }
    const std::string what = fmt::format("the {} ({})", last->summary, when_made(*last, now));
    if (options.dry_run) {
        std::cout << fmt::format("Would undo {}. Nothing was changed (--dry-run).\n", what);
        return ExitCode::ok;
    }
    if (now.utc - last->made_utc > k_recent_seconds && !options.yes) {
        const bool asked = stdin_is_terminal() && stdout_is_terminal();
        if (!asked) {
            // An error message may end up in a log file or a bug report:
            // it names the change, never what a note in it says.
            throw InputError(fmt::format("the last change, a {} ({}), is older than 10 "
                                         "minutes; relief undo --yes undoes it (relief undo "
                                         "--dry-run shows it)",
                                         step_action_name(last->action), when_made(*last, now)));
        }
        if (!confirmed_at_terminal(fmt::format("Undo {}?", what))) {
            std::cerr << "Cancelled; nothing was changed.\n";
            return ExitCode::no;
        }
    }
    // The step checked above, or none: a change that came in between is not
    // undone in its place.
    const std::optional<Step> step = journal.undo(last->id);
    if (!step) {
        throw UnusableError("another change was made just now; nothing was undone (run relief "
                            "undo --dry-run to see the last change)");
    }
    if (!options.quiet) {
        std::cout << fmt::format("Undid {}. {}\n", what, redo_hint(*step));
    }
    return ExitCode::ok;
}

ExitCode run_redo(bool quiet, bool dry_run, const GlobalOptions& globals, const Instant& now) {
    load_config(globals);
    if (!journal_exists(globals)) {
        std::cerr << "Nothing to redo.\n";
        return ExitCode::no;
    }
    Journal journal = open_journal(globals, dry_run ? Journal::Mode::read : Journal::Mode::write);
    const std::optional<Step> next = journal.next_redo();
    if (!next) {
        std::cerr << "Nothing to redo (only a change undone since the last change can be "
                     "redone).\n";
        return ExitCode::no;
    }
    const std::string what = fmt::format("the {} ({})", next->summary, when_made(*next, now));
    if (dry_run) {
        std::cout << fmt::format("Would redo {}. Nothing was changed (--dry-run).\n", what);
        return ExitCode::ok;
    }
    if (!journal.redo()) {
        std::cerr << "Nothing to redo.\n";
        return ExitCode::no;
    }
    if (!quiet) {
        std::cout << fmt::format("Redid {}.\n", what);
    }
    return ExitCode::ok;
}

} // namespace

void setup_undo(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<UndoOptions>();
    CLI::App* cmd = app.add_subcommand("undo", "Revert the last change (relief redo restores it)");
    cmd->description("Revert the last log, edit, delete, import or demo of this journal, made by "
                     "any relief (a cron job's too), and say what it was and when it was made. "
                     "A change older than 10 minutes is undone only with --yes, or after a yes "
                     "at the terminal. relief redo brings an undone change back until a new "
                     "change is made. Exit 1 when there is nothing to undo.");
    cmd->add_flag("-n,--dry-run", options->dry_run, "Say what would be undone; change nothing");
    cmd->add_flag("-y,--yes", options->yes, "Undo a change older than 10 minutes without asking");
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->footer(R"(Examples:
  relief undo --dry-run            # what the last change was, and when
  relief undo
  relief undo --yes                # also when it is older than 10 minutes
  relief redo                      # changed your mind)");
    cmd->callback([options, &globals, &result] {
        result.code = run_undo(*options, globals, current_instant());
    });
}

void setup_redo(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto quiet = std::make_shared<bool>(false);
    auto dry_run = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("redo", "Bring back the change undone last");
    cmd->description("Bring back the change that relief undo reverted last, as it was. Possible "
                     "until a new change is made; exit 1 when there is nothing to redo.");
    cmd->add_flag("-n,--dry-run", *dry_run, "Say what would be redone; change nothing");
    cmd->add_flag("-q,--quiet", *quiet, "Print nothing on success");
    cmd->footer(R"(Examples:
  relief undo && relief redo)");
    cmd->callback([quiet, dry_run, &globals, &result] {
        result.code = run_redo(*quiet, *dry_run, globals, current_instant());
    });
}

} // namespace relief::cli
