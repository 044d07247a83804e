#include "wording.hpp"

#include <cmath>
#include <fmt/format.h>

#include "relief/text.hpp"

namespace relief::analysis {

std::string relief_duration_sentence(double theta, int days, bool censored) {
    const std::string head =
        fmt::format("relief (at least {} below the pre-session level) lasted ", points(theta));
    return censored ? head + fmt::format("at least {} day{}", days, days == 1 ? "" : "s")
                    : head + fmt::format("through day +{}", days);
}

namespace {

// IMMPACT's size of a change, for a short dip that did not last (§4).
std::string importance(double pct) {
    const double size = std::fabs(pct);
    if (size >= 50) {
        return "substantial";
    }
    if (size >= 30) {
        return "moderately important";
    }
    if (size >= 10) {
        return "minimally important";
    }
    return "too small to matter";
}

void after_session_notes(AfterSessions& r4, double theta, double slope_per_week) {
    std::vector<std::string>& notes = r4.notes;
    if (!r4.available) {
        return;
    }
    if (!r4.usual_level) {
        notes.emplace_back("fewer than 7 logged days away from sessions: no usual level to "
                           "compare with");
    }
    if (r4.pre_session_excess && *r4.pre_session_excess >= 0.5 - 1e-9) {
        notes.push_back(fmt::format("sessions were booked when pain was about {:.1f} above usual; "
                                    "some of the drop may be pain returning to usual",
                                    *r4.pre_session_excess));
    } else if (r4.pre_session_excess && *r4.pre_session_excess <= -0.5 + 1e-9) {
        notes.emplace_back("pain before sessions was below usual; the previous session's relief "
                           "may not have worn off");
    }
    if (r4.nap_trend_note) {
        notes.push_back(fmt::format("pain changed by {:.1f} points a week over the window, so the "
                                    "overlap of before and after days partly reflects that trend",
                                    slope_per_week));
    }
    const std::string& v = r4.verdict;
    if (v == "consistently-lower" && r4.effect.value) {
        std::string drop = fmt::format("a drop of {:.1f} points", std::fabs(*r4.effect.value));
        if (r4.effect_pct) {
            drop += fmt::format(" ({:.0f}% of the pre-session level)", std::fabs(*r4.effect_pct));
            drop += fmt::format("; a change this size would count as {} if it lasted",
                                importance(*r4.effect_pct));
        }
        notes.push_back(drop);
        if (r4.relief_days >= 1) {
            notes.push_back(relief_duration_sentence(theta, r4.relief_days, r4.censored));
        }
    } else if (v == "not-confirmed") {
        notes.emplace_back("pain was lower after sessions, but not clearly below your usual "
                           "level");
        if (r4.pre_session_excess && *r4.pre_session_excess >= 0.5 - 1e-9) {
            notes.emplace_back(k_break);
        }
    } else if (v == "no-consistent-difference") {
        notes.emplace_back(k_no_change);
    } else if (v == "higher") {
        notes.emplace_back("pain was higher in the days after sessions");
    } else if (v == "too-few-sessions") {
        notes.emplace_back("too few sessions for an interval: it needs 5 with pain logged on 2 of "
                           "the 3 days before");
    }
}

} // namespace

void add_wording(Report& report) {
    const int sessions = report.coverage.sessions;
    if (sessions < 8 || report.settings.window.weeks < 12) {
        report.notes.push_back(fmt::format("based on only {} session{} — a rough guide", sessions,
                                           sessions == 1 ? "" : "s"));
    }
    if (report.before_after.available && report.before_after.trend_warning) {
        report.notes.emplace_back(k_trend_warning);
    }
    if (report.dose.available) {
        report.notes.emplace_back(k_bad_weeks);
    }
    report.notes.emplace_back(k_not_blinded);
    after_session_notes(report.after_sessions, report.settings.relief_threshold,
                        report.trend.slope_per_week);
}

} // namespace relief::analysis
