// The trial's report for people (text, Markdown, HTML), its plan as text and
// the line for today: the answer first, in the words of docs/methods.md
// "The trial" (the one place relief may say "caused", with its conditions).
#include "phrases.hpp"
#include "relief/core/text/text.hpp"
#include "relief/render/svg.hpp"
#include "relief/render/trial.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace relief::render {
namespace {

using namespace relief::analysis;

std::string short_day(DayNumber day) {
    return fmt::format("{} {}", weekday_name(day), civil_from_days(day).day);
}

std::string one(std::optional<double> v) {
    return num(v, 1);
}

// "1.0 point", "0.96 → 1.0 point", "1.4 points": singular by what is printed.
std::string points_text(double x) {
    const std::string shown = fmt::format("{:.1f}", x);
    return shown + (shown == "1.0" ? " point" : " points");
}

// §4 (trial v2): the decision first, in the person's own terms, by the rule
// they fixed at the start.
std::string decision_line(const TrialReport& r) {
    const double X = r.plan.worthwhile;
    if (!r.decision) {
        return r.finished()
                   ? fmt::format("No decision: the trial had too few complete pairs to judge by "
                                 "your rule (at least {} lower).",
                                 points_text(X))
                   : fmt::format("The decision comes when the trial ends, by the rule you set at "
                                 "the start: massage is worth it if pain is at least {} lower in "
                                 "massage weeks.",
                                 points_text(X));
    }
    const double D = *r.primary.estimate;
    const Interval ci = *r.primary.ci;
    switch (*r.decision) {
    case TrialDecision::worth_it:
        return fmt::format("By the rule you set at the start (at least {} lower), massage was "
                           "worth it: pain was {} lower in massage weeks.",
                           points_text(X), points_text(D));
    case TrialDecision::better_but_small:
        return fmt::format("Massage weeks were better, but by less than the {} you said would "
                           "make it worth it ({:.1f}; 95% CI {:.1f} to {:.1f}).",
                           points_text(X), D, ci.low, ci.high);
    case TrialDecision::not_worth_it:
        return fmt::format("By your rule, not worth it: a benefit of {} or more is unlikely (the "
                           "interval reaches only {:.1f}).",
                           points_text(X), ci.high);
    case TrialDecision::cant_tell:
        return fmt::format("Can't tell: the interval ({:.1f} to {:.1f}) includes both no "
                           "difference and the {} you asked for; a trial with more pairs would "
                           "tell.",
                           ci.low, ci.high, points_text(X));
    }
    return "";
}

// "Run-in: 14 days of life as usual; pain logged on 13 of them, average 5.5."
// Both counts say what they count (the days so far while it runs).
std::string run_in_text(const TrialReport& r) {
    const std::string days = r.run_in_days < k_run_in_days
                                 ? fmt::format("{} of its {} days", r.run_in_days, k_run_in_days)
                                 : count_of(r.run_in_days, "day");
    if (r.run_in_days == 0) {
        return fmt::format("Run-in: {} days of life as usual, not begun yet.", k_run_in_days);
    }
    return fmt::format("Run-in: {} of life as usual; pain logged on {} of them{}.", days,
                       r.run_in_logged,
                       r.run_in_mean ? ", average " + one(r.run_in_mean) : std::string());
}

// The answer, in plain words: the decision, then the verdict.
std::vector<std::string> answer(const TrialReport& r) {
    std::vector<std::string> lines;
    lines.push_back(decision_line(r));
    const int k = r.complete_pairs;
    const std::string pairs = fmt::format("{} of {} pairs of weeks", k, r.plan.pairs);
    switch (r.verdict) {
    case TrialVerdict::in_progress:
        lines.push_back(fmt::format("The trial is still running ({} complete so far). There is no "
                                    "answer until it ends: looking early and stopping when it "
                                    "looks good would make the answer wrong.",
                                    pairs));
        break;
    case TrialVerdict::too_few_pairs:
        lines.push_back(fmt::format("Too few pairs to answer: {} complete, and the test needs 6. "
                                    "No order of 5 pairs or fewer can show a difference.",
                                    k));
        break;
    case TrialVerdict::massage_better:
        lines.push_back(fmt::format(
            "In this trial, pain was {} lower in weeks with massage than in weeks without "
            "(95% CI {} to {}; {}, p = {}). Because a coin chose the weeks, this is evidence "
            "that massage lowered your pain — for you, over these {} weeks, with expectations not "
            "blinded.",
            points_text(*r.primary.estimate), one(r.primary.ci->low), one(r.primary.ci->high),
            count_of(k, "pair"), format_number(std::round(*r.primary.p_two_sided * 1000) / 1000),
            (r.plan.end() - r.plan.start + 1) / 7));
        break;
    case TrialVerdict::rest_better:
        lines.push_back(fmt::format(
            "In this trial, pain was {} higher in weeks with massage than in weeks without "
            "(95% CI {} to {}; {}, p = {}). Because a coin chose the weeks, this is evidence "
            "that massage, as you had it, did not help your pain — for you, over these weeks.",
            points_text(std::fabs(*r.primary.estimate)), one(r.primary.ci->low),
            one(r.primary.ci->high), count_of(k, "pair"),
            format_number(std::round(*r.primary.p_two_sided * 1000) / 1000)));
        break;
    case TrialVerdict::no_clear_difference: {
        const double miss =
            r.primary.ci ? std::max(std::fabs(r.primary.ci->low), std::fabs(r.primary.ci->high))
                         : 0;
        // The direction first, so "no clear difference" is never read as
        // "no difference at all" (D = rest − massage: positive is less pain).
        const double d = *r.primary.estimate;
        const std::string direction =
            std::fabs(d) < k_tolerance
                ? std::string("pain was the same in massage and rest weeks")
                : fmt::format("pain was {} {} in massage weeks", points_text(std::fabs(d)),
                              d > 0 ? "lower" : "higher");
        lines.push_back(fmt::format(
            "No clear difference between massage and rest weeks: {} (95% CI {} to {}; {}, "
            "p = {}), which chance alone could give. An effect smaller than about {} "
            "could have been missed.",
            direction, one(r.primary.ci->low), one(r.primary.ci->high), count_of(k, "pair"),
            format_number(std::round(*r.primary.p_two_sided * 1000) / 1000), points_text(miss)));
        break;
    }
    }
    if (k > 0) {
        lines.push_back(fmt::format("Massage weeks were better in {} of {} pairs (worse in {}); "
                                    "average pain {} in massage weeks, {} in rest weeks.",
                                    r.better_in, k, r.worse_in, one(r.massage_weeks_mean),
                                    one(r.rest_weeks_mean)));
    }
    lines.push_back(
        r.deviations.empty()
            ? std::string("The plan was kept: two sessions in every massage week, none "
                          "in rest weeks.")
            : fmt::format("{} with sessions other than planned (listed below); the "
                          "pairs without them give {}.",
                          count_of(static_cast<int>(r.deviations.size()), "week"),
                          r.per_protocol.estimate
                              ? fmt::format("{} points ({})", num(r.per_protocol.estimate, 1, true),
                                            count_of(r.per_protocol.pairs, "pair"))
                              : fmt::format("their figures at the end ({})",
                                            count_of(r.per_protocol.pairs, "pair"))));
    lines.push_back("You knew which weeks were massage weeks, as everyone in such a trial does; "
                    "expectations can shape ratings.");
    return lines;
}

std::string pair_row(const TrialPair& p) {
    return fmt::format("{:>4}  {}  {:>7}  {}  {:>4}  {:>6}  {}{}", p.pair + 1,
                       format_date(p.massage_week), one(p.massage_mean), format_date(p.rest_week),
                       one(p.rest_mean), num(p.difference, 1, true), json_name(p.state),
                       p.deviation ? " (deviation)" : "");
}

} // namespace

