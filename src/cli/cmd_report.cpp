// relief report: the analysis of docs/methods.md as text, JSON or Markdown.
#include "choices.hpp"
#include "commands.hpp"
#include "output_file.hpp"
#include "relief/analysis/report.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/when.hpp"
#include "relief/render/report_html.hpp"
#include "relief/render/report_json.hpp"
#include "relief/render/report_markdown.hpp"
#include "relief/render/report_text.hpp"
#include "selection.hpp"
#include "trial_state.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct ReportOptions {
    std::string weeks;
    std::string end;
    std::string seed = "20240601";
    std::string threshold;
    bool exclude_backfilled = false;
    std::string format = "text";
    bool ascii = false;
    bool verbose = false;
    bool details = false; // the statistical lines, each term explained
    std::string output;   // --output FILE
    bool force = false;   // replace an existing --output file
};

analysis::Settings settings_from(const ReportOptions& o, const Config& config, const Instant& now) {
    analysis::Settings s;
    s.day_start_minutes = config.day_start_minutes;
    s.window.weeks = config.report_weeks;
    if (!o.weeks.empty()) {
        s.window.weeks = static_cast<int>(parse_count("--weeks", o.weeks, 1, k_max_weeks));
    }
    s.window.end = o.end.empty()
                       ? diary_day(now, config.day_start_minutes)
                       : parse_day("--end", o.end, Today{now, config.day_start_minutes}, false);
    s.seed = static_cast<std::uint64_t>(parse_count("--seed", o.seed, 0, k_max_seed));
    s.relief_threshold = config.relief_threshold;
    if (!o.threshold.empty()) {
        const auto theta = parse_decimal(with_decimal_point(o.threshold));
        if (!theta || *theta <= 0 || *theta > 10) {
            throw InputError(fmt::format("--relief-threshold must be a number above 0 and at "
                                         "most 10, got \"{}\"",
                                         shown_value(o.threshold)));
        }
        s.relief_threshold = *theta;
    }
    s.exclude_backfilled = o.exclude_backfilled;
    return s;
}

// J (docs/methods.md "The window"): the first diary day of any record. The
// earliest instant's record is not always the earliest diary day (offsets
// differ by up to 28 hours), so the records of the two days after it decide.
std::optional<DayNumber> journal_start(const Journal& journal, int day_start_minutes) {
    const std::optional<std::int64_t> earliest = journal.earliest_at_utc();
    if (!earliest) {
        return std::nullopt;
    }
    std::optional<DayNumber> first;
    for (const RecordType type : {RecordType::checkin, RecordType::session}) {
        journal.scan_values(*earliest, *earliest + 2 * 86400 + 1, type,
                            [&](const Record& r, std::int64_t /*stored*/) {
                                const DayNumber d = diary_day(r.at, day_start_minutes);
                                first = first ? std::min(*first, d) : d;
                            });
    }
    return first;
}

// Appends the check-ins whose diary day is `first` … `last` (the UTC range
// read is wider, for the offsets: those of other days are left to the read
// that covers them, so that no check-in is counted twice).
void read_checkins(const Journal& journal, const analysis::Settings& s, DayNumber first,
                   DayNumber last, std::vector<analysis::CheckinInput>& out) {
    const UtcRange range = utc_range_for_days(first, last, s.day_start_minutes);
    // Sized once: growing by doubling touched twice the memory, each page
    // fresh (a fifth of a dense journal's report went to faults and copies).
    out.reserve(out.size() +
                static_cast<std::size_t>(journal.count(RecordType::checkin, range.from, range.to)));
    journal.scan_values(
        range.from, range.to, RecordType::checkin, [&](const Record& r, std::int64_t stored) {
            analysis::CheckinInput c = analysis::checkin_input(r, stored, s.day_start_minutes);
            if (c.day >= first && c.day <= last) {
                out.push_back(c);
            }
        });
}

// Sessions from 28 days before the `weeks` weeks ending on E (R3 looks back
// 28 days, R5 7) to two days after (R7 looks for the next session).
std::vector<analysis::SessionInput> read_sessions(const Journal& journal,
                                                  const analysis::Settings& s, int weeks) {
    const analysis::Window read{s.window.end, weeks};
    const UtcRange around =
        utc_range_for_days(read.start() - 28, read.end + 2, s.day_start_minutes);
    std::vector<analysis::SessionInput> sessions;
    journal.scan_values(around.from, around.to, RecordType::session,
                        [&](const Record& r, std::int64_t /*stored*/) {
                            sessions.push_back(analysis::session_input(r, s.day_start_minutes));
                        });
    return sessions;
}

// The window asked for; then, while the answer's window needs more
// (docs/methods.md "The answer's window"), one more week back at a time:
// the read costs what the answer needs, never the whole year it may take.
analysis::ReportInput read_input(const Journal& journal, const analysis::Settings& s) {
    analysis::ReportInput input;
    input.journal_start = journal_start(journal, s.day_start_minutes);
    analysis::AnswerWindowSearch search(s, input.journal_start);
    // Sessions are few: those of the widest window the answer may take, in
    // one read (at least the window asked for).
    input.sessions = read_sessions(journal, s, std::max(s.window.weeks, search.max_weeks()));
    read_checkins(journal, s, s.window.start(), s.window.end, input.checkins);
    search.add(input.checkins);
    while (!search.done(input.sessions)) {
        search.widen();
        const analysis::Window now{s.window.end, search.weeks()};
        std::vector<analysis::CheckinInput> week;
        read_checkins(journal, s, now.start(), now.start() + 6, week);
        search.add(week);
        input.checkins.insert(input.checkins.end(), week.begin(), week.end());
    }
    input.weeks_read = search.weeks();
    return input;
}

