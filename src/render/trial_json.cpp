// relief.trial/2 and relief.trial-plan/1 (JSON), and the plan as iCalendar.
#include "relief/core/text/json.hpp"
#include "relief/render/trial.hpp"

#include <fmt/format.h>

namespace relief::render {
namespace {

using namespace relief::analysis;

void optional_date(JsonWriter& j, const std::optional<DayNumber>& day) {
    if (day) {
        j.value(format_date(*day));
    } else {
        j.null();
    }
}

void interval(JsonWriter& j, const std::optional<Interval>& ci) {
    if (!ci) {
        j.null();
        return;
    }
    j.begin_object().key("low").value(ci->low).key("high").value(ci->high).end_object();
}

// The trial object of §6 (the plan's JSON leaves out the id).
void trial_object(JsonWriter& j, const TrialReport& r, bool with_id) {
    const TrialPlan& plan = r.plan;
    j.begin_object();
    if (with_id) {
        j.key("id").value(plan.id);
    }
    j.key("start").value(format_date(plan.start)).key("run_in_days").value(k_run_in_days);
    j.key("pairs").value(plan.pairs).key("seed").value(seed_text(plan.seed));
    j.key("seed_chosen").value(plan.seed_chosen);
    j.key("worthwhile").value(plan.worthwhile);
    j.key("assignments").begin_array();
    for (const bool first : plan.massage_first()) {
        j.value(first ? "massage-first" : "rest-first");
    }
    j.end_array();
    j.key("status").value(std::string(json_name(r.status)));
    j.key("stopped_on");
    optional_date(j, plan.stopped_on);
    j.key("end").value(format_date(plan.end()));
    j.end_object();
}

void series(JsonWriter& j, const std::optional<SignFlip>& s) {
    if (!s) {
        j.null();
        return;
    }
    j.begin_object().key("pairs").value(s->pairs).key("estimate").value(s->estimate);
    j.key("p_two_sided").value(s->p_two_sided).end_object();
}

std::string ics_date(DayNumber day) {
    const Date d = civil_from_days(day);
    return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day);
}

// Today's step (trial v2 §2), as fields a script can follow.
void step_fields(JsonWriter& j, const TrialReport& r) {
    const TrialStep step = trial_step(r);
    j.key("today").value(format_date(r.today));
    j.key("phase").value(std::string(json_name(step.phase)));
    j.key("pair");
    if (step.pair) {
        j.value(*step.pair);
    } else {
        j.null();
    }
    j.key("week_kind");
    if (step.massage_week) {
        j.value(*step.massage_week ? "massage" : "rest");
    } else {
        j.null();
    }
    j.key("sessions_this_week").value(step.sessions_this_week);
    j.key("bookings").begin_array();
    for (const BookingWindow& w : step.bookings) {
        j.begin_object().key("first").value(format_date(w.first));
        j.key("last").value(format_date(w.last)).end_object();
    }
    j.end_array();
    j.key("booking_due").value(step.booking_due);
    j.key("next_massage_week");
    optional_date(j, step.next_massage_week);
    j.key("line").value(trial_today_line(r));
}

} // namespace

std::string trial_report_json(const TrialReport& r, bool with_step) {
    JsonWriter j;
    j.begin_object().key("schema").value("relief.trial/2");
    if (with_step) {
        step_fields(j, r);
    }
    j.key("trial");
    trial_object(j, r, true);
    j.key("deviations").begin_array();
    for (const TrialDeviation& d : r.deviations) {
        j.begin_object().key("pair").value(d.pair).key("week").value(d.massage_week ? "massage"
                                                                                    : "rest");
        j.key("start").value(format_date(d.start)).key("sessions").value(d.sessions);
        j.key("dates").begin_array();
        for (const DayNumber day : d.dates) {
            j.value(format_date(day));
        }
        j.end_array().end_object();
    }
    j.end_array();
    j.key("run_in").begin_object().key("days").value(r.run_in_days);
    j.key("days_logged").value(r.run_in_logged).key("mean_pain").value(r.run_in_mean).end_object();
    j.key("pairs").begin_array();
    for (const TrialPair& p : r.pairs) {
        j.begin_object().key("pair").value(p.pair);
        j.key("massage_week").value(format_date(p.massage_week));
        j.key("rest_week").value(format_date(p.rest_week));
        j.key("massage_mean").value(p.massage_mean).key("rest_mean").value(p.rest_mean);
        j.key("difference").value(p.difference);
        j.key("massage_days").value(p.massage_days).key("rest_days").value(p.rest_days);
        j.key("massage_sessions")
            .value(p.massage_sessions)
            .key("rest_sessions")
            .value(p.rest_sessions);
        j.key("state").value(std::string(json_name(p.state))).key("deviation").value(p.deviation);
        j.end_object();
    }
    j.end_array();
    j.key("complete_pairs").value(r.complete_pairs);
    j.key("massage_weeks_mean").value(r.massage_weeks_mean);
    j.key("rest_weeks_mean").value(r.rest_weeks_mean);
    j.key("difference");
    if (r.finished()) {
        j.begin_object().key("estimate").value(r.primary.estimate).key("ci");
        interval(j, r.primary.ci);
        j.end_object();
    } else {
        j.null(); // no estimate while the trial runs
    }
    j.key("better_in").value(r.better_in).key("worse_in").value(r.worse_in);
    j.key("p_two_sided").value(r.finished() ? r.primary.p_two_sided : std::nullopt);
    j.key("p_lower").value(r.finished() ? r.primary.p_lower : std::nullopt);
    j.key("verdict").value(std::string(json_name(r.verdict)));
    j.key("decision");
    if (r.decision) {
        j.value(std::string(json_name(*r.decision)));
    } else {
        j.null();
    }
    j.key("per_protocol").begin_object().key("pairs").value(r.per_protocol.pairs);
    j.key("estimate").value(r.per_protocol.estimate);
    j.key("p_two_sided").value(r.per_protocol.p_two_sided).end_object();
    j.key("mood");
    series(j, r.mood);
    j.key("sleep_quality");
    series(j, r.sleep_quality);
    j.key("notes").begin_array();
    j.value("the person knew which weeks had massage; expectations can shape ratings");
    j.end_array();
    j.end_object();
    return j.str() + "\n";
}

