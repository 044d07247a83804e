#pragma once
// What the trial commands (and status, remind, report) need of a journal's
// trials: the plan of an entry, the trial running today, and a trial
// analysed against the journal up to today (docs/methods.md "The trial").
#include "context.hpp"
#include "relief/analysis/trial.hpp"

#include <optional>
#include <string>
#include <vector>

namespace relief::cli {

analysis::TrialPlan plan_of(const TrialEntry& entry);

// The trial that is running on diary day `today` (started, not stopped, not
// past its end), if any.
std::optional<TrialEntry> running_trial(const std::vector<TrialEntry>& trials, DayNumber today);

struct TrialContext {
    TrialEntry entry;
    analysis::TrialReport report;
};

// The trial named by `id` (a prefix), else the newest; analysed with the
// journal's check-ins and sessions up to today. InputError when there is none.
TrialContext load_trial(const GlobalOptions& globals, const Instant& now, const std::string& id,
                        bool exclude_backfilled);

// The newest trial analysed up to today, for the lines of status, remind
// and report; nullopt without a trial (or a journal).
std::optional<analysis::TrialReport> latest_trial(const Journal& journal, const Config& config,
                                                  const Instant& now);

} // namespace relief::cli
