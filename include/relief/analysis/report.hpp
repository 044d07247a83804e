#pragma once
// The report model: every number `relief report` shows, computed once
// (docs/methods.md) and rendered as text, JSON, Markdown or HTML.
#include "relief/analysis/series.hpp"
#include "relief/analysis/stats.hpp"
#include "relief/analysis/verdicts.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace relief::analysis {

struct Settings {
    Window window; // as asked: --end and --weeks
    std::uint64_t seed = 20240601;
    double relief_threshold = 1.0;
    bool exclude_backfilled = false;
    int day_start_minutes = 240;
};

// §1 "The window starts at the journal": the window as used, cut to whole
// weeks from the journal's first day J.
struct JournalWindow {
    Window window;                          // N' weeks ending on E
    int weeks_asked = 8;                    // N
    std::optional<DayNumber> journal_start; // J: the first diary day of any record
    int first_journal_index = 0;            // A: journal days are A … T−1
    int journal_days() const noexcept { return window.days() - first_journal_index; } // D
    bool cut() const noexcept { return window.weeks < weeks_asked; }
    // The whole window lies before the journal's first day.
    bool before_journal() const noexcept { return journal_start && *journal_start > window.end; }
};

// §1 "The answer's window" (version 3): the window of R4, R6, R7 and R8,
// the window asked for widened week by week, with the same end day, until it
// holds 8 usable sessions (at most to the journal's start and 52 weeks).
inline constexpr int k_sessions_wanted = 8;
inline constexpr int k_answer_max_weeks = 52;

// R8 "Why some were not compared": sessions = usable + the three.
struct NotCompared {
    int same_episode = 0;        // sessions − episodes
    int days_before_missing = 0; // episodes − valid episodes
    int days_after_missing = 0;  // valid episodes − usable
};

struct AnswerWindow {
    JournalWindow journal;   // N_a weeks ending on E (cut at J like any window)
    int report_weeks = 0;    // N': the weeks of the window asked for, as used
    int max_weeks = 0;       // N_max
    int sessions = 0;        // sessions in it
    int episodes = 0;        // R4 step 1, valid or not
    int valid_episodes = 0;  // R4 step 2
    int usable_sessions = 0; // valid, with pain on one of lags 1–3
    int days_logged = 0;     // |O| in it
    DailySeries daily;       // §1's series over it
    bool widened() const noexcept { return journal.window.weeks > report_weeks; }
    const Window& window() const noexcept { return journal.window; }
    NotCompared not_compared() const noexcept {
        return {sessions - episodes, episodes - valid_episodes, valid_episodes - usable_sessions};
    }
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
    int journal_days = 7;
    int days_logged = 0;
    std::optional<double> pain, mood, sleep_hours, sleep_quality;
    int sessions = 0;
    int massage_minutes = 0;
};

