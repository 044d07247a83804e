#include "relief/analysis/verdicts.hpp"

namespace relief::analysis {

std::string_view json_name(TrendLabel value) noexcept {
    switch (value) {
    case TrendLabel::substantial_improvement:
        return "substantial-improvement";
    case TrendLabel::moderate_improvement:
        return "moderate-improvement";
    case TrendLabel::minimal_improvement:
        return "minimal-improvement";
    case TrendLabel::no_meaningful_change:
        return "no-meaningful-change";
    case TrendLabel::worse:
        return "worse";
    case TrendLabel::no_clear_change:
        return "no-clear-change";
    }
    return "";
}

std::string_view json_name(AfterVerdict value) noexcept {
    switch (value) {
    case AfterVerdict::consistently_lower:
        return "consistently-lower";
    case AfterVerdict::not_confirmed:
        return "not-confirmed";
    case AfterVerdict::no_consistent_difference:
        return "no-consistent-difference";
    case AfterVerdict::higher:
        return "higher";
    case AfterVerdict::too_few_sessions:
        return "too-few-sessions";
    }
    return "";
}

std::string_view json_name(DoseVerdict value) noexcept {
    switch (value) {
    case DoseVerdict::explained_by_trend:
        return "explained-by-trend";
    case DoseVerdict::too_few_weeks:
        return "too-few-weeks";
    case DoseVerdict::lower_with_more_sessions:
        return "lower-with-more-sessions";
    case DoseVerdict::higher_with_more_sessions:
        return "higher-with-more-sessions";
    case DoseVerdict::no_clear_pattern:
        return "no-clear-pattern";
    }
    return "";
}

std::string_view json_name(SeriesVerdict value) noexcept {
    switch (value) {
    case SeriesVerdict::higher_after:
        return "higher-after";
    case SeriesVerdict::lower_after:
        return "lower-after";
    case SeriesVerdict::no_clear_difference:
        return "no-clear-difference";
    case SeriesVerdict::too_few_sessions:
        return "too-few-sessions";
    }
    return "";
}

std::string_view json_name(Helps value) noexcept {
    switch (value) {
    case Helps::lower_after:
        return "lower-after";
    case Helps::lower_but_unclear:
        return "lower-but-unclear";
    case Helps::no_clear_difference:
        return "no-clear-difference";
    case Helps::higher_after:
        return "higher-after";
    case Helps::too_close_to_tell:
        return "too-close-to-tell";
    case Helps::too_early:
        return "too-early";
    }
    return "";
}

bool claims_change(TrendLabel label) noexcept {
    return label != TrendLabel::no_meaningful_change && label != TrendLabel::no_clear_change;
}

} // namespace relief::analysis
