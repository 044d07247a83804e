// relief trial: a randomised n-of-1 trial of massage (docs/methods.md "The
// trial"): start, status (the bare command), plan, stop and report.
#include "choices.hpp"
#include "commands.hpp"
#include "output_file.hpp"
#include "relief/analysis/trial.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/record/trial_entry.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/text/uuid.hpp"
#include "relief/core/time/when.hpp"
#include "relief/render/trial.hpp"
#include "selection.hpp"
#include "trial_state.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <iostream>
#include <sys/random.h>

namespace relief::cli {
namespace {

struct TrialOptions {
    std::string start;
    std::string pairs = "7";
    std::string seed;
    std::string format = "text";
    std::string trial; // --trial ID
    bool exclude_backfilled = false;
    std::string worth;  // --worth X
    std::string output; // trial report -o FILE
    bool force = false; // … replacing an existing FILE
    bool yes = false;   // trial stop --yes
};

// --worth, asked at a terminal when not given (docs/methods.md "The trial",
// decision): the rule is chosen before the coin falls, so it cannot be bent
// to fit the result. Off a terminal the default, 1 point.
double worthwhile_of(const TrialOptions& o) {
    if (!o.worth.empty()) {
        return parse_worthwhile("--worth", with_decimal_point(o.worth));
    }
    if (!stdin_is_terminal()) {
        return 1.0;
    }
    std::cerr << "The trial ends in a decision by your own rule, fixed now, before the coin "
                 "falls.\n";
    while (true) {
        std::cerr << "How many points lower would your pain have to be for massage to be worth "
                     "it to you? [1] "
                  << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer)) {
            throw InputError("no answer to how many points would make massage worth it; nothing "
                             "was started (give --worth X)");
        }
        if (trim(answer).empty()) {
            return 1.0;
        }
        try {
            return parse_worthwhile("the answer", with_decimal_point(answer));
        } catch (const InputError& e) {
            std::cerr << e.what() << ".\n";
        }
    }
}

std::uint64_t parse_seed(const std::string& text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) {
        throw InputError(fmt::format("--seed must be a whole number from 0 to "
                                     "18446744073709551615, got \"{}\"",
                                     shown_value(text)));
    }
    return value;
}

// 64 bits from the operating system's random source: the coin of the trial.
std::uint64_t random_seed() {
    std::uint64_t seed = 0;
    if (::getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed)) {
        throw UnusableError("cannot draw a random seed from the operating system");
    }
    return seed;
}

ExitCode run_start(const TrialOptions& o, const GlobalOptions& globals, const Instant& now) {
    const Config config = load_config(globals);
    const DayNumber today = diary_day(now, config.day_start_minutes);
    TrialEntry entry;
    entry.id = new_uuid();
    entry.start = o.start.empty()
                      ? today + 1
                      : parse_day("--start", o.start, Today{now, config.day_start_minutes});
    entry.pairs = static_cast<int>(parse_count("--pairs", o.pairs, 6, 12));
    if (entry.start < today) {
        // Weeks already lived cannot be given to a coin drawn now.
        throw InputError(fmt::format("--start must be today or later, got {}: the coin decides "
                                     "weeks still to come, not weeks that already happened",
                                     format_date(entry.start)));
    }
    if (const std::string problem = trial_plan_problem(entry); !problem.empty()) {
        throw InputError(fmt::format("--start {}: {}", format_date(entry.start), problem));
    }
    entry.seed_chosen = !o.seed.empty();
    entry.seed = entry.seed_chosen ? parse_seed(o.seed) : random_seed();
    entry.started_utc = now.utc;
    entry.worthwhile = worthwhile_of(o);
    Journal journal = open_journal(globals, Journal::Mode::write);
    const analysis::TrialPlan plan = plan_of(entry);
    journal.change(StepAction::trial,
                   fmt::format("start of the trial {} ({} to {})", entry.id.substr(0, 8),
                               format_date(plan.start), format_date(plan.end())),
                   now.utc, [&](JournalWriter& writer) {
                       // Checked inside the write: two starts racing cannot both win.
                       if (const auto running = running_trial(journal.trials(), today)) {
                           throw InputError(fmt::format(
                               "a trial is already running (started {}, ends {}); relief trial "
                               "stop ends it early",
                               format_date(running->start), format_date(plan_of(*running).end())));
                       }
                       writer.add_trial(entry);
                   });
    const analysis::TrialReport state = analysis::analyse_trial(plan, today, {});
    std::cout << render::trial_plan_text(state);
    std::cout << "\nBook the massage weeks' sessions now. relief trial plan --format ics > "
                 "trial.ics puts them in a calendar;\nrelief trial tells you each day what to "
                 "do, relief trial report gives the answer at the end.\n";
    return ExitCode::ok;
}

