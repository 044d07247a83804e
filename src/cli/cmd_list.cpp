// relief list: the records in a range of diary days, with their ids.
#include "choices.hpp"
#include "commands.hpp"
#include "record_output.hpp"
#include "relief/core/entry/entry.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "selection.hpp"

#include <CLI/CLI.hpp>
#include <deque>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct ListOptions {
    DaySelection days;
    std::string limit;
    std::string format = "text";
};

std::string one_line(std::string_view note, std::size_t max) {
    std::string flat;
    for (const char c : note) {
        flat += (c == '\n' || c == '\t') ? ' ' : c;
    }
    if (flat.size() <= max) {
        return flat;
    }
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return flat.substr(0, cut) + "…";
}

void print_text(const std::deque<Record>& records, int day_start_minutes) {
    if (records.empty()) {
        std::cout << "No records in this range.\n";
        return;
    }
    std::cout << "ID        DAY             TIME   TYPE      DETAILS\n";
    bool after_midnight = false;
    for (const Record& r : records) {
        const DayNumber day = diary_day(r.at, day_start_minutes);
        const LocalDateTime local = local_time(r.at);
        // The DAY column is the diary day; a time in the night after it is
        // counted on from that day's midnight (01:30 → 25:30), so the rows of
        // one day read in order (docs/methods.md "Days and times").
        const int hour = local.hour() + 24 * (local.day - day);
        after_midnight = after_midnight || hour >= 24;
        std::string details = describe(r);
        if (!r.areas.empty()) {
            details += " · " + join(r.areas, ", ");
        }
        if (!r.tags.empty()) {
            details += " · #" + join(r.tags, " #");
        }
        if (!r.note.empty()) {
            details += " · \"" + one_line(r.note, 40) + "\"";
        }
        std::cout << fmt::format("{}  {} {}  {:02}:{:02}  {:<8}  {}\n", short_id(r.uuid),
                                 weekday_name(day), format_date(day), hour, local.minute(),
                                 r.is_checkin() ? "check-in" : "session", details);
    }
    if (after_midnight) {
        std::cout << fmt::format("Times from 24:00 are the night after the day: 25:30 is 01:30 "
                                 "the next morning (the day starts at {:02}:{:02}).\n",
                                 day_start_minutes / 60, day_start_minutes % 60);
    }
}

ExitCode run_list(const ListOptions& options, const GlobalOptions& globals, const Instant& now) {
    const Config config = load_config(globals);
    std::size_t limit = 0;
    if (!options.limit.empty()) {
        limit = static_cast<std::size_t>(parse_count("--limit", options.limit, 1, 100000000));
    }
    const DayRange days = resolve_days(options.days, Today{now, config.day_start_minutes});
    const Journal journal = open_journal_to_read(globals);
    std::deque<Record> kept; // with --limit, only the newest `limit`
    scan_days(journal, days, config.day_start_minutes, [&](const Record& r) {
        kept.push_back(r);
        if (limit > 0 && kept.size() > limit) {
            kept.pop_front();
        }
    });
    if (options.format == "text") {
        print_text(kept, config.day_start_minutes);
    } else {
        write_records(std::cout, options.format, [&](const RecordSink& sink) {
            for (const Record& r : kept) {
                sink(r);
            }
        });
    }
    return ExitCode::ok;
}

} // namespace

void setup_list(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<ListOptions>();
    CLI::App* cmd = app.add_subcommand("list", "Show records with their ids");
    cmd->description("Show the records of a range of diary days, oldest first, with the ids that "
                     "edit and delete take.");
    cmd->add_option("--since", options->days.since,
                    "First diary day: YYYY-MM-DD, today, yesterday, fri, -7d")
        ->type_name("DAY");
    cmd->add_option("--until", options->days.until, "Last diary day (inclusive)")->type_name("DAY");
    cmd->add_option("--limit", options->limit, "Only the newest N records")->type_name("N");
    add_choice_option(*cmd, "--format", options->format, {"text", "json", "csv"});
    cmd->footer(R"(Examples:
  relief list --since 2026-11-01
  relief list --limit 10
  relief list --since yesterday --format json | jq '.records[].pain'

csv and json are the formats of relief export and relief import.)");
    cmd->callback([options, &globals, &result] {
        result.code = run_list(*options, globals, current_instant());
    });
}

} // namespace relief::cli