ExitCode run_report(const ReportOptions& options, const GlobalOptions& globals,
                    const Instant& now) {
    const Config config = load_config(globals);
    const analysis::Settings settings = settings_from(options, config, now);
    const Journal journal = open_journal_to_read(globals);
    const analysis::Report report = analysis::build_report(settings, read_input(journal, settings));
    // A diary says what lined up; a trial can say more: point to it.
    if (const auto trial =
            options.format == "text" ? latest_trial(journal, config, now) : std::nullopt) {
        std::cerr << (trial->finished() ? "A trial of yours has ended: relief trial report has "
                                          "its answer.\n"
                                        : "A trial is running: relief trial shows today's step, "
                                          "relief trial report how it is going.\n");
    }
    const std::string journal_file = journal.path();
    if (options.format == "json") {
        write_output(options.output, options.force, journal_file, render::report_json(report));
    } else if (options.format == "markdown") {
        write_output(options.output, options.force, journal_file,
                     render::report_markdown(report, options.details));
    } else if (options.format == "html") {
        write_output(options.output, options.force, journal_file, render::report_html(report));
        if (options.output.empty() && stdout_is_terminal()) {
            // A page of HTML source on a terminal helps no one: say how to keep it.
            std::cerr << "relief: to save the page and open it in a browser: relief report "
                         "--format html -o report.html\n";
        }
    } else if (!options.output.empty()) {
        render::TextStyle plain;
        plain.unicode = terminal_speaks_utf8() && !options.ascii;
        plain.verbose = options.verbose;
        plain.details = options.details;
        write_output(options.output, options.force, journal_file,
                     render::report_text(report, plain));
    } else {
        render::TextStyle style;
        style.unicode = !options.ascii && terminal_speaks_utf8();
        style.color = use_color(config.color);
        style.verbose = options.verbose;
        style.details = options.details;
        std::cout << render::report_text(report, style);
    }
    return ExitCode::ok;
}

} // namespace

void setup_report(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", "How pain lines up with sessions");
    cmd->description(
        "Answer, from your own diary: does massage help you, how long does the relief last, and "
        "how often do you go. The answer comes first, in plain words; then the weeks, the days "
        "after a session, right after a session, and sleep and mood. When the weeks asked for "
        "hold fewer than 8 sessions to compare, the answer looks back a week at a time until it "
        "has 8 (at most a year, and never before your journal began) and says so; the weeks "
        "shown stay those asked for. The diary is not a trial: it shows what lined up, not what "
        "caused what.");
    cmd->add_option("--weeks", options->weeks, "Weeks to cover, 1-520 (default: report.weeks, 8)")
        ->type_name("N");
    cmd->add_option(
           "--end", options->end,
           "Last diary day of the window: YYYY-MM-DD, yesterday, fri, -7d (default: today)")
        ->type_name("DAY");
    cmd->add_option("--seed", options->seed, "Seed of the bootstrap intervals (default 20240601)")
        ->type_name("N");
    cmd->add_option("--relief-threshold", options->threshold,
                    "Points below the pre-session level that count as relief (default 1.0)")
        ->type_name("X");
    cmd->add_flag("--exclude-backfilled", options->exclude_backfilled,
                  "Leave out check-ins written down more than 24 h after the fact");
    add_choice_option(*cmd, "--format", options->format, {"text", "json", "markdown", "html"});
    cmd->add_option("-o,--output", options->output,
                    "Write to a new FILE (mode 0600) instead of stdout")
        ->type_name("FILE")
        ->check(non_empty_path);
    cmd->add_flag("--force", options->force,
                  "Replace FILE of --output when it exists (never the journal)");
    cmd->add_flag("--ascii", options->ascii,
                  "Plain ASCII charts (the default off a UTF-8 terminal)");
    cmd->add_flag("-v,--verbose", options->verbose,
                  "Also show the lags with fewer than 3 sessions");
    cmd->add_flag("--details", options->details,
                  "Add the statistics behind the answer, each term explained (text, markdown)");
    cmd->footer(R"(Examples:
  relief report                     # the last 8 weeks, the answer first
  relief report --weeks 26 --end 2026-06-30
  relief report --details           # with the statistics, each term explained
  relief report --format json | jq .answer.helps
  relief report --format markdown > for-my-therapist.md
  relief report --weeks 12 --format html -o gp.html    # print it for your GP

What each line means: docs/reading-your-report.md (installed with relief, and
the READING THE REPORT section of man relief); how every number is computed:
docs/methods.md. The same diary, window and --seed give the same report.)");
    cmd->callback([options, &globals, &result] {
        result.code = run_report(*options, globals, current_instant());
    });
}

} // namespace relief::cli