std::string trial_plan_json(const TrialReport& r) {
    const TrialPlan& plan = r.plan;
    JsonWriter j;
    j.begin_object().key("schema").value("relief.trial-plan/1");
    j.key("trial");
    trial_object(j, r, false);
    j.key("run_in").begin_object().key("start").value(format_date(plan.start));
    j.key("end").value(format_date(plan.start + k_run_in_days - 1)).end_object();
    j.key("weeks").begin_array();
    const std::vector<bool> first = plan.massage_first();
    for (int p = 0; p < plan.pairs; ++p) {
        for (int week = 0; week < 2; ++week) {
            const DayNumber start = plan.pair_start(p) + 7 * week;
            const bool massage = (week == 0) == first[static_cast<std::size_t>(p)];
            j.begin_object().key("pair").value(p).key("week").value(week);
            j.key("kind").value(massage ? "massage" : "rest");
            j.key("start").value(format_date(start)).key("end").value(format_date(start + 6));
            j.key("bookings").begin_array();
            if (massage) {
                for (const int first_day : {0, 3}) {
                    j.begin_object().key("first").value(format_date(start + first_day));
                    j.key("last").value(format_date(start + first_day + 1)).end_object();
                }
            }
            j.end_array().end_object();
        }
    }
    j.end_array().end_object();
    return j.str() + "\n";
}

std::string trial_plan_ics(const TrialReport& r, std::int64_t stamp_utc) {
    const TrialPlan& plan = r.plan;
    const DayNumber stamp_day =
        static_cast<DayNumber>(stamp_utc >= 0 ? stamp_utc / 86400 : (stamp_utc - 86399) / 86400);
    const std::int64_t second = stamp_utc - std::int64_t{stamp_day} * 86400;
    const std::string stamp = fmt::format("{}T{:02}{:02}{:02}Z", ics_date(stamp_day), second / 3600,
                                          second / 60 % 60, second % 60);
    // RFC 5545: CRLF line ends; all-day events end on the day after (DTEND
    // is exclusive).
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//relief//trial plan//EN\r\n"
                      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
    for (int p = 0; p < plan.pairs; ++p) {
        const DayNumber week = plan.massage_week(p);
        for (int n = 0; n < 2; ++n) {
            const DayNumber from = week + 3 * n;
            ics += "BEGIN:VEVENT\r\n";
            ics += fmt::format("UID:{}-p{}-s{}@relief\r\n", plan.id, p + 1, n + 1);
            ics += "DTSTAMP:" + stamp + "\r\n";
            ics += "DTSTART;VALUE=DATE:" + ics_date(from) + "\r\n";
            ics += "DTEND;VALUE=DATE:" + ics_date(from + 2) + "\r\n";
            ics += fmt::format("SUMMARY:Massage {} of 2 (trial pair {} of {})\r\n", n + 1, p + 1,
                               plan.pairs);
            // After a stop, the same UIDs with a higher SEQUENCE and
            // STATUS:CANCELLED: a calendar that imported the plan drops the
            // bookings still to come (RFC 5545 §3.8.7.4, §3.8.1.11).
            if (plan.stopped_on && from + 1 > *plan.stopped_on) {
                ics += "SEQUENCE:1\r\nSTATUS:CANCELLED\r\n";
                ics += fmt::format("DESCRIPTION:Cancelled: the trial was stopped on {}.\r\n",
                                   format_date(*plan.stopped_on));
            } else {
                ics += "SEQUENCE:0\r\n";
                ics += "DESCRIPTION:Book this session on one of these two days.\r\n";
            }
            ics += "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n";
        }
    }
    ics += "END:VCALENDAR\r\n";
    return ics;
}

} // namespace relief::render
