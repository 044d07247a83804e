// relief import: records from a CSV or JSON file, all or nothing, idempotent by uuid.
#include "choices.hpp"
#include "commands.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/entry/entry.hpp"
#include "relief/core/record/record_reader.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"
#include "selection.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

namespace relief::cli {
namespace {

constexpr std::size_t k_problems_shown = 20;

struct ImportOptions {
    std::string file;
    std::string format; // "" = by the file name, else by the first character
    std::string map;    // --map "Header=column,…"
    std::string type;   // --type checkin|session
    bool dry_run = false;
    bool quiet = false;
};

struct Tally {
    std::int64_t checkins = 0;
    std::int64_t sessions = 0;
    std::int64_t present = 0;
    std::int64_t trials = 0;
    std::int64_t problem_count = 0;
    std::vector<std::string> problems; // the first k_problems_shown
};

std::string pick_format(const ImportOptions& options, std::istream& in) {
    if (!options.format.empty()) {
        return options.format;
    }
    if (options.file.ends_with(".json")) {
        return "json";
    }
    if (options.file.ends_with(".csv")) {
        return "csv";
    }
    while (in.peek() == ' ' || in.peek() == '\n' || in.peek() == '\r' || in.peek() == '\t') {
        in.get();
    }
    return in.peek() == '{' ? "json" : "csv";
}

std::string records_phrase(const Tally& t) {
    return fmt::format("{} record{} ({} check-in{}, {} session{}){}", t.checkins + t.sessions,
                       t.checkins + t.sessions == 1 ? "" : "s", t.checkins,
                       t.checkins == 1 ? "" : "s", t.sessions, t.sessions == 1 ? "" : "s",
                       t.trials > 0
                           ? fmt::format(" and {} trial{}", t.trials, t.trials == 1 ? "" : "s")
                           : std::string());
}

ImportRules rules_from(const ImportOptions& options, const Config& config, const Instant& now) {
    ImportRules rules{Today{now, config.day_start_minutes}, std::nullopt, {}};
    if (!options.map.empty()) {
        rules.map = parse_column_map(options.map);
    }
    if (!options.type.empty()) {
        rules.type = options.type == "checkin" ? RecordType::checkin : RecordType::session;
    }
    return rules;
}

// Opens FILE (nothing for "-", stdin), refusing a folder with a clear message.
void open_input(const std::string& path, std::ifstream& file) {
    if (path == "-") {
        return;
    }
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        throw InputError(fmt::format("cannot read {}: it is a folder, not a file", path));
    }
    file.open(path, std::ios::binary);
    if (!file) {
        throw InputError(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    }
}

// Every problem as FILE:LINE: message, the first k_problems_shown of them.
std::string problems_message(const Tally& tally, const std::string& name) {
    if (tally.problem_count == 1) {
        return tally.problems.front() + " (nothing was imported)";
    }
    std::string message = join(tally.problems, "\n");
    const auto shown = static_cast<std::int64_t>(k_problems_shown);
    if (tally.problem_count > shown) {
        message += fmt::format("\n… and {} more problems", tally.problem_count - shown);
    }
    return message + fmt::format("\n{} problem{} in {}; nothing was imported", tally.problem_count,
                                 tally.problem_count == 1 ? "" : "s", name);
}

// What happens to each record, trial and problem the reader finds: added
// through `writer` and counted, or listed as a problem.
class Importer {
  public:
    Importer(JournalWriter& writer, Tally& tally, const std::string& name, const Instant& now,
             std::vector<TrialEntry> trials)
        : m_writer(writer), m_tally(tally), m_name(name), m_now(now), m_trials(std::move(trials)) {}

    RecordHandler handler() {
        RecordHandler h;
        h.on_record = [this](std::size_t line, const Record& r) { record(line, r); };
        h.on_trial = [this](std::size_t line, const TrialEntry& t) { trial(line, t); };
        h.on_problem = [this](std::size_t line, const std::string& m) { problem(line, m); };
        return h;
    }

    void problem(std::size_t line, const std::string& message) {
        if (++m_tally.problem_count <= static_cast<std::int64_t>(k_problems_shown)) {
            m_tally.problems.push_back(fmt::format("{}:{}: {}", m_name, line, message));
        }
    }

  private:
    // One trial may run at a time: an imported one must not overlap a trial
    // of the journal, nor one of the same file (a re-import of the same
    // trial is no overlap: it is already there).
    void trial(std::size_t line, const TrialEntry& t) {
        for (const TrialEntry& other : m_trials) {
            if (other.id != t.id && trials_overlap(t, other)) {
                problem(line,
                        fmt::format("the trial {} ({} to {}) overlaps the trial {} ({} to "
                                    "{}): only one trial can run at a time",
                                    t.id.substr(0, 8), format_date(t.start),
                                    format_date(trial_last_day(t)), other.id.substr(0, 8),
                                    format_date(other.start), format_date(trial_last_day(other))));
                return;
            }
        }
        m_trials.push_back(t);
        m_tally.trials += m_writer.add_trial_if_new(t) ? 1 : 0;
    }

