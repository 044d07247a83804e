// relief delete ID…: remove records; each stays recoverable through relief undo.
#include "commands.hpp"
#include "relief/core/entry/entry.hpp"
#include "relief/core/text/text.hpp"
#include "selection.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct DeleteOptions {
    std::vector<std::string> ids;
    bool quiet = false;
};

ExitCode run_delete(const DeleteOptions& options, const GlobalOptions& globals,
                    const Instant& now) {
    const Config config = load_config(globals);
    Journal journal = open_existing_journal(globals, options.ids.front());
    std::vector<Record> doomed;
    std::string what;
    // Found and removed in one write transaction, so what is reported (and
    // shelved for undo) is the record as it is now, not before a racing edit.
    journal.change(StepAction::remove, "delete", now.utc, [&](JournalWriter& writer) {
        std::vector<std::string> described;
        for (const std::string& id : options.ids) {
            Record r = find_record(journal, id);
            if (std::find(doomed.begin(), doomed.end(), r) != doomed.end()) {
                continue;
            }
            const DayNumber day = diary_day(r.at, config.day_start_minutes);
            described.push_back(
                fmt::format("{} {} of {} {} ({})", r.is_checkin() ? "check-in" : "session",
                            short_id(r.uuid), weekday_name(day), format_date(day), describe(r)));
            writer.remove(r);
            doomed.push_back(std::move(r));
        }
        what = join(described, " and ");
        writer.set_summary("delete of " + what);
    });
    if (!options.quiet) {
        std::cout << fmt::format("Deleted {}. relief undo brings {} back.\n", what,
                                 doomed.size() == 1 ? "it" : "them");
    }
    return ExitCode::ok;
}

} // namespace

void setup_delete(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<DeleteOptions>();
    CLI::App* cmd = app.add_subcommand("delete", "Remove records (relief undo brings them back)");
    cmd->add_option("id", options->ids, "Record ids, or their first 4+ characters (relief list)")
        ->required()
        ->type_name("ID...");
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->footer(R"(Examples:
  relief delete 3f2a1b4c
  relief delete 3f2a 9c1e && relief undo    # changed your mind: both come back)");
    cmd->callback([options, &globals, &result] {
        result.code = run_delete(*options, globals, current_instant());
    });
}

} // namespace relief::cli
