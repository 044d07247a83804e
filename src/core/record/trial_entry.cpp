#include "relief/core/record/trial_entry.hpp"

#include "relief/core/text/splitmix64.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace relief {

namespace {
constexpr DayNumber k_last_calendar_day = days_from_civil(9999, 12, 31);
} // namespace

DayNumber trial_planned_end(const TrialEntry& trial) noexcept {
    return trial.start + 14 + 14 * trial.pairs - 1;
}

DayNumber trial_last_day(const TrialEntry& trial) noexcept {
    return trial.stopped_on ? std::min(*trial.stopped_on, trial_planned_end(trial))
                            : trial_planned_end(trial);
}

bool trials_overlap(const TrialEntry& a, const TrialEntry& b) noexcept {
    return a.start <= trial_last_day(b) && b.start <= trial_last_day(a);
}

std::string trial_plan_problem(const TrialEntry& trial) {
    if (trial.pairs < 6 || trial.pairs > 12) {
        return fmt::format("a trial has 6 to 12 pairs of weeks, this one {}", trial.pairs);
    }
    if (trial.start > k_last_calendar_day - (14 + 14 * trial.pairs - 1)) {
        return "the trial would end after 9999-12-31, the last day relief can write";
    }
    if (trial.stopped_on && *trial.stopped_on < trial.start) {
        return "the trial was stopped before it started";
    }
    return {};
}

std::vector<bool> trial_massage_first(std::uint64_t seed, int pairs) {
    SplitMix64 rng(seed);
    std::vector<bool> bits;
    for (int p = 0; p < pairs; ++p) {
        bits.push_back((rng.next() >> 63) == 1);
    }
    return bits;
}

} // namespace relief