bool trial_booking_due(const TrialReport& r) {
    return trial_step(r).booking_due;
}

namespace {

// The days of a booking window still to come: "Mon 7 or Tue 8", "Tue 8
// (today)" on its last day.
std::string window_days(const BookingWindow& w, DayNumber today) {
    if (today >= w.last) {
        return short_day(w.last) + " (today)";
    }
    return fmt::format("{} or {}", short_day(std::max(w.first, today)), short_day(w.last));
}

} // namespace

std::string trial_today_line(const TrialReport& r) {
    const TrialPlan& plan = r.plan;
    const DayNumber today = r.today;
    const TrialStep step = trial_step(r);
    switch (step.phase) {
    case TrialPhase::stopped:
        return fmt::format("trial: stopped on {}; relief trial report has its result",
                           format_date(*plan.stopped_on));
    case TrialPhase::finished:
        return "trial: finished; relief trial report has its result";
    case TrialPhase::not_started:
        return fmt::format("trial: starts {} with two weeks of logging as usual",
                           short_day(plan.start));
    case TrialPhase::run_in:
        return fmt::format("trial: run-in, day {} of 14 — life as usual, log every evening; the "
                           "first pair starts {}",
                           today - plan.start + 1, short_day(plan.start + k_run_in_days));
    case TrialPhase::pair:
        break;
    }
    const std::string where = fmt::format("pair {} of {}", *step.pair + 1, plan.pairs);
    if (!*step.massage_week) {
        // The first day of the next massage week: for a pair whose rest week
        // comes first, the second week of the same pair.
        return step.next_massage_week
                   ? fmt::format("trial: rest week ({}) — no massage until {}", where,
                                 short_day(*step.next_massage_week))
                   : fmt::format("trial: rest week ({}) — no massage; the trial ends {}", where,
                                 short_day(plan.end()));
    }
    const int done = step.sessions_this_week;
    if (done > 2) {
        return fmt::format("trial: massage week ({}) — {} sessions this week, two were planned; "
                           "the week counts as a deviation",
                           where, done);
    }
    if (done == 2) {
        return fmt::format("trial: massage week ({}) — both sessions done; log every evening",
                           where);
    }
    // Never "book by" a day that is over: a window that passed is said so.
    if (step.bookings.empty()) {
        return fmt::format("trial: massage week ({}) — the days for {} have passed: don't book "
                           "one now; this week will count as a deviation",
                           where, done == 0 ? "both sessions" : "the second session");
    }
    if (step.windows_passed > 0) {
        const BookingWindow w = step.bookings.front();
        return fmt::format("trial: massage week ({}) — the days for the first session have "
                           "passed; book one on {} (this week will count as a deviation)",
                           where, window_days(w, today));
    }
    if (step.bookings.size() == 1) {
        const BookingWindow w = step.bookings.front();
        return fmt::format("trial: massage week ({}) — book the second session on {}", where,
                           window_days(w, today));
    }
    const BookingWindow a = step.bookings[0];
    const BookingWindow b = step.bookings[1];
    return fmt::format("trial: massage week ({}) — book sessions on {}, and {}", where,
                       window_days(a, today), window_days(b, today));
}

