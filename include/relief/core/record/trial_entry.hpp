#pragma once
// A trial as the journal keeps it: its plan and, when stopped early, the day
// it was stopped (docs/methods.md "The trial").
#include "relief/core/time/civil.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relief {

struct TrialEntry {
    std::string id;      // a uuid
    DayNumber start = 0; // day 0 (a diary day)
    int pairs = 7;       // 6–12
    std::uint64_t seed = 0;
    bool seed_chosen = false;            // given with --seed, not drawn
    std::optional<DayNumber> stopped_on; // the diary day of `relief trial stop`
    std::int64_t started_utc = 0;        // when `relief trial start` ran
    double worthwhile = 1.0;             // --worth: points that would make massage worth it
    bool operator==(const TrialEntry&) const = default;
};

// The last day of the plan, day 14 + 14K − 1 (also when stopped).
DayNumber trial_planned_end(const TrialEntry& trial) noexcept;
// The last day it runs: the stop's day, or the planned end.
DayNumber trial_last_day(const TrialEntry& trial) noexcept;
// Only one trial may run at a time: two whose days meet overlap.
bool trials_overlap(const TrialEntry& a, const TrialEntry& b) noexcept;
// What `trial start` requires of a plan, for every way a trial gets into a
// journal (start, import): 6–12 pairs, over by 9999-12-31, no stop before
// the start. The problem in words, or "" when there is none.
std::string trial_plan_problem(const TrialEntry& trial);
// --worth X (docs/methods.md "The trial", decision): 0.5 to 3 points, one
// decimal. Throws InputError naming `field` and what was given.
double parse_worthwhile(std::string_view field, std::string_view text);

// The plan's coin (docs/methods.md "The trial"): SplitMix64 seeded with the
// trial's seed gives, for pair p = 0 … K−1 in order, bit = next() >> 63;
// true (1) means the pair's first week is the massage week.
std::vector<bool> trial_massage_first(std::uint64_t seed, int pairs);

} // namespace relief
