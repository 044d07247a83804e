// relief edit ID: change the values of one record; undo brings the old ones back.
#include "commands.hpp"
#include "entry_flags.hpp"
#include "relief/core/entry/entry.hpp"
#include "relief/core/text/text.hpp"
#include "selection.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct EditOptions {
    std::string id;
    EntryValues values;
    std::vector<std::string> words;
    bool quiet = false;
};

bool changes_something(const EntryValues& v) {
    return v.at ||
           std::any_of(k_fields.begin(), k_fields.end(), [&](const Field& f) { return v.has(f); });
}

ExitCode run_edit(EditOptions options, const GlobalOptions& globals, const Instant& now) {
    const Config config = load_config(globals);
    take_note_words(options.values, options.words);
    if (!changes_something(options.values)) {
        throw InputError("nothing to change: give the new values, like relief edit ID --pain 3 "
                         "(an empty value, --mood \"\", clears one)");
    }
    Journal journal = open_existing_journal(globals, options.id);
    // Read, change and write in one write transaction: an edit racing another
    // edit or an undo works on what is there now, never on a stale copy.
    std::string what;
    std::string change;
    std::vector<std::string> notes;
    journal.change(StepAction::edit, "edit", now.utc, [&](JournalWriter& writer) {
        const Record before = find_record(journal, options.id);
        Record after = before;
        apply_values(after, options.values, Today{now, config.day_start_minutes});
        const DayNumber day = diary_day(after.at, config.day_start_minutes);
        what = fmt::format("{} {} of {} {}", before.is_checkin() ? "check-in" : "session",
                           short_id(before.uuid), weekday_name(day), format_date(day));
        change = describe_changes(before, after);
        Record names_typed = after; // only the names this edit sets
        names_typed.kind = options.values["kind"] ? after.kind : std::string();
        names_typed.areas =
            options.values.list("areas").empty() ? std::vector<std::string>() : after.areas;
        names_typed.tags =
            options.values.list("tags").empty() ? std::vector<std::string>() : after.tags;
        notes = name_typo_notes(journal, names_typed);
        writer.replace(after);
        writer.set_summary(fmt::format("edit of {} ({})", what, change));
    });
    for (const std::string& note : notes) {
        std::cerr << "relief: note: " << note << '\n';
    }
    if (!options.quiet) {
        std::cout << fmt::format("Edited {}: {}.\n", what, change);
    }
    return ExitCode::ok;
}

} // namespace

void setup_edit(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<EditOptions>();
    CLI::App* cmd = app.add_subcommand("edit", "Change the values of a record");
    cmd->description("Change the values of one record; what you do not give stays as it was, "
                     "an empty value (--mood \"\") clears one. relief undo brings the old values "
                     "back.");
    cmd->add_option("id", options->id, "The record's id, or its first 4+ characters (relief list)")
        ->required()
        ->type_name("ID");
    add_entry_flags(*cmd, options->values);
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->add_option("note", options->words, "Trailing words replace the note")->type_name("WORDS");
    cmd->footer(R"(Examples:
  relief edit 3f2a1b4c --pain 3
  relief edit 3f2a --at "yesterday 21:00" --note "after the long drive"
  relief edit 9c1e --kind myofascial --therapist ""     # clears the therapist)");
    cmd->callback([options, &globals, &result] {
        result.code = run_edit(*options, globals, current_instant());
    });
}

} // namespace relief::cli
