// relief log: record a check-in, a session, or both in one go.
#include "commands.hpp"
#include "entry_flags.hpp"
#include "prompt.hpp"
#include "relief/core/entry/entry.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/zone.hpp"
#include "trial_state.hpp"

#include <CLI/CLI.hpp>
#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct LogOptions {
    EntryValues values;
    std::vector<std::string> words; // trailing words: the note
    bool quiet = false;
    bool again = false; // log it even though it repeats one of the last 10 minutes
};

// A record of the same type and values within 10 minutes of `r`: a command
// run twice (shell history), which would count a session twice.
std::optional<Record> repeat_of(const Journal& journal, const Record& r) {
    constexpr std::int64_t k_window = 10 * 60;
    for (const Record& other : journal.records(r.at.utc - k_window, r.at.utc + k_window + 1)) {
        Record same = other; // equal but for its id and times
        same.uuid = r.uuid;
        same.at = r.at;
        same.recorded_at = r.recorded_at;
        if (same == r) {
            return other;
        }
    }
    return std::nullopt;
}

std::string confirmation(const std::vector<Record>& records, int day_start_minutes) {
    std::vector<std::string> items;
    for (const Record& r : records) {
        items.push_back(fmt::format("{} {} ({})", r.is_checkin() ? "check-in" : "session",
                                    short_id(r.uuid), describe_all(r)));
    }
    const DayNumber day = diary_day(records.back().at, day_start_minutes);
    return fmt::format("{} for {} {}", join(items, " and "), weekday_name(day), format_date(day));
}

// A session the trial did not plan (in a rest week, or a third in a massage
// week) is kept, and said so (trial v2 §2): "" for a planned one.
std::string off_plan_line(const Journal& journal, const Config& config, const Instant& now,
                          const Record& session) {
    const auto trial = latest_trial(journal, config, now);
    if (!trial || trial->status != analysis::TrialStatus::running) {
        return {};
    }
    // The trial's own deviations (docs/methods.md "Adherence"): its week,
    // when that is a rest week or a massage week with more than two.
    const DayNumber day = diary_day(session.at, config.day_start_minutes);
    for (const analysis::TrialDeviation& d : trial->deviations) {
        if (day < d.start || day >= d.start + 7) {
            continue;
        }
        if (!d.massage_week) {
            return "This is a rest week of your trial: the session is kept and counted as a "
                   "deviation.";
        }
        if (d.sessions > 2) {
            return fmt::format("This is session {} of a massage week of your trial, which plans "
                               "two: it is kept and the week counted as a deviation.",
                               d.sessions);
        }
    }
    return {};
}

std::string years_phrase(int days) {
    const long years = std::lround(days / 365.25);
    return years <= 1 ? std::string("a year") : fmt::format("{} years", years);
}

// A date more than a year before the journal's first entry is most likely a
// typo of the year ("2025" for "2026"): kept, but said so, with the way back.
std::string far_back_note(const Journal& journal, const Record& record, const Config& config) {
    constexpr int k_far_days = 365;
    const auto earliest = journal.earliest_at_utc();
    if (!earliest) {
        return {};
    }
    const DayNumber first =
        diary_day(Instant{*earliest, local_offset_at(*earliest)}, config.day_start_minutes);
    const DayNumber day = diary_day(record.at, config.day_start_minutes);
    if (first - day <= k_far_days) {
        return {};
    }
    const int days = static_cast<int>(first - day);
    return fmt::format("{} is {} days (about {}) before the first entry of your journal ({}); "
                       "if the date is a typo, relief undo takes it back",
                       format_date(day), days, years_phrase(days), format_date(first));
}

ExitCode run_log(LogOptions options, const GlobalOptions& globals, const Instant& now) {
    const Config config = load_config(globals);
    EntryValues& values = options.values;
    take_note_words(values, options.words);
    if (!values.has_checkin_values() && !values.has_session_values()) {
        if (!stdin_is_terminal() || note_is_a_pain_value(values)) {
            throw InputError(nothing_to_log(values));
        }
        auto answered = ask_entry_values(std::cin, std::cerr, config, values);
        if (!answered) {
            std::cerr << "Cancelled; nothing was written.\n";
            return ExitCode::no;
        }
        if (!answered->has_checkin_values() && !answered->has_session_values()) {
            std::cerr << "No values given; nothing was written.\n";
            return ExitCode::no;
        }
        values = *answered;
    }
    // Validate everything before the journal is opened, so bad input never
    // creates or touches it.
    const std::vector<Record> records = make_log_records(values, config, now);
    Journal journal = open_journal(globals, Journal::Mode::write);
    const std::string what = confirmation(records, config.day_start_minutes);
    std::vector<std::string> notes{far_back_note(journal, records.front(), config)};
    // The first record carries every name typed (a session: its kind too).
    for (std::string& note : name_typo_notes(journal, records.front())) {
        notes.push_back(std::move(note));
    }
    journal.change(StepAction::log, "log of " + what, now.utc, [&](JournalWriter& writer) {
        for (const Record& r : records) {
            if (const auto earlier = options.again ? std::nullopt : repeat_of(journal, r)) {
                throw InputError(fmt::format(
                    "this repeats the {} {} logged at {} (the same values within 10 minutes); "
                    "add --again to log it a second time",
                    earlier->is_checkin() ? "check-in" : "session", short_id(earlier->uuid),
                    format_local_minutes(earlier->at)));
            }
            writer.insert(r);
        }
    });
    for (const std::string& note : notes) {
        if (!note.empty()) {
            std::cerr << "relief: note: " << note << '\n';
        }
    }
    if (!options.quiet) {
        std::cout << "Logged " << what << ".\n";
        for (const Record& r : records) {
            if (!r.is_checkin()) {
                if (const std::string line = off_plan_line(journal, config, now, r);
                    !line.empty()) {
                    std::cout << line << '\n';
                }
            }
        }
    }
    return ExitCode::ok;
}

} // namespace

void setup_log(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<LogOptions>();
    CLI::App* cmd = app.add_subcommand("log", "Record a check-in, a session, or both");
    cmd->description(
        "Record a check-in (pain, mood, sleep), a massage or other session, or both in one go.\n"
        "Run on a terminal without values, it asks for them one by one.");
    add_entry_flags(*cmd, options->values);
    cmd->get_option("--pain")->description("Pain now, 0-10 (0 = none, 10 = worst imaginable)");
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->add_flag("--again", options->again,
                  "Log it even when the same entry was logged in the last 10 minutes");
    cmd->add_option("note", options->words, "Trailing words are the note")->type_name("WORDS");
    cmd->footer(R"(Examples:
  relief log --pain 4 --sleep 7.5 --mood 6 stiff after gardening
  relief log --massage 60 --kind deep-tissue --pain-before 6 --pain 3
  relief log --pain 5 --area lower-back --area neck --at "yesterday 21:30"
  relief log                      # on a terminal: asks question by question

A session without --at is taken to have just ended; a check-in logged with it
is stamped at the session's end. --kind alone logs a session of
massage.default_minutes (config); --pain-before and --therapist go with
--massage or --kind, and alone are refused. Exit 0 when stored, 1 when
cancelled at the prompt, 2 on invalid input (nothing is written).)");
    cmd->callback([options, &globals, &result] {
        result.code = run_log(*options, globals, current_instant());
    });
}

} // namespace relief::cli
