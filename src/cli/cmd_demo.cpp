// relief demo: fill an empty journal with realistic synthetic weeks.
#include "commands.hpp"
#include "relief/core/record/demo.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace relief::cli {
namespace {

struct DemoOptions {
    std::string weeks = "12";
    std::string seed = "1";
    bool trial = false;
};

ExitCode run_demo_trial(const GlobalOptions& globals, const DemoTrial& demo, const Instant& now) {
    Journal journal = open_journal(globals, Journal::Mode::write);
    journal.change(StepAction::demo, "demo of a finished 7-pair trial", now.utc,
                   [&](JournalWriter& writer) {
                       writer.add_trial(demo.trial);
                       for (const Record& r : demo.records) {
                           writer.insert(r);
                       }
                   });
    const std::string db = globals.db.empty() ? std::string() : " --db " + journal.path();
    std::cout << fmt::format(
        "Filled {} with a finished 7-pair trial ({}, synthetic).\n"
        "Try: relief{} trial report\n",
        journal.path(), count_of(static_cast<long long>(demo.records.size()), "entry", "entries"),
        db);
    return ExitCode::ok;
}

ExitCode run_demo(const DemoOptions& options, const GlobalOptions& globals, const Instant& now) {
    const Config config = load_config(globals);
    const long long weeks = parse_count("--weeks", options.weeks, 1, k_max_weeks);
    const long long seed = parse_count("--seed", options.seed, 0, k_max_seed);
    const auto existing = open_journal(globals, Journal::Mode::read);
    const std::int64_t held =
        existing.count(RecordType::checkin) + existing.count(RecordType::session);
    if (held > 0) {
        throw InputError(fmt::format("the journal {} already holds {} record{}; relief demo only "
                                     "fills an empty journal (pick another with --db)",
                                     existing.path(), held, held == 1 ? "" : "s"));
    }
    const DayNumber today = diary_day(now, config.day_start_minutes);
    if (options.trial) {
        return run_demo_trial(
            globals, make_demo_trial(today, static_cast<std::uint64_t>(seed), now.utc), now);
    }
    const std::vector<Record> records = make_demo_journal(
        today, static_cast<int>(weeks), static_cast<std::uint64_t>(seed), now.utc);
    std::int64_t sessions = 0;
    for (const Record& r : records) {
        sessions += r.is_checkin() ? 0 : 1;
    }
    const std::string what =
        fmt::format("{} of synthetic entries ({}, {}, seed {})", count_of(weeks, "week"),
                    count_of(static_cast<std::int64_t>(records.size()) - sessions, "check-in"),
                    count_of(sessions, "session"), seed);
    Journal journal = open_journal(globals, Journal::Mode::write);
    journal.change(StepAction::demo, "demo of " + what, now.utc, [&](JournalWriter& writer) {
        for (const Record& r : records) {
            writer.insert(r);
        }
    });
    const std::string db = globals.db.empty() ? std::string() : " --db " + journal.path();
    std::cout << fmt::format("Filled {} with {}.\nTry: relief{} report\n", journal.path(), what,
                             db);
    return ExitCode::ok;
}

} // namespace

void setup_demo(CLI::App& app, const GlobalOptions& globals, RunResult& result) {
    auto options = std::make_shared<DemoOptions>();
    CLI::App* cmd = app.add_subcommand("demo", "Fill an empty journal with synthetic weeks");
    cmd->description("Fill an empty journal with realistic, synthetic weeks up to today: noisy "
                     "daily pain, missed days, sessions every 5-10 days with a few days of "
                     "relief, sleep and mood. The same seed gives the same journal. Use --db to "
                     "keep it away from your real journal.");
    cmd->add_option("--weeks", options->weeks, "How many weeks (1-520, default 12)")
        ->type_name("N");
    cmd->add_option("--seed", options->seed, "Random seed (default 1)")->type_name("N");
    cmd->add_flag("--trial", options->trial,
                  "Instead: a finished 16-week trial (relief trial report shows its answer)");
    cmd->footer(R"(Examples:
  relief --db /tmp/demo.db demo
  relief --db /tmp/demo.db demo --weeks 26 --seed 7
  relief --db /tmp/demo.db list --limit 20
  relief --db /tmp/trial.db demo --trial
  relief --db /tmp/trial.db trial report)");
    cmd->callback([options, &globals, &result] {
        result.code = run_demo(*options, globals, current_instant());
    });
}

} // namespace relief::cli
