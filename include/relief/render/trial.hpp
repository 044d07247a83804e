#pragma once
// `relief trial`: its plan (text, JSON, iCalendar) and its report (text,
// JSON, Markdown, HTML), from the model of analysis/trial.hpp.
#include "relief/analysis/trial.hpp"

#include <string>

namespace relief::render {

// `with_step`: also today's step as fields (phase, pair, week_kind,
// bookings, next_massage_week, line), for `relief trial --format json`.
std::string trial_report_json(const analysis::TrialReport& report, bool with_step = false);
std::string trial_report_text(const analysis::TrialReport& report);
std::string trial_report_markdown(const analysis::TrialReport& report);
std::string trial_report_html(const analysis::TrialReport& report);

// The plan; `status` is the trial's report (for its status and stop).
std::string trial_plan_json(const analysis::TrialReport& status);
std::string trial_plan_text(const analysis::TrialReport& status);
// RFC 5545: one all-day event per massage-week booking window; `stamp_utc`
// is the DTSTAMP (the clock, so that the same plan gives the same file).
std::string trial_plan_ics(const analysis::TrialReport& status, std::int64_t stamp_utc);

// One line for today ("trial: massage week — book the second session by
// Fri 11"), for relief trial, status and remind.
std::string trial_today_line(const analysis::TrialReport& status);
// True on the booking days of a massage week whose session is not logged yet.
bool trial_booking_due(const analysis::TrialReport& status);

} // namespace relief::render