ExitCode run_status(const TrialOptions& o, const GlobalOptions& globals, const Instant& now) {
    const TrialContext ctx = load_trial(globals, now, o.trial, false);
    if (o.format == "json") {
        std::cout << render::trial_report_json(ctx.report, /*with_step=*/true);
        return ExitCode::ok;
    }
    const analysis::TrialReport& r = ctx.report;
    std::cout << render::trial_today_line(r) << "\n";
    const int logged = r.run_in_logged + [&] {
        int n = 0;
        for (const auto& p : r.pairs) {
            n += p.massage_days + p.rest_days;
        }
        return n;
    }();
    const int left = std::max(0, r.plan.end() - r.today);
    std::cout << fmt::format("Your rule: massage is worth it if pain is at least {:.1f} "
                             "point{} lower in massage weeks (fixed at the start).\n",
                             r.plan.worthwhile, r.plan.worthwhile == 1.0 ? "" : "s");
    std::cout << fmt::format(
        "Pairs complete: {} of {}; days with pain logged so far: {}{}.\n", r.complete_pairs,
        r.plan.pairs, logged,
        r.finished()
            ? ""
            : fmt::format("; {} left", fmt::format("{} day{}", left, left == 1 ? "" : "s")));
    return ExitCode::ok;
}

ExitCode run_plan(const TrialOptions& o, const GlobalOptions& globals, const Instant& now) {
    const TrialContext ctx = load_trial(globals, now, o.trial, false);
    if (o.format == "json") {
        std::cout << render::trial_plan_json(ctx.report);
    } else if (o.format == "ics") {
        std::cout << render::trial_plan_ics(ctx.report, now.utc);
    } else {
        std::cout << render::trial_plan_text(ctx.report);
    }
    return ExitCode::ok;
}

// trial v2 §2: a stop that leaves fewer than 6 complete pairs ends with no
// answer; say so first, and go on only with a yes (at a terminal, or --yes).
bool stop_confirmed(const Journal& journal, const Config& config, const Instant& now, bool yes) {
    const auto trial = latest_trial(journal, config, now);
    if (yes || !trial || trial->status != analysis::TrialStatus::running ||
        trial->complete_pairs >= 6) {
        return true;
    }
    const std::string warning =
        fmt::format("only {} of the trial's pairs {} complete, and its test needs 6: stopped now, "
                    "the trial ends with no answer",
                    trial->complete_pairs, trial->complete_pairs == 1 ? "is" : "are");
    if (!stdin_is_terminal()) {
        throw InputError(warning + "; relief trial stop --yes stops it all the same");
    }
    std::cerr << char(std::toupper(static_cast<unsigned char>(warning[0]))) << warning.substr(1)
              << ".\nStop it anyway? [y/N] " << std::flush;
    std::string answer;
    return std::getline(std::cin, answer) && (answer == "y" || answer == "Y" || answer == "yes");
}

ExitCode run_stop(const TrialOptions& o, const GlobalOptions& globals, const Instant& now) {
    const Config config = load_config(globals);
    const DayNumber today = diary_day(now, config.day_start_minutes);
    if (!journal_exists(globals)) {
        throw InputError("no trial is running (relief trial start begins one)");
    }
    Journal journal = open_journal(globals, Journal::Mode::write);
    if (!stop_confirmed(journal, config, now, o.yes)) {
        std::cerr << "Cancelled; the trial goes on.\n";
        return ExitCode::no;
    }
    std::optional<TrialEntry> stopped;
    DayNumber day = today;
    journal.change(StepAction::trial, "stop of the trial", now.utc, [&](JournalWriter& writer) {
        stopped = running_trial(journal.trials(), today);
        if (!stopped) {
            throw InputError("no trial is running (relief trial start begins one)");
        }
        // A trial called off before its first day stops on that day: a stop
        // never comes before the start (relief check holds the journal to it).
        day = std::max(today, stopped->start);
        writer.stop_trial(stopped->id, day, now.utc);
        writer.set_summary(
            fmt::format("stop of the trial {} on {}", stopped->id.substr(0, 8), format_date(day)));
    });
    if (day > today) {
        std::cout << fmt::format("Called off the trial {} before it began (on {}); relief undo "
                                 "takes that back.\n",
                                 stopped->id.substr(0, 8), format_date(day));
        return ExitCode::ok;
    }
    std::cout << fmt::format("Stopped the trial {} on {}. relief trial report gives the result of "
                             "the pairs that were complete; relief undo takes the stop back.\n",
                             stopped->id.substr(0, 8), format_date(today));
    return ExitCode::ok;
}

