#pragma once
// The sections of docs/methods.md, one function each (R2–R8); report.cpp
// assembles them with R0 and R1.
#include "relief/analysis/report.hpp"

#include <functional>
#include <vector>

namespace relief::analysis {

// An episode (R4 step 1): session days at most 3 apart, as window indices.
struct Episode {
    int first = 0;
    int last = 0;
};

std::vector<Episode> find_episodes(std::vector<int> session_days);

// What R4 needs of the sessions: the window indices of session days, and
// per day the end of its last session (R4 step 3, lag 0).
struct SessionDays {
    std::vector<int> days;                  // distinct, ascending
    std::vector<std::int64_t> last_end_utc; // per window day; meaningful on session days
    std::vector<int> sessions_on;           // per window day: its sessions
    std::vector<int> deep_on;               // … of a kind containing "deep" (§4)
};

SessionDays session_days_of(const Window& window, const std::vector<SessionInput>& sessions);

// The mean pain of the check-ins of day t made at or after `after_utc`.
using PainAfter = std::function<std::optional<double>(int t, std::int64_t after_utc)>;

Trend compute_trend(const JournalWindow& jw, const DailySeries& daily,
                    const std::vector<int>& observed, const std::vector<WeekRow>& weeks);

BeforeAfter compute_before_after(const Window& window, const DailySeries& daily,
                                 const std::vector<int>& observed,
                                 const std::vector<SessionInput>& sessions);

AfterSessions compute_after_sessions(const Settings& settings, const JournalWindow& jw,
                                     const DailySeries& daily, const std::vector<int>& observed,
                                     const Trend& trend, const SessionDays& session_days,
                                     const PainAfter& pain_after);

Dose compute_dose(const Settings& settings, const JournalWindow& jw,
                  const std::vector<WeekRow>& weeks, const std::vector<SessionInput>& sessions,
                  const SessionDays& session_days);

SleepMood compute_sleep_mood(const Settings& settings, const Window& window,
                             const DailySeries& daily, const std::vector<Episode>& episodes);

RightAfter compute_right_after(const Window& window, const std::vector<CheckinInput>& checkins,
                               const std::vector<SessionInput>& sessions);

Answer compute_answer(const Report& report, const SessionDays& session_days);

// NAP (R4 step 7, R6): each `before` value against each `after` value of the
// same unit; better_when_lower picks the direction that scores 1.
struct NapPairs {
    std::vector<double> before;
    std::vector<double> after;
};
// A unit's share of NAP: its score and its number of pairs. Pairs never cross
// units, so a resample's NAP is the sum of its units' tallies: O(1) per unit.
struct NapTally {
    double score = 0;
    double pairs = 0;
};
NapTally nap_tally(const NapPairs& unit, bool better_when_lower);
std::optional<double> nap(const std::vector<NapTally>& tallies,
                          const std::vector<std::size_t>& units);

} // namespace relief::analysis