std::string trial_report_text(const TrialReport& r) {
    std::string out = fmt::format("relief trial {}: {} to {}, {} pairs of weeks ({})\n",
                                  r.plan.id.substr(0, 8), format_date(r.plan.start),
                                  format_date(r.plan.end()), r.plan.pairs, json_name(r.status));
    out += "\nThe answer\n";
    for (const std::string& line : answer(r)) {
        out += wrap(line, 80, "  ", "  ");
    }
    out += "\n" + run_in_text(r) + "\n";
    out += "\nPairs (pain on days 2-6 of each week; difference = rest - massage)\n";
    out += "  pair  massage week   pain  rest week    pain    diff  state\n";
    for (const TrialPair& p : r.pairs) {
        out += "  " + pair_row(p) + "\n";
    }
    if (!r.deviations.empty()) {
        out += "\nDeviations from the plan\n";
        for (const TrialDeviation& d : r.deviations) {
            std::vector<std::string> dates;
            for (const DayNumber day : d.dates) {
                dates.push_back(short_day(day));
            }
            out += fmt::format("  pair {}, {} week of {}: {}{}\n", d.pair + 1,
                               d.massage_week ? "massage" : "rest", format_date(d.start),
                               count_of(d.sessions, "session"),
                               dates.empty() ? "" : " (" + join(dates, ", ") + ")");
        }
    }
    const auto secondary = [&](const char* name, const std::optional<SignFlip>& s) {
        if (!s) {
            return fmt::format("  {}: not logged on enough days.\n", name);
        }
        return fmt::format(
            "  {}: {} with massage (higher is better; {}{}).\n", name,
            s->estimate ? num(s->estimate, 1, true) : std::string("—"), count_of(s->pairs, "pair"),
            s->p_two_sided
                ? fmt::format(", p = {}", format_number(std::round(*s->p_two_sided * 1000) / 1000))
                : std::string());
    };
    out += "\nAlso (secondary, no verdict)\n";
    out += secondary("Mood", r.mood) + secondary("Sleep quality", r.sleep_quality);
    out += "\nThe p-value and interval come from an exact randomisation test: the pair\n"
           "differences against every way the coin could have fallen (docs/methods.md).\n";
    return out;
}