// R2
struct Trend : Availability {
    double a = 0, b = 0;                  // the daily line a + b·t (used by R4–R6)
    std::optional<double> slope_per_week; // OLS of the weekly means on w
    std::optional<Interval> ci;           // Student t, from 4 valid weeks
    bool exact_fit = false;
    int valid_weeks = 0;
    std::optional<double> first14, last14, change, pct_change;
    std::optional<TrendLabel> label;
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

// The sentences of §4 a report carries, with their numbers; wording.hpp's
// note_text is the one place that words them.
enum class NoteKind {
    not_blinded,        // always
    rough_guide,        // n: valid episodes (R4 estimated something)
    trend_warning,      // R3's trend before sessions
    bad_weeks,          // R5 is there
    no_usual_level,     // R4 step 4 found fewer than 7 days away
    booked_above_usual, // value: pre-session excess ≥ 0.5
    below_usual_before, // pre-session excess ≤ −0.5
    nap_trend,          // value: 7b
    drop_size,          // value: |E|; pct: |E_pct|
    relief_duration,    // n: R; flag: censored; value: θ; n2: from
    not_clearly_below_usual,
    two_week_break,
    no_consistent_difference,
    higher_after,
    too_few_sessions, // n: sessions still needed
    carryover,        // value: median gap in days
    day_after_higher, // value: D(1); n: n_1; flag: mostly deep sessions
    uneven_logging,   // value: cov_after; value2: cov_other
};

struct Note {
    NoteKind kind = NoteKind::not_blinded;
    double value = 0;
    double value2 = 0;
    int n = 0;
    int n2 = 0;
    bool flag = false;
    std::optional<double> pct;
};

// R4
struct AfterSessions : Availability {
    int valid_episodes = 0;
    std::optional<double> usual_level; // c, an offset from the daily line
    std::array<LagRow, 8> profile{};
    Estimate effect; // E, with the exact Walsh interval
    std::optional<double> effect_pct;
    std::optional<double> effect_vs_usual;
    int effects_counted = 0;        // episodes with e_k
    int effects_lower = 0;          // … with e_k < 0
    int relief_days = 0;            // R
    std::optional<int> relief_from; // from
    std::optional<Interval> relief_days_ci;
    bool censored = false;
    Estimate nap;
    std::optional<double> cliffs_delta;
    bool nap_trend_note = false;
    std::optional<double> pre_session_excess;
    bool carryover_possible = false;
    std::optional<double> carryover_gap_days; // median f_k − l_{k−1}
    bool day_after_higher = false;
    bool day_after_deep = false; // most sessions behind D(1) were of a deep kind
    bool uneven_logging = false;
    std::optional<double> coverage_after, coverage_other;
    AfterVerdict verdict = AfterVerdict::too_few_sessions;
    std::vector<Note> notes;
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
    DoseVerdict verdict = DoseVerdict::no_clear_pattern;
};

// R6
struct SeriesEffect : Availability {
    int days_logged = 0; // days of the window with this series logged
    int episodes = 0;
    Estimate effect;
    Estimate nap;
    SeriesVerdict verdict = SeriesVerdict::too_few_sessions;
};

struct SleepMood : Availability {
    SeriesEffect mood, sleep_hours, sleep_quality;
};

// R7: the pain typed before a session and the check-ins right after it.
struct RightAfterPair {
    DayNumber day = 0;
    int before = 0;   // p_s
    double after = 0; // a_s
};
struct RightAfter : Availability {
    std::vector<RightAfterPair> pairs; // every session that has both, in time order
    int sessions = 0;
    std::optional<double> before_mean, after_mean;
    Estimate change;
    int sessions_lower = 0;
};

// R8: the answer.
struct Answer {
    Helps helps = Helps::too_early;
    std::optional<double> effect_points, effect_pct;
    std::optional<int> sessions_lower;
    int sessions_counted = 0; // usable sessions of the answer's window (v3)
    NotCompared not_compared;
    std::optional<int> more_sessions_needed, more_days_needed;
    bool has_relief_days = false; // relief_days set (helps = lower-after)
    int relief_days = 0;
    std::optional<Interval> relief_days_ci;
    bool relief_censored = false;
    std::optional<int> relief_from;
    std::optional<double> median_gap_days;
    int sessions = 0;
    std::optional<double> relief_day_share;
    std::optional<TrendLabel> trend_label;
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
    JournalWindow journal;            // the window as used (§1)
    AnswerWindow answer_window;       // where R4, R6, R7 and R8 were computed
    DailySeries daily;                // §1's series over the window
    std::vector<SessionRow> sessions; // of the answer's window, in time order
    Coverage coverage;
    bool enough_data = false; // |O| ≥ 7
    std::vector<WeekRow> weeks;
    Answer answer;
    Trend trend;
    BeforeAfter before_after;
    AfterSessions after_sessions;
    RightAfter right_after;
    Dose dose;
    SleepMood sleep_mood;
    Trend answer_line; // R2's daily line on the answer's window (R4–R6 use it)
    std::vector<Note> notes;
    const Window& window() const noexcept { return journal.window; }
    // "Usual level" as a pain level: its offset plus the daily line at E (§4).
    std::optional<double> usual_pain_level() const;
};

// What the report reads: the check-ins of the weeks ending on E that the
// answer's window needs (AnswerWindowSearch finds how many), the sessions
// from 28 days before them to 2 days after.
struct ReportInput {
    std::vector<CheckinInput> checkins;
    std::vector<SessionInput> sessions;
    std::optional<DayNumber> journal_start; // J: the first diary day of any record
    // The weeks ending on E the check-ins cover: the answer's window is
    // searched up to these. 0: all it may need (N_max weeks).
    int weeks_read = 0;
};

// Takes the input by value: its check-ins are filtered in place (pass a
// temporary, or std::move, to avoid a copy).
Report build_report(const Settings& settings, ReportInput input);

// §1: the window as asked, cut to whole weeks from the journal's first day.
JournalWindow journal_window(const Window& asked, std::optional<DayNumber> journal_start);

// §1 "The answer's window": N_max, the most weeks the answer may take.
int answer_max_weeks(const JournalWindow& asked);

// §1: the search for the answer's window, a week at a time from the window
// asked for (N'), on which days have pain. A reader feeds it the check-ins
// of each week it reads, so that it reads no further back than it must.
class AnswerWindowSearch {
  public:
    AnswerWindowSearch(const Settings& settings, std::optional<DayNumber> journal_start);
    int weeks() const noexcept { return m_weeks; }
    int max_weeks() const noexcept { return m_max_weeks; }
    // Marks the days with pain (backfilled check-ins left out when asked).
    void add(const std::vector<CheckinInput>& checkins);
    // The usable sessions of the current window.
    int usable(const std::vector<SessionInput>& sessions) const;
    // The current window is the answer's: it holds 8 usable sessions, or
    // it cannot widen any more.
    bool done(const std::vector<SessionInput>& sessions) const;
    void widen() noexcept { ++m_weeks; }

  private:
    Window window() const noexcept { return Window{m_end, m_weeks}; }
    DayNumber m_end = 0;
    int m_weeks = 0;     // N
    int m_max_weeks = 0; // N_max
    bool m_exclude_backfilled = false;
    std::vector<char> m_pain; // over the N_max weeks ending on E
};

} // namespace relief::analysis
