#include "relief/core/record/trial_entry.hpp"

#include "relief/core/error.hpp"
#include "relief/core/text/splitmix64.hpp"
#include "relief/core/text/text.hpp"

#include <algorithm>
#include <cmath>
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
    if (trial.worthwhile < 0.5 - 1e-9 || trial.worthwhile > 3 + 1e-9) {
        return fmt::format("a trial's worthwhile difference is 0.5 to 3 points, this one {}",
                           trial.worthwhile);
    }
    return {};
}

double parse_worthwhile(std::string_view field, std::string_view text) {
    const std::string shown(trim(text));
    const auto value = parse_decimal(shown);
    // One decimal: a tenth of a point is as fine as a 0-10 scale can tell.
    const bool ok = value && *value >= 0.5 - 1e-9 && *value <= 3 + 1e-9 &&
                    std::fabs(*value * 10 - std::round(*value * 10)) < 1e-6;
    if (!ok) {
        throw InputError(fmt::format("{} must be a number of points from 0.5 to 3 with at most one "
                                     "decimal (like 1 or 1.5), got \"{}\"",
                                     field, shown_value(text)));
    }
    return std::round(*value * 10) / 10;
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
