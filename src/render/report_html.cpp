#include "relief/render/report_html.hpp"

#include "phrases.hpp"
#include "relief/analysis/wording.hpp"
#include "relief/core/text/text.hpp"
#include "relief/render/svg.hpp"

#include <array>
#include <fmt/format.h>

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
.answer { border: 1.5px solid var(--ink); border-radius: 2mm; padding: 1mm 3mm 2mm; margin-top: 3mm; }
.answer h2 { border: 0; margin-top: 1mm; }
.qa th { width: 28mm; vertical-align: top; border: 0; }
.qa td { border: 0; }
.caveat { font-size: 9pt; margin: 1mm 0 0; }
.details { font-size: 7.5pt; color: #333; }
.details ul { margin: 0; }
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
  section.details { break-inside: auto; }
}
)css";

std::string esc(const std::string& s) {
    return xml_escape(s);
}

// The first card: the answer, one row per question, and its caveats.
std::string answer_card(const Report& r) {
    std::string html = fmt::format("<section class=\"answer\"><h2>{}</h2>\n<table class=\"qa\">",
                                   esc(answer_title(r)));
    for (const AnswerLine& line : answer_lines(r)) {
        html +=
            fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", esc(line.question), esc(line.text));
    }
    html += "</table>\n";
    for (const std::string& caveat : answer_caveats(r)) {
        html += "<p class=\"caveat\">" + esc(caveat) + "</p>\n";
    }
    return html + "</section>\n";
}

std::string pain_chart(const Report& r) {
    const Window& w = r.window();
    Series daily{r.daily.pain, "daily", w.days() <= 120};
    Series weekly{std::vector<std::optional<double>>(static_cast<std::size_t>(w.days())), "weekly",
                  false};
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
    for (const SessionRow& s : r.sessions) { // of the answer's window, which may be wider
        if (w.contains(s.day)) {
            marks.push_back(w.index(s.day));
        }
    }
    ChartFrame f;
    f.width = 700;
    f.height = 190;
    f.title = "Daily pain, weekly means and sessions";
    f.description = fmt::format("Daily pain from {} to {} on a 0 to 10 scale, {} logged, "
                                "with weekly means and {} marked.",
                                format_date(w.start()), format_date(w.end),
                                count_of(r.coverage.days_logged, "day"),
                                count_of(r.coverage.sessions, "session"));
    f.y_label = "pain 0-10";
    return line_chart(f, {daily, weekly}, 0, 10, ticks, marks);
}

