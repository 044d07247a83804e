#pragma once
// From records to the daily series of docs/methods.md §1. Pure: no SQLite.
#include "relief/core/record/record.hpp"
#include "relief/core/time/civil.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relief::analysis {

struct CheckinInput {
    DayNumber day = 0; // diary day
    std::int64_t at_utc = 0;
    std::int64_t recorded_utc = 0;
    std::int64_t stored = 0; // storage order: a later one was stored later
    std::optional<int> pain, mood, sleep_quality;
    std::optional<double> sleep_hours;
    bool backfilled = false;
};

struct SessionInput {
    DayNumber day = 0; // diary day of the start
    std::int64_t start_utc = 0;
    std::int64_t end_utc = 0; // start + minutes (the start when minutes are missing)
    int minutes = 0;          // 0 when missing
    std::string kind;         // for the printable session table
    std::string therapist;
    std::optional<int> pain_before;
};

struct Window {
    DayNumber end = 0;                              // E
    int weeks = 8;                                  // N
    int days() const noexcept { return 7 * weeks; } // T
    DayNumber start() const noexcept { return end - days() + 1; }
    // t = day − start; inside when 0 ≤ t < T.
    int index(DayNumber day) const noexcept { return day - start(); }
    bool contains(DayNumber day) const noexcept { return day >= start() && day <= end; }
};

CheckinInput checkin_input(const Record& record, std::int64_t stored, int day_start_minutes);
SessionInput session_input(const Record& record, int day_start_minutes);

// The daily values of the window, indexed by t (§1).
struct DailySeries {
    std::vector<std::optional<double>> pain;    // y_t: mean pain of the day's check-ins
    std::vector<std::optional<double>> mood;    // m_t: mean mood
    std::vector<std::optional<double>> sleep;   // s_t: latest-recorded sleep hours
    std::vector<std::optional<double>> quality; // q_t: latest-recorded sleep quality
    std::vector<int> observed() const;          // O: the t with y_t defined, ascending
    // The series of the last `days` days: a shorter window with the same end.
    DailySeries last_days(int days) const;
};

DailySeries daily_series(const Window& window, const std::vector<CheckinInput>& checkins);

} // namespace relief::analysis
