#pragma once
// The report model: every number `relief report` shows, computed once
// (analysis.md) and rendered as text, JSON, Markdown or HTML.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "relief/analysis/series.hpp"
#include "relief/analysis/stats.hpp"

namespace relief::analysis {

struct Settings {
    Window window;
    std::uint64_t seed = 20240601;
    double relief_threshold = 1.0;
    bool exclude_backfilled = false;
    int day_start_minutes = 240;
};

struct Estimate {
    std::optional<double> value;
    std::optional<Interval> ci;
};

struct Availability {
    bool available = false;
    std::string reason; // when not available
};

struct Coverage {
    int days_logged = 0;
    double fraction = 0;
    int checkins = 0;
    int sessions = 0;
    int episodes = 0;
    int backfilled = 0;
};

struct WeekRow {
    DayNumber start = 0;
    int days_logged = 0;
    std::optional<double> pain, mood, sleep_hours, sleep_quality;
    int sessions = 0;
    int massage_minutes = 0;
};

// R2
struct Trend : Availability {
    double a = 0, b = 0;                // the line a + b·t (used by R4–R6)
    double slope_per_week = 0;
    std::optional<Interval> ci;
    bool exact_fit = false;
    std::optional<double> first14, last14, change, pct_change;
    std::optional<std::string> label;
    std::optional<bool> two_points, floor_note;
};

// R3
struct BeforeAfter : Availability {
    DayNumber first_session = 0;
    Estimate level_change, slope_change_per_week, trend_before_per_week;
    double simple_difference = 0;
    bool exact_fit = false;
    bool trend_warning = false;
};

struct LagRow {
    int lag = 0;
    int n = 0;
    std::optional<double> vs_before, vs_usual, pct_of_before;
};

// R4
struct AfterSessions : Availability {
    int valid_episodes = 0;
    std::optional<double> usual_level;
    std::array<LagRow, 8> profile{};
    Estimate effect;
    std::optional<double> effect_pct;
    std::optional<double> effect_vs_usual;
    int relief_days = 0;
    std::optional<Interval> relief_days_ci;
    bool censored = false;
    Estimate nap;
    std::optional<double> cliffs_delta;
    bool nap_trend_note = false;
    std::optional<double> pre_session_excess;
    std::string verdict;
    std::vector<std::string> notes;
};

// R5
struct Dose : Availability {
    int valid_weeks = 0;
    std::optional<double> spearman_week, spearman_14d;
    std::optional<double> per_session_adjusted;
    std::optional<Interval> per_session_adjusted_ci;
    std::optional<double> per_session_unadjusted, per_session_14d_adjusted;
    double share_weeks_with_session = 0;
    int longest_gap_days = 0;
    std::string verdict;
};

// R6
struct SeriesEffect : Availability {
    int episodes = 0;
    Estimate effect;
    Estimate nap;
};

struct SleepMood : Availability {
    SeriesEffect mood, sleep_hours, sleep_quality;
};

// A session of the window, for the printable table: pain that day and after.
struct SessionRow {
    DayNumber day = 0;
    std::int64_t start_utc = 0;
    std::string kind;
    int minutes = 0;
    std::string therapist;
    std::optional<int> pain_before;
    std::array<std::optional<double>, 4> pain{}; // y on days 0 … +3 (daily means)
};

struct Report {
    Settings settings;
    DailySeries daily;                 // §1's series over the window
    std::vector<SessionRow> sessions;  // in time order
    Coverage coverage;
    bool enough_data = false; // |O| ≥ 7
    std::vector<WeekRow> weeks;
    Trend trend;
    BeforeAfter before_after;
    AfterSessions after_sessions;
    Dose dose;
    SleepMood sleep_mood;
    std::vector<std::string> notes;
};

struct ReportInput {
    std::vector<CheckinInput> checkins;  // at least those of the window
    std::vector<SessionInput> sessions;  // at least from 28 days before the window
};

// Takes the input by value: its check-ins are filtered in place (pass a
// temporary, or std::move, to avoid a copy).
Report build_report(const Settings& settings, ReportInput input);

} // namespace relief::analysis