std::string profile_chart(const AfterSessions& a) {
    std::vector<BarItem> items;
    for (const LagRow& row : a.profile) {
        if (row.n >= 3) {
            items.push_back(
                {lag_text(row.lag), row.vs_before, row.vs_usual, fmt::format("n={}", row.n)});
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
                    "before (bars) and with the usual level (diamonds):" +
                    words;
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
    std::string html =
        "<table><thead><tr><th>Date</th><th>Kind</th><th class=\"num\">Minutes</th>"
        "<th>Therapist</th><th class=\"num\">Pain before</th><th class=\"num\">Same "
        "day</th><th class=\"num\">+1</th><th class=\"num\">+2</th><th class=\"num\">"
        "+3</th></tr></thead><tbody>\n";
    const std::size_t shown = std::min<std::size_t>(r.sessions.size(), 10);
    for (std::size_t i = r.sessions.size() - shown; i < r.sessions.size(); ++i) {
        const SessionRow& s = r.sessions[i];
        html +=
            fmt::format("<tr><td>{} {}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>"
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

struct NamedSeries {
    const char* name;  // "Sleep hours"
    const char* lower; // as phrase() names it: "sleep"
    const SeriesEffect* s;
};
std::array<NamedSeries, 3> sleep_mood_series(const Report& r) {
    return {NamedSeries{"Mood", "mood", &r.sleep_mood.mood},
            NamedSeries{"Sleep hours", "sleep", &r.sleep_mood.sleep_hours},
            NamedSeries{"Sleep quality", "sleep quality", &r.sleep_mood.sleep_quality}};
}

std::string what_lined_up(const Report& r) {
    std::string html = "<section><h2>What lined up</h2><ul>\n";
    const AfterSessions& a = r.after_sessions;
    if (a.available) {
        html +=
            fmt::format("<li class=\"verdict\">After sessions: {}.</li>\n", esc(phrase(a.verdict)));
        html += fmt::format(
            "<li>Days +1 to +3 vs the 3 days before: {}{}; lower after {} of {}.</li>\n",
            esc(estimate_text(a.effect, count_of(a.valid_episodes, "session"))),
            a.effect_pct ? esc(fmt::format(", {}% of the level before", num(a.effect_pct, 0, true)))
                         : std::string(),
            a.effects_lower, a.effects_counted);
        if (const std::string usual = usual_level_text(r); !usual.empty()) {
            html += "<li>Usual level away from sessions: " + esc(usual) + ".</li>\n";
        }
        for (const Note& note : a.notes) {
            if (plain_note(note.kind)) {
                html += "<li>" + esc(note_text(note)) + "</li>\n";
            }
        }
    } else {
        html += "<li>After sessions: " + esc(a.reason) + ".</li>\n";
    }
    if (r.trend.available && r.trend.change) {
        html += fmt::format("<li>First 14 days {} → last 14 days {} ({}{}).</li>\n",
                            num(r.trend.first14), num(r.trend.last14), num(r.trend.change, 2, true),
                            r.trend.label ? ", " + phrase(*r.trend.label) : std::string());
    }
    if (r.right_after.available) {
        const RightAfter& r7 = r.right_after;
        html += fmt::format("<li>Right after a session (pain typed before → check-ins within 6 "
                            "hours): {} → {} on average; lower after {} of {}.</li>\n",
                            num(r7.before_mean, 1), num(r7.after_mean, 1), r7.sessions_lower,
                            r7.sessions);
    }
    // R6 (v3): numbers with their n here; the verdicts in the details.
    for (const auto& [name, lower, s] : sleep_mood_series(r)) {
        if (s->available) {
            html +=
                fmt::format("<li>{} after vs before sessions: {} ({}; higher is "
                            "better).</li>\n",
                            name, num(s->effect.value, 2, true), count_of(s->episodes, "session"));
        }
    }
    return html + "</ul></section>\n";
}

// The statistics behind the page, for a clinician who wants them.
std::string details(const Report& r) {
    std::string html = "<section class=\"details\"><h2>Details</h2><ul>\n";
    const AfterSessions& a = r.after_sessions;
    if (a.available) {
        html += fmt::format("<li>Effect (Hodges–Lehmann, exact Walsh interval) {}; NAP {}; "
                            "Cliff's delta {}.</li>\n",
                            esc(estimate_text(a.effect, count_of(a.valid_episodes, "session"))),
                            esc(estimate_text(a.nap, "block bootstrap", 2, false)),
                            num(a.cliffs_delta, 2, true));
    }
    const BeforeAfter& b = r.before_after;
    if (b.available) {
        html += fmt::format("<li>Before and after sessions began ({}): level change {} "
                            "(segmented OLS, Newey–West).</li>\n",
                            format_date(b.first_session),
                            esc(estimate_text(b.level_change, "Newey-West")));
    }
    for (const auto& [name, lower, s] : sleep_mood_series(r)) {
        if (s->available) {
            html += fmt::format("<li>{} after vs before sessions: {}: {}.</li>\n", name,
                                esc(estimate_text(s->effect, count_of(s->episodes, "session"))),
                                esc(phrase(s->verdict, lower)));
        }
    }
    const Dose& d = r.dose;
    if (d.available) {
        html += fmt::format("<li>Regularity: {}; Spearman {} over {} weeks; bad weeks may also "
                            "prompt more bookings.</li>\n",
                            esc(phrase(d.verdict)), num(d.spearman_week, 2, true), d.valid_weeks);
    }
    html += "<li>" + esc(methods_text(r, true)) + "</li>\n";
    // The page keeps to two sheets: the terms of the lines above only.
    std::vector<std::string> terms;
    for (const Term& term : glossary()) {
        if (term.on_page) {
            terms.push_back(fmt::format("<b>{}</b>: {}", esc(term.name), esc(term.meaning)));
        }
    }
    return html + "<li>" + join(terms, "; ") + ".</li>\n</ul></section>\n";
}

} // namespace

std::string report_html(const Report& r) {
    const Window& w = r.window();
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += fmt::format("<title>Pain and relief summary, {} to {}</title>\n<style>{}</style>\n"
                        "</head>\n<body>\n",
                        format_date(w.start()), format_date(w.end), k_style);
    const std::string cut = cut_text(r);
    html +=
        fmt::format("<header><h1>Pain and relief summary</h1>\n<p class=\"meta\">{}. {}.{}</p>"
                    "</header>\n",
                    esc(window_text(r)), esc(coverage_text(r)), cut.empty() ? "" : " " + esc(cut));
    if (r.journal.before_journal()) {
        return html + "</body>\n</html>\n"; // nothing to show (§1)
    }
    html += answer_card(r);
    if (!r.enough_data) {
        html += fmt::format("<p><strong>Not enough data yet ({} of 7 days)</strong>: a summary "
                            "needs pain logged on at least 7 days.</p>\n",
                            r.coverage.days_logged);
    }
    html += "<figure>" + pain_chart(r) +
            "<p class=\"legend\">Thin line: daily pain. Dashed: weekly mean (needs 4 logged days). "
            "Triangles: sessions.</p></figure>\n";
    html += "<div class=\"two\">\n<figure>";
    if (r.after_sessions.available) {
        html += profile_chart(r.after_sessions) +
                "<p class=\"legend\">Bars: change from the 3 days before each session. Diamonds: "
                "change from the usual level. Below zero is less pain." +
                esc(answer_window_sentence(r)) + "</p>";
    } else {
        html += "<p>" + esc(r.after_sessions.reason) + ".</p>";
    }
    html += "</figure>\n<figure>" + sleep_mood_chart(r) +
            "<p class=\"legend\">Solid: mood. Dashed: sleep quality. Dotted: hours slept.</p>"
            "</figure>\n</div>\n";
    html += what_lined_up(r);
    html += "<section><h2>Sessions" + esc(answer_window_note(r)) + "</h2>\n" + session_table(r) +
            "</section>\n";
    html += R"(<section class="howto"><h2>How to read this</h2>
<p>This is one person's diary: pain on the 0&ndash;10 numeric rating scale, usually once a day, and
the massage or other sessions they had. Nothing was randomised or blinded, so the numbers describe
what lined up with sessions, not what sessions caused. &ldquo;Days +1 to +3&rdquo; compares pain on
the three days after a session with the three days before it, after taking out the overall trend;
the &ldquo;usual level&rdquo; is the middle value of days away from any session. Intervals are 95%;
with few weeks they are likely too narrow. A drop that lasts only a day or two is not a sustained
change.</p></section>
)";
    html += details(r);
    html += fmt::format("<footer>Made by relief from the patient's own journal; seed {} (the same "
                        "journal and seed give the same page).</footer>\n</body>\n</html>\n",
                        r.settings.seed);
    return html;
}

} // namespace relief::render
