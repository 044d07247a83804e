// relief status: today at a glance, or one line for a shell prompt.
#include "choices.hpp"
#include "commands.hpp"
#include "relief/analysis/today.hpp"
#include "relief/core/entry/entry.hpp"
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

struct StatusOptions {
    bool short_form = false;
    std::string format = "text";
};

using Status = analysis::Glance;

// `trial_running`: the trial's plan says when a session is due, never
// massage.every_days (a rest week is not overdue).
Status gather(const Journal& journal, const Config& config, const Instant& now,
              bool trial_running) {
    const int dsa = config.day_start_minutes;
    const DayNumber today = diary_day(now, dsa);
    std::vector<Record> checkins;
    const UtcRange range = utc_range_for_days(today - analysis::k_streak_horizon, today, dsa);
    journal.scan(range.from, range.to, [&](const Record& r) {
        if (r.is_checkin()) {
            checkins.push_back(r);
        }
    });
    return analysis::summarize_today(checkins, journal.latest(RecordType::session), today, dsa,
                                     trial_running ? std::nullopt : config.every_days);
}

std::string short_line(const Status& s) {
    std::vector<std::string> parts;
    parts.push_back(s.last_pain ? fmt::format("pain {}", *s.last_pain)
                                : std::string(s.checkins_today > 0 ? "logged" : "not logged"));
    if (s.mean_pain_7d) {
        parts.push_back(fmt::format("7d {:.1f}", *s.mean_pain_7d));
    }
    if (s.days_since_session && *s.days_since_session < 0) {
        parts.push_back("session ahead of the clock");
    } else if (s.days_since_session) {
        parts.push_back(fmt::format("session {}d ago{}", *s.days_since_session,
                                    s.session_due_in && *s.session_due_in <= 0 ? " (due)" : ""));
    }
    parts.push_back(fmt::format("streak {}", s.streak));
    // A shell prompt under LANG=C would show "·" as mojibake.
    return join(parts, terminal_speaks_utf8() ? " · " : " | ");
}

void print_text(const Status& s, const std::optional<std::string>& trial) {
    std::cout << fmt::format("Today ({} {}): ", weekday_name(s.today), format_date(s.today));
    if (s.checkins_today == 0) {
        std::cout << "no check-in yet.\n";
    } else {
        std::cout << fmt::format("{} check-in{}{}.\n", s.checkins_today,
                                 s.checkins_today == 1 ? "" : "s",
                                 s.last_pain ? fmt::format(", latest pain {}", *s.last_pain) : "");
    }
    if (s.mean_pain_7d) {
        std::cout << fmt::format("Last 7 days: mean pain {:.1f} over {} day{}.\n", *s.mean_pain_7d,
                                 s.days_with_pain_7d, s.days_with_pain_7d == 1 ? "" : "s");
    } else {
        std::cout << "Last 7 days: no pain logged.\n";
    }
    if (s.last_session) {
        std::string due;
        if (s.session_due_in) {
            due = *s.session_due_in <= 0
                      ? "; a session is due"
                      : fmt::format("; the next is due in {} day{}", *s.session_due_in,
                                    *s.session_due_in == 1 ? "" : "s");
        }
        // A session dated after today (this machine's clock is behind the
        // one it was logged on) is said so, never "-1 days ago".
        const int days = *s.days_since_session;
        const std::string when = days < 0 ? std::string("dated after today by this machine's clock")
                                 : days == 0
                                     ? std::string("today")
                                     : fmt::format("{} day{} ago", days, days == 1 ? "" : "s");
        std::cout << fmt::format("Last session: {} ({}){}.\n", when, describe(*s.last_session),
                                 due);
    } else {
        std::cout << "Last session: none logged.\n";
    }
    std::cout << fmt::format("Streak: {} day{} in a row with a check-in.\n", s.streak,
                             s.streak == 1 ? "" : "s");
    if (trial) {
        std::cout << "Trial: " << trial->substr(std::string_view("trial: ").size()) << ".\n";
    }
}

void print_json(const Status& s, const std::optional<std::string>& trial) {
    JsonWriter j;
    j.begin_object();
    j.key("schema").value("relief.status/1");
    j.key("today").value(format_date(s.today));
    j.key("checkins_today").value(s.checkins_today);
    j.key("last_pain").value(s.last_pain);
    j.key("mean_pain_7d").value(s.mean_pain_7d);
    j.key("days_with_pain_7d").value(s.days_with_pain_7d);
    j.key("days_since_session").value(s.days_since_session);
    j.key("session_due")
        .value(s.session_due_in ? std::optional<bool>(*s.session_due_in <= 0) : std::nullopt);
    j.key("streak_days").value(s.streak);
    j.key("trial").value(trial);
    j.end_object();
    std::cout << j.str() << '\n';
}

ExitCode run_status(const StatusOptions& options, const GlobalOptions& globals,
                    const Instant& now) {
    const Config config = load_config(globals);
    const Journal journal = open_journal_to_read(globals);
    const auto report = latest_trial(journal, config, now);
    const bool running = report && report->status == analysis::TrialStatus::running;
    const Status status = gather(journal, config, now, running);
    std::optional<std::string> trial;
    if (report && (running || report->today <= report->plan.end() + 7)) {
        trial = render::trial_today_line(*report); // a week after the end, it is old news
    }
    if (options.format == "json") {
        print_json(status, trial);
    } else if (options.short_form) {
        std::cout << short_line(status) << '\n';
    } else {
        print_text(status, trial);
    }
    return ExitCode::ok;
}

} // namespace

void setup_status(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<StatusOptions>();
    CLI::App* cmd = app.add_subcommand("status", "Today at a glance");
    cmd->description("Today's check-ins and latest pain, the 7-day mean, days since the last "
                     "session, and the streak of days with a check-in.");
    cmd->add_flag("-s,--short", options->short_form, "One line, for a shell prompt");
    add_choice_option(*cmd, "--format", options->format, {"text", "json"});
    cmd->footer(R"(Examples:
  relief status
  relief status --short       # pain 4 · 7d 4.6 · session 3d ago · streak 12
  PS1='$(relief status --short 2>/dev/null) \$ '
  relief status --format json | jq .streak_days)");
    cmd->callback([options, &globals, &result] {
        result.code = run_status(*options, globals, current_instant());
    });
}

} // namespace relief::cli