ExitCode run_report(const TrialOptions& o, const GlobalOptions& globals, const Instant& now) {
    const TrialContext ctx = load_trial(globals, now, o.trial, o.exclude_backfilled);
    const analysis::TrialReport& r = ctx.report;
    const std::string text = o.format == "json"       ? render::trial_report_json(r)
                             : o.format == "markdown" ? render::trial_report_markdown(r)
                             : o.format == "html"     ? render::trial_report_html(r)
                                                      : render::trial_report_text(r);
    write_output(o.output, o.force, journal_path(globals.db), text);
    return ExitCode::ok;
}

void add_trial_option(CLI::App& cmd, TrialOptions& options) {
    cmd.add_option("--trial", options.trial, "An earlier trial (its id or first 4+ characters)")
        ->type_name("ID");
}

} // namespace

void setup_trial(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<TrialOptions>();
    CLI::App* cmd =
        app.add_subcommand("trial", "Find out whether massage helps you: a 16-week trial");
    cmd->description(
        "A randomised n-of-1 trial: two weeks of logging as usual, then pairs of weeks in which a "
        "coin picks the massage week (two sessions) and the rest week (none). At the end, an "
        "exact test says whether your pain was lower in massage weeks, and because the coin "
        "chose, that can answer \"does massage help me?\". Without a subcommand: what to do "
        "today.");
    add_choice_option(*cmd, "--format", options->format, {"text", "json"});
    add_trial_option(*cmd, *options);
    cmd->footer(R"(Examples:
  relief trial start                     # tomorrow, 7 pairs: 16 weeks
  relief trial                           # what to do today
  relief trial plan --format ics > trial.ics
  relief trial report

How the trial works and is analysed: docs/methods.md, "The trial".)");

    CLI::App* start = cmd->add_subcommand("start", "Start a trial (the plan is fixed now)");
    start->add_option("--start", options->start, "Its first day (default: tomorrow)")
        ->type_name("DATE");
    start->add_option("--pairs", options->pairs, "Pairs of weeks, 6-12 (default 7)")
        ->type_name("K");
    start
        ->add_option("--seed", options->seed,
                     "The coin's seed, for tests and demonstrations (default: drawn at random)")
        ->type_name("S");
    start
        ->add_option("--worth", options->worth,
                     "Points lower your pain must be for massage to be worth it to you, 0.5-3 "
                     "(default 1; asked at a terminal). Fixed now: the decision is judged by it")
        ->type_name("X");
    start->callback([options, &globals, &result] {
        result.code = run_start(*options, globals, current_instant());
    });

    CLI::App* plan = cmd->add_subcommand("plan", "The whole calendar: text, json or ics");
    add_choice_option(*plan, "--format", options->format, {"text", "json", "ics"});
    add_trial_option(*plan, *options);
    plan->callback([options, &globals, &result] {
        result.code = run_plan(*options, globals, current_instant());
    });

    CLI::App* stop = cmd->add_subcommand("stop", "End the running trial early");
    stop->add_flag("-y,--yes", options->yes,
                   "Stop even with fewer than 6 complete pairs (then there is no answer)");
    stop->callback([options, &globals, &result] {
        result.code = run_stop(*options, globals, current_instant());
    });

    CLI::App* report = cmd->add_subcommand("report", "The trial's answer");
    add_choice_option(*report, "--format", options->format, {"text", "json", "markdown", "html"});
    report->add_flag("--exclude-backfilled", options->exclude_backfilled,
                     "Leave out check-ins written down more than 24 h after the fact");
    report
        ->add_option("-o,--output", options->output,
                     "Write to a new FILE (mode 0600) instead of stdout")
        ->type_name("FILE")
        ->check(non_empty_path);
    report->add_flag("--force", options->force,
                     "Replace FILE of --output when it exists (never the journal)");
    add_trial_option(*report, *options);
    report->callback([options, &globals, &result] {
        result.code = run_report(*options, globals, current_instant());
    });

    cmd->require_subcommand(0, 1);
    cmd->callback([cmd, options, &globals, &result] {
        if (cmd->get_subcommands().empty()) {
            result.code = run_status(*options, globals, current_instant());
        }
    });
}

} // namespace relief::cli
