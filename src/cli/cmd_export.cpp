// relief export: every record (or a range of diary days) as CSV or JSON on stdout.
#include "choices.hpp"
#include "commands.hpp"
#include "record_output.hpp"
#include "selection.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct ExportOptions {
    DaySelection days;
    std::string format = "csv";
};

ExitCode run_export(const ExportOptions& options, const GlobalOptions& globals,
                    const Instant& now) {
    const Config config = load_config(globals);
    const DayRange days = resolve_days(
        options.days, Today{now, config.day_start_minutes}); // before the header is written
    const Journal journal = open_journal_to_read(globals);
    // Trials belong to the whole journal: JSON carries them, CSV cannot.
    const std::vector<TrialEntry> trials = journal.trials();
    if (options.format == "csv" && !trials.empty()) {
        std::cerr << fmt::format("relief: note: the journal's {} trial{} {} not in CSV; relief "
                                 "export --format json carries {}\n",
                                 trials.size(), trials.size() == 1 ? "" : "s",
                                 trials.size() == 1 ? "is" : "are",
                                 trials.size() == 1 ? "it" : "them");
    }
    write_records(
        std::cout, options.format,
        [&](const RecordSink& sink) { scan_days(journal, days, config.day_start_minutes, sink); },
        &trials);
    return ExitCode::ok;
}

} // namespace

void setup_export(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "Write records as CSV or JSON to stdout");
    cmd->description("Write every record, or those of a range of diary days, to stdout as CSV "
                     "(the default) or JSON. relief import reads both back unchanged.");
    add_choice_option(*cmd, "--format", options->format, {"csv", "json"});
    cmd->add_option("--since", options->days.since,
                    "First diary day: YYYY-MM-DD, today, yesterday, fri, -7d")
        ->type_name("DAY");
    cmd->add_option("--until", options->days.until, "Last diary day (inclusive)")->type_name("DAY");
    cmd->footer(R"(Examples:
  relief export > journal.csv                  # for a spreadsheet, or a backup
  relief export --format json --since 2026-01-01 | jq '.records | length'

CSV columns: uuid,type,at,recorded_at,pain,mood,sleep_hours,sleep_quality,
minutes,kind,therapist,pain_before,areas,tags,note (areas and tags are
;-separated; an empty cell is a missing value).)");
    cmd->callback([options, &globals, &result] {
        result.code = run_export(*options, globals, current_instant());
    });
}

} // namespace relief::cli
