#include "relief/render/report_html.hpp"

#include <fmt/format.h>

#include "phrases.hpp"
#include "relief/render/svg.hpp"
#include "relief/text.hpp"

namespace relief::render {
namespace {

using namespace relief::analysis;

// Okabe–Ito colours (safe for colour-blind readers); every series also has
// its own dash or marker so the page reads in greyscale.
constexpr const char* k_style = R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; --blue: #0072B2; --orange: #E69F00;
        --green: #009E73; --red: #D55E00; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); max-width: 186mm; margin: 8mm auto; padding: 0 4mm; }
h1 { font-size: 16pt; margin: 0 0 1mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid var(--rule); padding-bottom: 0.5mm; }
.meta { color: var(--muted); margin: 0; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm; margin-top: 3mm; }
.card { border: 1px solid var(--rule); border-radius: 2mm; padding: 2mm 2.5mm; }
.card .label { font-size: 8.5pt; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.card .value { font-size: 13pt; font-weight: 600; margin: 0.5mm 0; }
.card .detail { font-size: 8.5pt; color: var(--muted); }
figure { margin: 2mm 0; }
figure svg { width: 100%; height: auto; display: block; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.legend { font-size: 8.5pt; color: var(--muted); margin: 0.5mm 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { text-align: left; padding: 0.8mm 1.5mm; border-bottom: 1px solid #e4e4e4; }
th { font-weight: 600; border-bottom: 1px solid var(--rule); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul { margin: 1mm 0; padding-left: 5mm; }
.verdict { font-weight: 600; }
.howto { font-size: 9pt; color: #333; }
footer { font-size: 8pt; color: var(--muted); margin-top: 3mm; }
svg text { font-family: inherit; fill: var(--ink); }
svg .chart-title { font-size: 11px; font-weight: 600; }
svg .tick, svg .note { font-size: 9px; fill: var(--muted); }
svg .axis { font-size: 9px; fill: var(--muted); }
svg .empty { font-size: 11px; fill: var(--muted); }
svg .grid { stroke: #e6e6e6; stroke-width: 1; }
svg .zero { stroke: #888; stroke-width: 1; }
svg path.daily { fill: none; stroke: var(--blue); stroke-width: 1.2; }
svg circle.daily { fill: var(--blue); }
svg path.weekly { fill: none; stroke: var(--ink); stroke-width: 2.2; stroke-dasharray: 6 3; }
svg circle.weekly { fill: var(--ink); }
svg path.mood { fill: none; stroke: var(--blue); stroke-width: 1.8; }
svg circle.mood { fill: var(--blue); }
svg path.quality { fill: none; stroke: var(--orange); stroke-width: 1.8; stroke-dasharray: 5 3; }
svg circle.quality { fill: var(--orange); }
svg path.hours { fill: none; stroke: var(--green); stroke-width: 1.8; stroke-dasharray: 1.5 2.5; }
svg circle.hours { fill: var(--green); }
svg .session { fill: var(--red); }
svg .bar { fill: var(--blue); }
svg .dot { fill: var(--orange); stroke: var(--ink); stroke-width: 0.6; }
@media print {
  @page { margin: 10mm; }
  body { margin: 0 auto; padding: 0; font-size: 9.5pt; }
  section, figure, .cards, tr { break-inside: avoid; }
}
)css";

std::string esc(const std::string& s) { return xml_escape(s); }

std::string card(const std::string& label, const std::string& value, const std::string& detail) {
    return fmt::format("<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}"
                       "</div><div class=\"detail\">{}</div></div>\n",
                       esc(label), esc(value), esc(detail));
}

std::string cards(const Report& r) {
    std::string html = "<div class=\"cards\">\n";
    const Trend& t = r.trend;
    html += t.available
                ? card("Trend", num(t.slope_per_week, 2, true) + " / week",
                       (t.exact_fit ? std::string("exact fit") : ci_text(t.ci)) +
                           (t.label ? "; " + label_phrase(*t.label) : std::string()))
                : card("Trend", "—", t.reason);
    const AfterSessions& a = r.after_sessions;
    if (a.available) {
        html += card("Days 1–3 after a session", num(a.effect.value, 2, true) + " points",
                     ci_text(a.effect.ci) + fmt::format("; {} sessions", a.valid_episodes));
        html += card("Relief lasted",
                     a.verdict == "consistently-lower"
                         ? fmt::format("{}{} day{}", a.censored ? "≥ " : "", a.relief_days,
                                       a.relief_days == 1 ? "" : "s")
                         : std::string("not shown"),
                     a.verdict != "consistently-lower" ? after_verdict_phrase(a.verdict)
                     : a.relief_days == 0
                         ? fmt::format("no day after was {} below the level before",
                                       points(r.settings.relief_threshold))
                         : ci_text(a.relief_days_ci, 1));
    } else {
        html += card("After sessions", "—", a.reason);
        html += card("Relief lasted", "—", "needs the after-session analysis");
    }
    const Dose& d = r.dose;
    html += d.available ? card("Regularity", num(100 * d.share_weeks_with_session, 0) + "% of weeks",
                               dose_verdict_phrase(d.verdict))
                        : card("Regularity", "—", d.reason);
    return html + "</div>\n";
}

std::string pain_chart(const Report& r) {
    const Window& w = r.settings.window;
    Series daily{r.daily.pain, "daily", w.days() <= 120};
    Series weekly{std::vector<std::optional<double>>(static_cast<std::size_t>(w.days())), "weekly", false};
    for (std::size_t i = 0; i < r.weeks.size(); ++i) {
        for (int k = 0; k < 7; ++k) {
            weekly.y[i * 7 + static_cast<std::size_t>(k)] = r.weeks[i].pain;
        }
    }
    std::vector<std::pair<int, std::string>> ticks;
    const int every = std::max(1, w.weeks / 8) * 7;
    for (int t = 0; t < w.days(); t += every) {
        ticks.emplace_back(t, format_date(w.start() + t).substr(5));
    }
    std::vector<int> marks;
    for (const SessionRow& s : r.sessions) {
        marks.push_back(w.index(s.day));
    }
    ChartFrame f;
    f.width = 700;
    f.height = 190;
    f.title = "Daily pain, weekly means and sessions";
    f.description = fmt::format("Daily pain from {} to {} on a 0 to 10 scale, {} days logged, "
                                "with weekly means and {} sessions marked.",
                                format_date(w.start()), format_date(w.end), r.coverage.days_logged,
                                r.coverage.sessions);
    f.y_label = "pain 0-10";
    return line_chart(f, {daily, weekly}, 0, 10, ticks, marks);
}

std::string profile_chart(const AfterSessions& a) {
    std::vector<BarItem> items;
    for (const LagRow& row : a.profile) {
        if (row.n >= 3) {
            items.push_back({lag_text(row.lag), row.vs_before,
                             row.vs_usual, fmt::format("n={}", row.n)});
        }
    }
    ChartFrame f;
    f.width = 340;
    f.height = 190;
    f.bottom = 36;
    f.title = "Pain on the days after a session";
    std::string words;
    for (const BarItem& item : items) {
        words += fmt::format(" day {}: {} vs before;", item.label, num(item.bar, 1, true));
    }
    f.description = "Change in pain on each day after a session, compared with the 3 days "
                     "before (bars) and with the usual level (diamonds):" + words;
    f.y_label = "points vs before";
    return bar_chart(f, items);
}

std::string sleep_mood_chart(const Report& r) {
    Series mood{{}, "mood", true};
    Series quality{{}, "quality", true};
    Series hours{{}, "hours", true};
    std::vector<std::pair<int, std::string>> ticks;
    for (std::size_t i = 0; i < r.weeks.size(); ++i) {
        mood.y.push_back(r.weeks[i].mood);
        quality.y.push_back(r.weeks[i].sleep_quality);
        hours.y.push_back(r.weeks[i].sleep_hours);
        if (i % (r.weeks.size() / 5 + 1) == 0) {
            ticks.emplace_back(static_cast<int>(i), format_date(r.weeks[i].start).substr(5));
        }
    }
    ChartFrame f;
    f.width = 340;
    f.height = 190;
    f.bottom = 36;
    f.title = "Weekly mood and sleep";
    f.description = "Weekly means of mood (0-10), sleep quality (0-10) and hours slept.";
    f.x_label = "week of";
    return line_chart(f, {mood, quality, hours}, 0, 12, ticks, {});
}

std::string session_table(const Report& r) {
    if (r.sessions.empty()) {
        return "<p>No sessions in this window.</p>\n";
    }
    std::string html = "<table><thead><tr><th>Date</th><th>Kind</th><th class=\"num\">Minutes</th>"
                       "<th>Therapist</th><th class=\"num\">Pain before</th><th class=\"num\">Same "
                       "day</th><th class=\"num\">+1</th><th class=\"num\">+2</th><th class=\"num\">"
                       "+3</th></tr></thead><tbody>\n";
    const std::size_t shown = std::min<std::size_t>(r.sessions.size(), 16);
    for (std::size_t i = r.sessions.size() - shown; i < r.sessions.size(); ++i) {
        const SessionRow& s = r.sessions[i];
        html += fmt::format("<tr><td>{} {}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>"
                            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}"
                            "</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                            weekday_name(s.day), format_date(s.day), esc(s.kind.empty() ? "—" : s.kind),
                            s.minutes > 0 ? std::to_string(s.minutes) : "—",
                            esc(s.therapist.empty() ? "—" : s.therapist),
                            s.pain_before ? std::to_string(*s.pain_before) : "—", num(s.pain[0], 1),
                            num(s.pain[1], 1), num(s.pain[2], 1), num(s.pain[3], 1));
    }
    html += "</tbody></table>\n";
    if (shown < r.sessions.size()) {
        html += fmt::format("<p class=\"legend\">The last {} of {} sessions; the full list is in "
                            "relief export.</p>\n",
                            shown, r.sessions.size());
    }
    return html;
}

} // namespace

std::string report_html(const Report& r) {
    const Window& w = r.settings.window;
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += fmt::format("<title>Pain and relief summary, {} to {}</title>\n<style>{}</style>\n"
                        "</head>\n<body>\n",
                        format_date(w.start()), format_date(w.end), k_style);
    html += fmt::format("<header><h1>Pain and relief summary</h1>\n<p class=\"meta\">{}. {}.</p>"
                        "</header>\n",
                        esc(window_text(r)), esc(coverage_text(r)));
    if (!r.enough_data) {
        html += fmt::format("<p><strong>Not enough data yet ({} of 7 days)</strong>: a summary "
                            "needs pain logged on at least 7 days.</p>\n",
                            r.coverage.days_logged);
    }
    html += cards(r);
    html += "<figure>" + pain_chart(r) +
            "<p class=\"legend\">Thin line: daily pain. Dashed: weekly mean (needs 4 logged days). "
            "Triangles: sessions.</p></figure>\n";
    html += "<div class=\"two\">\n<figure>";
    if (r.after_sessions.available) {
        html += profile_chart(r.after_sessions) +
                "<p class=\"legend\">Bars: change from the 3 days before each session. Diamonds: "
                "change from the usual level. Below zero is less pain.</p>";
    } else {
        html += "<p>" + esc(r.after_sessions.reason) + ".</p>";
    }
    html += "</figure>\n<figure>" + sleep_mood_chart(r) +
            "<p class=\"legend\">Solid: mood. Dashed: sleep quality. Dotted: hours slept.</p>"
            "</figure>\n</div>\n";

    html += "<section><h2>What lined up</h2><ul>\n";
    const AfterSessions& a = r.after_sessions;
    if (a.available) {
        html += fmt::format("<li class=\"verdict\">After sessions: {}.</li>\n",
                            esc(after_verdict_phrase(a.verdict)));
        html += fmt::format("<li>Days +1 to +3 vs the 3 days before: {}{}.</li>\n",
                            esc(estimate_text(a.effect, fmt::format("{} sessions", a.valid_episodes))),
                            a.effect_pct ? esc(fmt::format(", {}% of the pre-session level",
                                                           num(a.effect_pct, 0, true)))
                                         : std::string());
        for (const std::string& note : a.notes) {
            if (note != after_verdict_phrase(a.verdict)) {
                html += "<li>" + esc(note) + "</li>\n";
            }
        }
    }
    if (r.trend.available && r.trend.change) {
        html += fmt::format("<li>First 14 days {} → last 14 days {} ({}{}).</li>\n",
                            num(r.trend.first14), num(r.trend.last14), num(r.trend.change, 2, true),
                            r.trend.label ? ", " + label_phrase(*r.trend.label) : std::string());
    }
    if (r.dose.available) {
        html += fmt::format("<li>Regularity: {}; Spearman {} over {} weeks.</li>\n",
                            esc(dose_verdict_phrase(r.dose.verdict)), num(r.dose.spearman_week, 2, true),
                            r.dose.valid_weeks);
    }
    for (const auto& [name, s] : {std::pair{"Mood", &r.sleep_mood.mood},
                                  std::pair{"Sleep hours", &r.sleep_mood.sleep_hours},
                                  std::pair{"Sleep quality", &r.sleep_mood.sleep_quality}}) {
        if (s->available) {
            html += fmt::format("<li>{} after vs before sessions: {}.</li>\n", name,
                                esc(estimate_text(s->effect, fmt::format("{} sessions", s->episodes))));
        }
    }
    for (const std::string& note : r.notes) {
        html += "<li>" + esc(note) + "</li>\n";
    }
    html += "</ul></section>\n";
    html += "<section><h2>Sessions</h2>\n" + session_table(r) + "</section>\n";
    html += R"(<section class="howto"><h2>How to read this</h2>
<p>This is one person's diary: pain on the 0&ndash;10 numeric rating scale, usually once a day, and
the massage or other sessions they had. Nothing was randomised or blinded, so the numbers describe
what lined up with sessions, not what sessions caused. &ldquo;Days +1 to +3&rdquo; compares pain on
the three days after a session with the three days before it, after removing the overall trend;
&ldquo;usual level&rdquo; is the median of days away from any session. Intervals are 95% and come
from a block bootstrap over sessions (or Newey&ndash;West for trends); with few weeks they are
likely too narrow. A drop that lasts only a day or two is not a sustained change.</p></section>
)";
    html += "<footer>" + esc(methods_text(r)) + " Made by relief from the patient's own "
            "journal.</footer>\n</body>\n</html>\n";
    return html;
}

} // namespace relief::render
