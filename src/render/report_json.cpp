#include "relief/render/report_json.hpp"

#include "relief/analysis/wording.hpp"
#include "relief/core/text/json.hpp"

#include <fmt/format.h>

namespace relief::render {
namespace {

using namespace relief::analysis;

void interval(JsonWriter& j, const std::optional<Interval>& ci) {
    if (!ci) {
        j.null();
        return;
    }
    j.begin_object().key("low").value(ci->low).key("high").value(ci->high).end_object();
}

void estimate(JsonWriter& j, const Estimate& e) {
    j.begin_object().key("estimate").value(e.value).key("ci");
    interval(j, e.ci);
    j.end_object();
}

// An unavailable section: {"available": false, "reason": "..."}; true when it was.
bool section_head(JsonWriter& j, const Availability& a, const std::string& fallback = {}) {
    j.begin_object().key("available").value(a.available);
    if (!a.available) {
        j.key("reason").value(a.reason.empty() ? fallback : a.reason).end_object();
    }
    return a.available;
}

void notes(JsonWriter& j, const std::vector<Note>& list) {
    j.begin_array();
    for (const Note& n : list) {
        j.value(note_text(n));
    }
    j.end_array();
}

template <class Enum> void name_or_null(JsonWriter& j, const std::optional<Enum>& value) {
    if (value) {
        j.value(std::string(json_name(*value)));
    } else {
        j.null();
    }
}

void relief_days(JsonWriter& j, int estimate, const std::optional<Interval>& ci, bool censored) {
    j.begin_object().key("estimate").value(estimate).key("ci");
    interval(j, ci);
    j.key("censored").value(censored).end_object();
}

template <class T> void optional_int(JsonWriter& j, const std::optional<T>& value) {
    if (value) {
        j.value(static_cast<int>(*value));
    } else {
        j.null();
    }
}

void answer(JsonWriter& j, const Answer& a) {
    j.begin_object();
    j.key("helps").value(std::string(json_name(a.helps)));
    j.key("effect_points").value(a.effect_points).key("effect_pct").value(a.effect_pct);
    j.key("sessions_lower");
    optional_int(j, a.sessions_lower);
    j.key("sessions_counted").value(a.sessions_counted);
    j.key("more_sessions_needed");
    optional_int(j, a.more_sessions_needed);
    j.key("more_days_needed");
    optional_int(j, a.more_days_needed);
    j.key("relief_days");
    if (a.has_relief_days) {
        relief_days(j, a.relief_days, a.relief_days_ci, a.relief_censored);
    } else {
        j.null();
    }
    j.key("relief_from");
    optional_int(j, a.has_relief_days ? a.relief_from : std::nullopt);
    j.key("median_gap_days").value(a.median_gap_days);
    j.key("sessions").value(a.sessions);
    j.key("relief_day_share").value(a.relief_day_share);
    j.key("trend_label");
    name_or_null(j, a.trend_label);
    j.key("not_compared").begin_object();
    j.key("same_episode").value(a.not_compared.same_episode);
    j.key("days_before_missing").value(a.not_compared.days_before_missing);
    j.key("days_after_missing").value(a.not_compared.days_after_missing);
    j.end_object();
    j.end_object();
}

void answer_window(JsonWriter& j, const AnswerWindow& aw) {
    const Window& w = aw.window();
    j.begin_object();
    j.key("start").value(format_date(w.start())).key("end").value(format_date(w.end));
    j.key("weeks").value(w.weeks).key("widened").value(aw.widened());
    j.key("usable_sessions").value(aw.usable_sessions);
    j.key("sessions_wanted").value(k_sessions_wanted);
    j.key("max_weeks").value(aw.max_weeks);
    j.end_object();
}

void right_after(JsonWriter& j, const RightAfter& r) {
    if (!section_head(j, r)) {
        return;
    }
    j.key("sessions").value(r.sessions);
    j.key("before_mean").value(r.before_mean).key("after_mean").value(r.after_mean);
    j.key("change");
    estimate(j, r.change);
    j.key("sessions_lower").value(r.sessions_lower);
    j.end_object();
}

void trend(JsonWriter& j, const Trend& t) {
    if (!section_head(j, t)) {
        return;
    }
    j.key("slope_per_week").value(t.slope_per_week).key("ci");
    interval(j, t.ci);
    j.key("exact_fit").value(t.exact_fit);
    j.key("first14").value(t.first14).key("last14").value(t.last14);
    j.key("change").value(t.change).key("pct_change").value(t.pct_change);
    j.key("label");
    name_or_null(j, t.label);
    j.key("two_points").value(t.two_points).key("floor_note").value(t.floor_note);
    j.end_object();
}

void before_after(JsonWriter& j, const BeforeAfter& r) {
    if (!section_head(j, r)) {
        return;
    }
    j.key("first_session").value(format_date(r.first_session));
    j.key("level_change");
    estimate(j, r.level_change);
    j.key("slope_change_per_week");
    estimate(j, r.slope_change_per_week);
    j.key("trend_before_per_week");
    estimate(j, r.trend_before_per_week);
    j.key("simple_difference").value(r.simple_difference);
    j.key("exact_fit").value(r.exact_fit).key("trend_warning").value(r.trend_warning);
    j.end_object();
}

void after_sessions(JsonWriter& j, const AfterSessions& r, std::optional<double> usual_pain) {
    if (!section_head(j, r)) {
        return;
    }
    j.key("valid_episodes").value(r.valid_episodes);
    j.key("usual_level").value(r.usual_level);
    j.key("usual_pain").value(usual_pain);
    j.key("profile").begin_array();
    for (const LagRow& row : r.profile) {
        j.begin_object().key("lag").value(row.lag).key("n").value(row.n);
        j.key("vs_before").value(row.vs_before).key("vs_usual").value(row.vs_usual);
        j.key("pct_of_before").value(row.pct_of_before).end_object();
    }
    j.end_array();
    j.key("effect").begin_object().key("estimate").value(r.effect.value).key("ci");
    interval(j, r.effect.ci);
    j.key("pct_of_before").value(r.effect_pct).end_object();
    j.key("effect_vs_usual").value(r.effect_vs_usual);
    j.key("relief_days");
    relief_days(j, r.relief_days, r.relief_days_ci, r.censored);
    j.key("nap");
    estimate(j, r.nap);
    j.key("cliffs_delta").value(r.cliffs_delta);
    j.key("nap_trend_note").value(r.nap_trend_note);
    j.key("pre_session_excess").value(r.pre_session_excess);
    j.key("relief_from");
    optional_int(j, r.relief_from);
    j.key("carryover_possible").value(r.carryover_possible);
    j.key("day_after_higher").value(r.day_after_higher);
    j.key("uneven_logging").value(r.uneven_logging);
    j.key("verdict").value(std::string(json_name(r.verdict)));
    j.key("notes");
    notes(j, r.notes);
    j.end_object();
}

void dose(JsonWriter& j, const Dose& r) {
    if (!section_head(j, r)) {
        return;
    }
    j.key("valid_weeks").value(r.valid_weeks);
    j.key("spearman_week").value(r.spearman_week).key("spearman_14d").value(r.spearman_14d);
    j.key("per_session_adjusted").value(r.per_session_adjusted);
    j.key("per_session_adjusted_ci");
    interval(j, r.per_session_adjusted_ci);
    j.key("per_session_unadjusted").value(r.per_session_unadjusted);
    j.key("per_session_14d_adjusted").value(r.per_session_14d_adjusted);
    j.key("share_weeks_with_session").value(r.share_weeks_with_session);
    j.key("longest_gap_days").value(r.longest_gap_days);
    j.key("verdict").value(std::string(json_name(r.verdict)));
    j.end_object();
}

void series(JsonWriter& j, const SeriesEffect& s, const std::string& fallback) {
    if (!section_head(j, s, fallback)) {
        return;
    }
    j.key("episodes").value(s.episodes);
    j.key("effect");
    estimate(j, s.effect);
    j.key("nap");
    estimate(j, s.nap);
    j.key("verdict").value(std::string(json_name(s.verdict)));
    j.end_object();
}

void sleep_mood(JsonWriter& j, const SleepMood& r) {
    j.begin_object().key("available").value(r.available);
    if (!r.available) {
        j.key("reason").value(r.reason);
    }
    j.key("mood");
    series(j, r.mood, r.reason);
    j.key("sleep_hours");
    series(j, r.sleep_hours, r.reason);
    j.key("sleep_quality");
    series(j, r.sleep_quality, r.reason);
    j.end_object();
}

} // namespace

std::string report_json(const Report& report) {
    const Settings& s = report.settings;
    const JournalWindow& jw = report.journal;
    const Window& w = jw.window;
    JsonWriter j;
    j.begin_object();
    j.key("schema").value("relief.report/3");
    j.key("answer");
    answer(j, report.answer);
    j.key("answer_window");
    answer_window(j, report.answer_window);
    j.key("window").begin_object();
    j.key("start").value(format_date(w.start())).key("end").value(format_date(w.end));
    j.key("weeks").value(w.weeks).key("days").value(w.days());
    j.key("weeks_asked").value(jw.weeks_asked);
    j.key("journal_start");
    if (jw.journal_start) {
        j.value(format_date(*jw.journal_start));
    } else {
        j.null();
    }
    j.key("journal_days").value(jw.journal_days());
    j.key("day_starts_at")
        .value(fmt::format("{:02}:{:02}", s.day_start_minutes / 60, s.day_start_minutes % 60));
    j.end_object();
    j.key("settings").begin_object();
    j.key("seed").value(static_cast<long long>(s.seed));
    j.key("relief_threshold").value(s.relief_threshold);
    j.key("exclude_backfilled").value(s.exclude_backfilled);
    j.key("bootstrap_resamples").value(2000);
    j.end_object();
    const Coverage& c = report.coverage;
    j.key("coverage").begin_object();
    j.key("days_logged").value(c.days_logged).key("fraction").value(c.fraction);
    j.key("checkins").value(c.checkins).key("sessions").value(c.sessions);
    j.key("episodes").value(c.episodes).key("backfilled").value(c.backfilled);
    j.end_object();
    j.key("weeks").begin_array();
    for (const WeekRow& row : report.weeks) {
        j.begin_object();
        j.key("start").value(format_date(row.start)).key("journal_days").value(row.journal_days);
        j.key("days_logged").value(row.days_logged);
        j.key("pain").value(row.pain).key("mood").value(row.mood);
        j.key("sleep_hours").value(row.sleep_hours).key("sleep_quality").value(row.sleep_quality);
        j.key("sessions").value(row.sessions).key("massage_minutes").value(row.massage_minutes);
        j.end_object();
    }
    j.end_array();
    j.key("trend");
    trend(j, report.trend);
    j.key("before_after");
    before_after(j, report.before_after);
    j.key("after_sessions");
    after_sessions(j, report.after_sessions, report.usual_pain_level());
    j.key("right_after");
    right_after(j, report.right_after);
    j.key("dose");
    dose(j, report.dose);
    j.key("sleep_mood");
    sleep_mood(j, report.sleep_mood);
    j.key("notes");
    notes(j, report.notes);
    j.end_object();
    return j.str() + "\n";
}

} // namespace relief::render
