// relief remind: for cron. Silent exit 0 when today has a check-in; else one
// line on stdout and exit 1. Also says when a session is due.
#include "choices.hpp"
#include "commands.hpp"
#include "relief/analysis/today.hpp"
#include "relief/core/text/json.hpp"
#include "relief/core/text/text.hpp"
#include "relief/render/trial.hpp"
#include "selection.hpp"
#include "trial_state.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct RemindOptions {
    bool quiet = false;
    bool massage = false;
    std::string format = "text";
};

// relief.remind/1: what the lines say, for a script that shows them its own way.
void print_json(DayNumber today, std::optional<bool> checkin_logged,
                std::optional<bool> session_due, const std::vector<std::string>& lines) {
    JsonWriter j;
    j.begin_object();
    j.key("schema").value("relief.remind/1");
    j.key("today").value(format_date(today));
    j.key("checkin_logged").value(checkin_logged);
    j.key("session_due").value(session_due);
    j.key("reminders").value(lines);
    j.end_object();
    std::cout << j.str() << '\n';
}

// "A session is due: 15 days without one, since Mon 2026-11-16 (every 14
// days)."; "" when not due. Days are counted as the report counts its
// longest stretch without a session: the session's own day not, today yes
// (docs/reading-your-report.md "Counting days").
std::string session_due(const Journal& journal, const Config& config, DayNumber today) {
    const auto last = journal.latest(RecordType::session);
    if (!last) {
        return fmt::format("A session is due: none is logged yet (every {}).",
                           count_of(*config.every_days, "day"));
    }
    const DayNumber last_day = diary_day(last->at, config.day_start_minutes);
    const int days = analysis::days_since(*last, today, config.day_start_minutes);
    if (days < *config.every_days) {
        return {};
    }
    return fmt::format("A session is due: {} without one, since {} {} (every {}).",
                       count_of(days, "day"), weekday_name(last_day), format_date(last_day),
                       count_of(*config.every_days, "day"));
}

ExitCode run_remind(const RemindOptions& options, const GlobalOptions& globals,
                    const Instant& now) {
    const Config config = load_config(globals);
    const Journal journal = open_journal_to_read(globals); // never creates it
    const DayNumber today = diary_day(now, config.day_start_minutes);
    std::optional<analysis::TrialReport> trial = latest_trial(journal, config, now);
    if (trial && (trial->status != analysis::TrialStatus::running || today > trial->plan.end())) {
        trial.reset(); // only a running trial has a step for today
    }
    // During a trial its plan says when a session is due; otherwise the config.
    if (options.massage && !config.every_days && !trial) {
        throw InputError("--massage needs massage.every_days in the config (for example: relief "
                         "config set massage.every_days 14)");
    }
    // While a trial runs its plan decides when a session is due: never
    // massage.every_days (a rest week is not overdue). Asked once, for the
    // line and for the JSON.
    const bool every_days_applies = config.every_days && !trial;
    const std::string due =
        every_days_applies ? session_due(journal, config, today) : std::string();
    std::optional<bool> session_due_now; // null: nothing says when one is due
    if (every_days_applies) {
        session_due_now = !due.empty();
    }
    std::vector<std::string> lines;
    std::optional<bool> checkin_logged;
    if (options.massage) {
        if (!due.empty()) {
            lines.push_back(due);
        }
    } else {
        const UtcRange range = utc_range_for_days(today, today, config.day_start_minutes);
        bool logged = false;
        journal.scan(range.from, range.to, [&](const Record& r) {
            logged =
                logged || (r.is_checkin() && diary_day(r.at, config.day_start_minutes) == today);
        });
        checkin_logged = logged;
        if (!logged) {
            lines.push_back(fmt::format("No check-in yet today ({} {}): relief log --pain N",
                                        weekday_name(today), format_date(today)));
            if (!due.empty()) {
                lines.push_back(due);
            }
        }
    }
    // During a trial, what its plan asks of today comes with the reminder
    // (and, with --massage, is the reminder while a massage week needs booking).
    if (trial) {
        if (!lines.empty() || (options.massage && render::trial_booking_due(*trial))) {
            lines.push_back(render::trial_today_line(*trial));
        }
    }
    if (options.format == "json" && !options.quiet) {
        print_json(today, checkin_logged, session_due_now, lines);
        return lines.empty() ? ExitCode::ok : ExitCode::no;
    }
    if (lines.empty()) {
        return ExitCode::ok;
    }
    if (!options.quiet) {
        for (const std::string& line : lines) {
            std::cout << line << '\n';
        }
    }
    return ExitCode::no;
}

} // namespace

void setup_remind(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<RemindOptions>();
    CLI::App* cmd = app.add_subcommand("remind", "For cron: say so when today has no check-in");
    cmd->description("Exit 0 and print nothing when today (the diary day) has a check-in; "
                     "otherwise print one line and exit 1. With massage.every_days set, a second "
                     "line says when a session is due. Never creates the journal.");
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing; the exit code tells");
    cmd->add_flag("--massage", options->massage,
                  "Only ask whether a session is due (needs massage.every_days)");
    add_choice_option(*cmd, "--format", options->format, {"text", "json"}, "(relief.remind/1)");
    cmd->footer(R"(Examples:
  relief remind || notify-send "relief" "Time for your check-in"
  # crontab: at 21:00, mail a reminder only when nothing was logged
  0 21 * * *  relief remind
  0 9 * * 1   relief remind --massage)");
    cmd->callback([options, &globals, &result] {
        result.code = run_remind(*options, globals, current_instant());
    });
}

} // namespace relief::cli
