#pragma once
// The randomised n-of-1 trial (docs/methods.md "The trial"): the plan drawn
// from its seed, and the analysis of a journal against it. Pure: no SQLite.
#include "relief/analysis/series.hpp"
#include "relief/analysis/stats.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relief::analysis {

inline constexpr int k_run_in_days = 14;

struct TrialPlan {
    std::string id;      // a uuid
    DayNumber start = 0; // day 0, a diary day
    int pairs = 7;       // K, 6–12
    std::uint64_t seed = 0;
    bool seed_chosen = false; // --seed was given
    std::optional<DayNumber> stopped_on;
    double worthwhile = 1.0; // X: the difference that makes massage worth it (§3 decision)

    DayNumber pair_start(int p) const noexcept { return start + k_run_in_days + 14 * p; }
    DayNumber end() const noexcept { return start + k_run_in_days + 14 * pairs - 1; }
    // p = 0 … K−1: true when the pair's first week is the massage week.
    std::vector<bool> massage_first() const;
    DayNumber massage_week(int p) const;
    DayNumber rest_week(int p) const;
};

// "0x" and 16 lowercase hex digits.
std::string seed_text(std::uint64_t seed);

enum class TrialStatus { running, complete, stopped };
enum class PairState { complete, incomplete, pending };
enum class TrialVerdict {
    in_progress,
    too_few_pairs,
    massage_better,
    rest_better,
    no_clear_difference
};
// §3 "Decision" (trial v2): the verdict in the person's own terms, by the
// rule fixed at the start.
enum class TrialDecision { worth_it, better_but_small, not_worth_it, cant_tell };

std::string_view json_name(TrialStatus value) noexcept;
std::string_view json_name(PairState value) noexcept;
std::string_view json_name(TrialVerdict value) noexcept;
std::string_view json_name(TrialDecision value) noexcept;

// One day's values, by diary day (days ≤ C only).
struct TrialDay {
    std::optional<double> pain, mood, sleep_quality;
    int sessions = 0;
    std::vector<std::int64_t> session_starts_utc;
};

struct TrialDeviation {
    int pair = 0;
    bool massage_week = true;
    DayNumber start = 0;
    int sessions = 0;
    std::vector<DayNumber> dates;
};

struct TrialPair {
    int pair = 0;
    DayNumber massage_week = 0, rest_week = 0;
    std::optional<double> massage_mean, rest_mean, difference;
    int massage_days = 0, rest_days = 0;
    int massage_sessions = 0, rest_sessions = 0;
    PairState state = PairState::pending;
    bool deviation = false;
};

// An exact randomisation (sign-flip) test of mean differences.
struct SignFlip {
    int pairs = 0;
    std::optional<double> estimate;
    std::optional<Interval> ci; // from 6 pairs
    std::optional<double> p_two_sided, p_lower;
};

// Mean d, and p by the exact test over all 2^k sign vectors (k ≤ 30).
SignFlip sign_flip_test(const std::vector<double>& d, bool with_interval);
// The two-sided p of the values d − δ.
double two_sided_p(const std::vector<double>& d, double delta);

struct TrialReport {
    TrialPlan plan;
    DayNumber today = 0; // C
    TrialStatus status = TrialStatus::running;
    int run_in_days = 0; // run-in days up to C
    int run_in_logged = 0;
    std::optional<double> run_in_mean;
    std::vector<TrialPair> pairs;
    std::vector<TrialDeviation> deviations;
    int complete_pairs = 0;
    std::optional<double> massage_weeks_mean, rest_weeks_mean;
    SignFlip primary; // as randomised (all complete pairs)
    int better_in = 0, worse_in = 0;
    TrialVerdict verdict = TrialVerdict::in_progress;
    std::optional<TrialDecision> decision; // once over, with a verdict other than too few pairs
    SignFlip per_protocol;                 // complete pairs without a deviation
    std::optional<SignFlip> mood, sleep_quality; // nullopt: no pair has the series
    bool finished() const noexcept { return status != TrialStatus::running; }
};

// Today's step (trial v2 §2, "the daily line can be followed blindly"):
// what the plan asks of today, as fields, from which the daily line of
// `relief trial`, status and remind is worded.
enum class TrialPhase { not_started, run_in, pair, finished, stopped };
std::string_view json_name(TrialPhase value) noexcept;
struct BookingWindow {
    DayNumber first = 0, last = 0;
};
struct TrialStep {
    TrialPhase phase = TrialPhase::not_started;
    std::optional<int> pair;             // 0-based, in a pair's week
    std::optional<bool> massage_week;    // the kind of this week
    int sessions_this_week = 0;          // up to today
    std::vector<BookingWindow> bookings; // this massage week's windows still to book, in order
    int windows_passed = 0;              // windows over without their session
    std::optional<DayNumber> next_massage_week; // the first day of the next massage week to come
    bool booking_due = false;                   // today is a booking day of a window not yet booked
};
TrialStep trial_step(const TrialReport& report);

// `days[i]` is diary day plan.start + i, for every day from the start to C
// (days after C must already be left out).
TrialReport analyse_trial(const TrialPlan& plan, DayNumber today,
                          const std::vector<TrialDay>& days);

} // namespace relief::analysis
