#pragma once
// The sentences of analysis.md §4 that apply to a report, as its notes.
#include <string>

#include "relief/analysis/report.hpp"

namespace relief::analysis {

inline constexpr const char* k_not_blinded = "not randomised or blinded; expectations can shape ratings";
inline constexpr const char* k_no_change = "no consistent difference; the data are compatible with no change";
inline constexpr const char* k_bad_weeks = "bad weeks may also prompt more bookings";
inline constexpr const char* k_trend_warning =
    "pain was already changing before the first session; the simple difference mostly reflects "
    "that trend.";
inline constexpr const char* k_break = "a two-week break from sessions would show your usual level";

// Fills report.notes and report.after_sessions.notes.
void add_wording(Report& report);

// "relief (at least 1 point below the pre-session level) lasted through day +2"
std::string relief_duration_sentence(double theta, int days, bool censored);

} // namespace relief::analysis
