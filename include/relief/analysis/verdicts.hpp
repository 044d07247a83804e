#pragma once
// The words of the report's findings, each an enum with one JSON name
// (docs/methods.md's strings). What a person reads for each lives in one phrase
// table (render/phrases.cpp); nothing compares these as strings.
#include <string_view>

namespace relief::analysis {

// R2: the IMMPACT size of the change from the first to the last 14 days.
enum class TrendLabel {
    substantial_improvement,
    moderate_improvement,
    minimal_improvement,
    no_meaningful_change,
    worse,
    no_clear_change, // a change the weekly trend does not back
};

// R4 step 11.
enum class AfterVerdict {
    consistently_lower,
    not_confirmed,
    no_consistent_difference,
    higher,
    too_few_sessions
};

// R5.
enum class DoseVerdict {
    explained_by_trend,
    too_few_weeks,
    lower_with_more_sessions,
    higher_with_more_sessions,
    no_clear_pattern,
};

// R6, per series (higher is better for all three).
enum class SeriesVerdict { higher_after, lower_after, no_clear_difference, too_few_sessions };

// R8 step 1: does it help?
enum class Helps {
    lower_after,
    lower_but_unclear,
    no_clear_difference,
    higher_after,
    too_close_to_tell,
    too_early
};

std::string_view json_name(TrendLabel value) noexcept;
std::string_view json_name(AfterVerdict value) noexcept;
std::string_view json_name(DoseVerdict value) noexcept;
std::string_view json_name(SeriesVerdict value) noexcept;
std::string_view json_name(Helps value) noexcept;

// True for the labels that claim a change (R2: they need the weekly trend).
bool claims_change(TrendLabel label) noexcept;

} // namespace relief::analysis
