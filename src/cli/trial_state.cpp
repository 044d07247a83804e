#include "trial_state.hpp"

#include "relief/analysis/series.hpp"
#include "relief/core/text/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace relief::cli {

analysis::TrialPlan plan_of(const TrialEntry& entry) {
    analysis::TrialPlan plan;
    plan.id = entry.id;
    plan.start = entry.start;
    plan.pairs = entry.pairs;
    plan.seed = entry.seed;
    plan.seed_chosen = entry.seed_chosen;
    plan.stopped_on = entry.stopped_on;
    plan.worthwhile = entry.worthwhile;
    return plan;
}

std::optional<TrialEntry> running_trial(const std::vector<TrialEntry>& trials, DayNumber today) {
    for (const TrialEntry& t : trials) {
        if (!t.stopped_on && today <= plan_of(t).end()) {
            return t;
        }
    }
    return std::nullopt;
}

namespace {

// The trial's days from its start to C: daily pain, mood and sleep quality
// as the report computes them (docs/methods.md §1), and sessions per day.
std::vector<analysis::TrialDay> trial_days(const Journal& journal, const analysis::TrialPlan& plan,
                                           DayNumber C, int day_start_minutes,
                                           bool exclude_backfilled) {
    const DayNumber last = std::min(C, plan.end());
    if (last < plan.start) {
        return {};
    }
    const int count = last - plan.start + 1;
    const int weeks = (count + 6) / 7;
    const analysis::Window window{plan.start + 7 * weeks - 1, weeks};
    const UtcRange range = utc_range_for_days(plan.start, last, day_start_minutes);
    std::vector<analysis::CheckinInput> checkins;
    journal.scan_values(
        range.from, range.to, RecordType::checkin, [&](const Record& r, std::int64_t stored) {
            analysis::CheckinInput c = analysis::checkin_input(r, stored, day_start_minutes);
            if (c.day >= plan.start && c.day <= last && !(exclude_backfilled && c.backfilled)) {
                checkins.push_back(c);
            }
        });
    const analysis::DailySeries daily = analysis::daily_series(window, checkins);
    std::vector<analysis::TrialDay> days(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < days.size(); ++i) {
        days[i].pain = daily.pain[i];
        days[i].mood = daily.mood[i];
        days[i].sleep_quality = daily.quality[i];
    }
    journal.scan_values(range.from, range.to, RecordType::session,
                        [&](const Record& r, std::int64_t /*stored*/) {
                            const DayNumber d = diary_day(r.at, day_start_minutes);
                            if (d >= plan.start && d <= last) {
                                ++days[static_cast<std::size_t>(d - plan.start)].sessions;
                            }
                        });
    return days;
}

// A trial analysed against the journal: up to today, or to its stop.
analysis::TrialReport analysed(const Journal& journal, const TrialEntry& entry,
                               const Config& config, const Instant& now, bool exclude_backfilled) {
    const analysis::TrialPlan plan = plan_of(entry);
    const DayNumber today = diary_day(now, config.day_start_minutes);
    const DayNumber C = plan.stopped_on ? *plan.stopped_on : today;
    return analysis::analyse_trial(
        plan, today, trial_days(journal, plan, C, config.day_start_minutes, exclude_backfilled));
}

} // namespace

TrialContext load_trial(const GlobalOptions& globals, const Instant& now, const std::string& id,
                        bool exclude_backfilled) {
    const Config config = load_config(globals);
    const Journal journal = open_journal(globals, Journal::Mode::read);
    const std::vector<TrialEntry> trials = journal.trials();
    const TrialEntry* chosen = trials.empty() ? nullptr : &trials.back();
    if (!id.empty()) {
        const std::string prefix = to_lower(trim(id));
        const auto matches = std::count_if(trials.begin(), trials.end(), [&](const TrialEntry& t) {
            return t.id.starts_with(prefix);
        });
        const auto it = std::find_if(trials.begin(), trials.end(),
                                     [&](const TrialEntry& t) { return t.id.starts_with(prefix); });
        if (prefix.size() < 4 || it == trials.end() || matches > 1) {
            throw InputError(fmt::format("--trial must be the first 4 or more characters of one "
                                         "trial's id (relief trial --format json shows it), got "
                                         "\"{}\"",
                                         shown_value(id)));
        }
        chosen = &*it;
    }
    if (chosen == nullptr) {
        throw InputError("there is no trial in this journal yet; relief trial start begins one");
    }
    return TrialContext{*chosen, analysed(journal, *chosen, config, now, exclude_backfilled)};
}

std::optional<analysis::TrialReport> latest_trial(const Journal& journal, const Config& config,
                                                  const Instant& now) {
    const std::vector<TrialEntry> trials = journal.trials();
    if (trials.empty()) {
        return std::nullopt;
    }
    return analysed(journal, trials.back(), config, now, false);
}

} // namespace relief::cli