    void record(std::size_t line, const Record& r) {
        try {
            validate_times(r, m_now, k_import_clock_skew_seconds);
        } catch (const InputError& e) {
            problem(line, e.what());
            return;
        }
        const Insertion done = m_writer.insert_if_new(r);
        switch (done.outcome) {
        case Insertion::Outcome::present:
            ++m_tally.present;
            break;
        case Insertion::Outcome::added:
            ++(r.is_checkin() ? m_tally.checkins : m_tally.sessions);
            m_added_lines[r.is_checkin() ? 0 : 1].push_back(static_cast<std::uint32_t>(line));
            break;
        case Insertion::Outcome::repeated:
            problem(line, fmt::format("the id {} is also on line {}; each record needs its own id",
                                      short_id(r.uuid),
                                      m_added_lines[done.earlier_checkin ? 0 : 1][done.earlier]));
            break;
        }
    }

    JournalWriter& m_writer;
    Tally& m_tally;
    const std::string& m_name;
    const Instant& m_now;
    std::vector<TrialEntry> m_trials; // of the journal and of the file so far
    // The line of each record added, by type: a uuid given twice in the file
    // names both lines (4 bytes a record; the uuids stay in SQLite).
    std::vector<std::uint32_t> m_added_lines[2];
};

ExitCode run_import(const ImportOptions& options, const GlobalOptions& globals,
                    const Instant& now) {
    const Config config = load_config(globals); // a broken config is reported even here
    const ImportRules rules = rules_from(options, config, now);
    const std::string name = options.file == "-" ? std::string("stdin") : options.file;
    std::ifstream file;
    open_input(options.file, file);
    std::istream& in = options.file == "-" ? std::cin : file;
    const std::string format = pick_format(options, in);
    if (format == "json" && (!options.map.empty() || !options.type.empty())) {
        throw InputError("--map and --type are for CSV files; a JSON file names its own fields");
    }
    // A dry run runs the same transaction and rolls it back; against a journal
    // that does not exist yet it uses an empty one in memory, creating nothing.
    // A dry run changes a copy in memory: it works on a read-only journal
    // and can never write one.
    Journal journal = options.dry_run ? Journal::open_copy_in_memory(journal_path(globals.db))
                                      : open_journal(globals, Journal::Mode::write);
    Tally tally;
    const auto body = [&](JournalWriter& writer) {
        Importer importer(writer, tally, name, now, journal.trials());
        try {
            format == "json" ? read_json_records(in, rules, importer.handler())
                             : read_csv_records(in, rules, importer.handler());
        } catch (const InputError& e) {
            // The file cannot be read past this point: report it after what came before.
            ++tally.problem_count;
            tally.problems.push_back(fmt::format("{}:{}", name, e.what()));
        }
        if (tally.problem_count > 0) {
            throw InputError(problems_message(tally, name));
        }
        writer.set_summary(fmt::format("import of {} from {}", records_phrase(tally), name));
    };
    journal.change(StepAction::import, "import", now.utc, body, options.dry_run);
    if (!options.quiet) {
        std::cout << (options.dry_run
                          ? fmt::format("Would import {} from {}; {} already present. Nothing "
                                        "was written (--dry-run).\n",
                                        records_phrase(tally), name, tally.present)
                          : fmt::format("Imported {} from {}; {} already present.\n",
                                        records_phrase(tally), name, tally.present));
    }
    return ExitCode::ok;
}

} // namespace

void setup_import(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* cmd = app.add_subcommand("import", "Add records from a CSV or JSON file");
    cmd->add_option("file", options->file, "The file to read, or - for stdin")
        ->required()
        ->type_name("FILE|-");
    add_choice_option(*cmd, "--format", options->format, {"csv", "json"},
                      "(default: from the file)");
    cmd->add_option("--map", options->map,
                    "Columns of your own file: \"Date=at,Pain level=pain,Weather=\" "
                    "(nothing after = leaves a column out)")
        ->type_name("HEADER=COLUMN,...");
    add_choice_option(*cmd, "--type", options->type, {"checkin", "session"},
                      "(every row, for a file without a type column)")
        ->type_name("TYPE");
    cmd->add_flag("--dry-run", options->dry_run, "Check the file and say what would be added");
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->description("Add the records of a CSV or JSON file (the formats of relief export). "
                     "All or nothing: with any bad row nothing is written and every problem is "
                     "listed as FILE:LINE: message. Records whose uuid is already in the journal "
                     "are skipped and counted, so importing twice adds nothing.");
    cmd->footer(R"(Examples:
  relief import journal.csv
  relief import --dry-run export.json
  some-script | relief import --format csv -
  relief import --map "Date=at,Pain level=pain,Notes=note" --type checkin a.csv

CSV: a header row naming the columns (any order; uuid,type,at,recorded_at,pain,
mood,sleep_hours,sleep_quality,minutes,kind,therapist,pain_before,areas,tags,
note), separated by commas, semicolons or tabs (the header decides), LF or
CRLF, an optional UTF-8 BOM. type (or --type) and at are required; at takes
ISO 8601 or what --at takes (2026-11-20, "2026-11-20 9pm"); without an offset
it is local time; a missing uuid gets a new one; a missing recorded_at means
at. Every problem of every row is listed. relief undo takes a whole import
back.)");
    cmd->callback([options, &globals, &result] {
        result.code = run_import(*options, globals, current_instant());
    });
}

} // namespace relief::cli
