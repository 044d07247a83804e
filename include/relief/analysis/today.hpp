#pragma once
// Today at a glance (relief status) and whether a session is due (status and
// remind): the arithmetic, apart from the journal and the words. Days are
// diary days (docs/methods.md §1); days since a session count as
// docs/reading-your-report.md "Counting days" says.
#include "relief/core/record/record.hpp"
#include "relief/core/time/civil.hpp"

#include <optional>
#include <span>

namespace relief::analysis {

// How far back a streak of days with a check-in is counted.
inline constexpr int k_streak_horizon = 3 * 366;

struct Glance {
    DayNumber today = 0;
    int checkins_today = 0;
    std::optional<int> last_pain;       // the latest pain of today
    std::optional<double> mean_pain_7d; // mean of daily means, last 7 diary days
    int days_with_pain_7d = 0;
    std::optional<int> days_since_session;
    std::optional<Record> last_session;
    std::optional<int> session_due_in; // days; ≤ 0 when due (massage.every_days)
    int streak = 0;                    // days in a row with a check-in, to today or yesterday
};

// `checkins`: the check-ins of the last k_streak_horizon diary days, in time
// order; `last_session`: the latest session of the journal.
Glance summarize_today(std::span<const Record> checkins, const std::optional<Record>& last_session,
                       DayNumber today, int day_start_minutes, std::optional<int> every_days);

// Days from the last session's diary day to today: the days since it, today
// included, none of them with a session.
int days_since(const Record& session, DayNumber today, int day_start_minutes);

} // namespace relief::analysis