std::string trial_report_markdown(const TrialReport& r) {
    std::string md = fmt::format("# relief trial {}\n\n{} to {}, {} pairs of weeks ({}).\n\n## "
                                 "The answer\n\n",
                                 r.plan.id.substr(0, 8), format_date(r.plan.start),
                                 format_date(r.plan.end()), r.plan.pairs, json_name(r.status));
    for (const std::string& line : answer(r)) {
        md += "- " + line + "\n";
    }
    md += "\n## Pairs\n\n| pair | massage week | pain | rest week | pain | difference | state |\n"
          "|---:|---|---:|---|---:|---:|---|\n";
    for (const TrialPair& p : r.pairs) {
        md += fmt::format("| {} | {} | {} | {} | {} | {} | {}{} |\n", p.pair + 1,
                          format_date(p.massage_week), one(p.massage_mean),
                          format_date(p.rest_week), one(p.rest_mean), num(p.difference, 1, true),
                          json_name(p.state), p.deviation ? " (deviation)" : "");
    }
    return md;
}

// The per-pair chart (CENT 2015: each period's result): each complete
// pair's difference, rest week − massage week, as a bar on a scale in points;
// above the zero line, less pain in the massage week.
std::string pair_chart(const TrialReport& r) {
    const int width = 640;
    const int height = 150;
    const int left = 34; // room for the scale
    const int mid = height / 2;
    double top = 2; // points at the chart's edge: at least ±2, else the largest
    for (const TrialPair& p : r.pairs) {
        if (p.difference) {
            top = std::max(top, std::ceil(std::fabs(*p.difference)));
        }
    }
    const double scale = (mid - 12) / top; // pixels a point
    std::string svg = fmt::format("<svg viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Difference "
                                  "in pain, rest week minus massage week, per pair, in points\">\n",
                                  width, height);
    for (int tick = -static_cast<int>(top); tick <= static_cast<int>(top); ++tick) {
        const double y = mid - tick * scale;
        svg +=
            fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\"/>"
                        "<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\">{:+d}"
                        "</text>\n",
                        left, y, width, y, tick == 0 ? "#555" : "#e2e2e2", left - 4, y + 3, tick);
    }
    const int step = (width - left) / std::max(1, r.plan.pairs);
    for (const TrialPair& p : r.pairs) {
        const int x = left + p.pair * step + step / 4;
        if (p.difference) {
            const double h = *p.difference * scale;
            svg += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" "
                               "fill=\"{}\"/>\n",
                               x, h >= 0 ? mid - h : mid, step / 2, std::fabs(h),
                               p.deviation ? "#E69F00" : "#0072B2");
        }
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\">pair {}{}</text>\n", x,
                           height - 1, p.pair + 1, p.difference ? "" : " —");
    }
    return svg + "</svg>\n";
}

std::string trial_report_html(const TrialReport& r) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += fmt::format("<title>Massage trial, {} to {}</title>\n", format_date(r.plan.start),
                        format_date(r.plan.end()));
    // One printed page on A4 and US Letter alike (the test prints both).
    html += "<style>body{font:9.5pt/1.35 system-ui,sans-serif;max-width:185mm;margin:0 auto;"
            "color:#1a1a1a}h1{font-size:14pt;margin:0 0 1mm}h2{font-size:11pt;margin:3mm 0 1mm}"
            "p{margin:1mm 0}table{border-collapse:collapse;width:100%;font-size:8.5pt}th,td{"
            "padding:.4mm 2mm;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:"
            "first-child{text-align:left}.answer{border:1.5px solid #1a1a1a;border-radius:2mm;"
            "padding:1mm 3mm}.decision{font-weight:600}svg{width:100%;height:auto}ul{margin:1mm 0;"
            "padding-left:5mm}@media print{@page{margin:10mm}}</style>\n</head>\n<body>\n";
    html += fmt::format("<h1>Massage trial (n-of-1)</h1>\n<p>{} to {}: a two-week run-in, then {} "
                        "pairs of weeks; in each pair a coin (seed {}) chose the massage week (two "
                        "sessions) and the rest week (none). Status: {}. Decision rule, fixed at "
                        "the start: worth it if pain is at least {:.1f} points lower in massage "
                        "weeks.</p>\n",
                        format_date(r.plan.start), format_date(r.plan.end()), r.plan.pairs,
                        seed_text(r.plan.seed), json_name(r.status), r.plan.worthwhile);
    html += "<section class=\"answer\"><h2>The answer</h2>\n";
    bool first = true;
    for (const std::string& line : answer(r)) {
        html += fmt::format("<p{}>{}</p>\n", first ? " class=\"decision\"" : "", xml_escape(line));
        first = false;
    }
    html += "</section>\n";
    html += "<h2>Pair by pair</h2>\n" + pair_chart(r) +
            "<p>Each bar: average pain in the rest week minus the massage week, in points (above "
            "0: less pain with massage); orange: a pair with a deviation from the plan.</p>\n";
    html += "<table><tr><th>Pair</th><th>Massage week</th><th>Pain</th><th>Days</th><th>Rest "
            "week</th><th>Pain</th><th>Days</th><th>Difference</th><th>State</th></tr>\n";
    for (const TrialPair& p : r.pairs) {
        html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}"
                            "</td><td>{}</td><td>{}</td><td>{}{}</td></tr>\n",
                            p.pair + 1, format_date(p.massage_week), one(p.massage_mean),
                            p.massage_days, format_date(p.rest_week), one(p.rest_mean), p.rest_days,
                            num(p.difference, 1, true), json_name(p.state),
                            p.deviation ? " (deviation)" : "");
    }
    html += "</table>\n<h2>How it was run</h2>\n<ul>\n";
    html += "<li>" + run_in_text(r) + "</li>\n";
    html += "<li>Washout: days 0–1 of each week are left out (the previous week's relief fades); "
            "a week's outcome is its average pain on days 2–6, with at least 3 of them "
            "logged.</li>\n";
    if (r.deviations.empty()) {
        html += "<li>Adherence: the plan was kept, two sessions in every massage week and none "
                "in rest weeks.</li>\n";
    } else {
        std::vector<std::string> items;
        for (const TrialDeviation& d : r.deviations) {
            std::vector<std::string> dates;
            for (const DayNumber day : d.dates) {
                dates.push_back(short_day(day));
            }
            items.push_back(fmt::format("pair {}, {} week of {}: {}{}", d.pair + 1,
                                        d.massage_week ? "massage" : "rest", format_date(d.start),
                                        count_of(d.sessions, "session"),
                                        dates.empty() ? "" : " (" + join(dates, ", ") + ")"));
        }
        html += fmt::format("<li>Deviations from the plan ({}): {}. Without those pairs: {}, "
                            "difference {}.</li>\n",
                            r.deviations.size(), xml_escape(join(items, "; ")),
                            count_of(r.per_protocol.pairs, "pair"),
                            num(r.per_protocol.estimate, 1, true));
    }
    html += "<li>Not blinded: the person knew which weeks had massage; expectations can shape "
            "ratings.</li>\n</ul>\n";
    html += "<p>The p-value and interval come from an exact randomisation test over every way the "
            "coin could have fallen (Edgington &amp; Onghena); reporting follows CENT 2015.</p>\n"
            "</body>\n</html>\n";
    return html;
}

std::string trial_plan_text(const TrialReport& r) {
    const TrialPlan& plan = r.plan;
    std::string out = fmt::format(
        "Trial {}: {} to {} ({} weeks), seed {}{}\n", plan.id.substr(0, 8), format_date(plan.start),
        format_date(plan.end()), (plan.end() - plan.start + 1) / 7, seed_text(plan.seed),
        plan.seed_chosen ? " (chosen with --seed)" : "");
    out += fmt::format("  Run-in  {} to {}: life as usual, log every evening\n",
                       format_date(plan.start), format_date(plan.start + k_run_in_days - 1));
    for (int p = 0; p < plan.pairs; ++p) {
        const DayNumber m = plan.massage_week(p);
        const DayNumber rest = plan.rest_week(p);
        const auto massage_line = fmt::format("massage week {} to {}: book {} or {}, and {} or {}",
                                              format_date(m), format_date(m + 6), short_day(m),
                                              short_day(m + 1), short_day(m + 3), short_day(m + 4));
        const auto rest_line = fmt::format("rest week    {} to {}: no massage", format_date(rest),
                                           format_date(rest + 6));
        out +=
            fmt::format("  Pair {:<2}  {}\n           {}\n", p + 1,
                        m < rest ? massage_line : rest_line, m < rest ? rest_line : massage_line);
    }
    out += wrap(fmt::format("Your rule, fixed now: massage is worth it to you if pain is at least "
                            "{} lower in massage weeks. The trial compares weeks, so it sees "
                            "relief that lasts days, not a benefit that builds over months of "
                            "regular massage.",
                            points_text(plan.worthwhile)),
                80, "", "");
    return out;
}

} // namespace relief::render
