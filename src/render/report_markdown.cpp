#include "relief/render/report_markdown.hpp"

#include "phrases.hpp"
#include "relief/analysis/wording.hpp"
#include "relief/core/text/text.hpp"

#include <fmt/format.h>

namespace relief::render {
namespace {

using namespace relief::analysis;

void answer(std::string& md, const Report& r) {
    md += "## " + answer_title(r) + "\n\n";
    for (const AnswerLine& line : answer_lines(r)) {
        md += fmt::format("- **{}** {}\n", line.question, line.text);
    }
    for (const std::string& caveat : answer_caveats(r)) {
        md += fmt::format("- *{}*\n", caveat);
    }
}

void weeks(std::string& md, const Report& r) {
    md +=
        "\n## Week by week\n\n| week of | days logged | pain | mood | sleep (h) | sleep quality | "
        "sessions | minutes |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const WeekRow& w : r.weeks) {
        md += fmt::format("| {} | {}/{} | {} | {} | {} | {} | {} | {} |\n", format_date(w.start),
                          w.days_logged, w.journal_days, num(w.pain, 1), num(w.mood, 1),
                          num(w.sleep_hours, 1), num(w.sleep_quality, 1), w.sessions,
                          w.massage_minutes);
    }
}

void trend(std::string& md, const Report& r) {
    const Trend& t = r.trend;
    md += "\n## Your pain over these weeks\n\n";
    if (!t.available) {
        md += t.reason + ".\n";
        return;
    }
    if (t.slope_per_week) {
        md += fmt::format("- Weekly average pain changed by **{}** points a week ({}; {}).\n",
                          num(t.slope_per_week, 2, true),
                          t.exact_fit ? "an exact straight line" : ci_text(t.ci),
                          count_of(t.valid_weeks, "week"));
    }
    if (t.change) {
        md += fmt::format(
            "- First 14 days {} → last 14 days {}: {}{}.\n", num(t.first14), num(t.last14),
            num(t.change, 2, true),
            t.pct_change ? fmt::format(" ({}%, {})", num(t.pct_change, 0, true), phrase(*t.label))
                         : std::string());
    }
}

void after_sessions(std::string& md, const Report& r) {
    const AfterSessions& a = r.after_sessions;
    md += "\n## The days after a session" + answer_window_note(r) + "\n\n";
    if (!a.available) {
        md += a.reason + ".\n";
        return;
    }
    const std::string usual = usual_level_text(r);
    md += fmt::format("Your usual level away from sessions: {}.\n\n",
                      usual.empty() ? std::string("unknown") : usual);
    md += "| day | n | vs before | vs usual | % of the level before |\n"
          "|---:|---:|---:|---:|---:|\n";
    for (const LagRow& row : a.profile) {
        if (row.n >= 3) {
            md += fmt::format("| {} | {} | {} | {} | {} |\n", lag_text(row.lag), row.n,
                              num(row.vs_before, 2, true), num(row.vs_usual, 2, true),
                              num(row.pct_of_before, 0, true));
        }
    }
    md += fmt::format("\n- Days +1 to +3 vs the 3 days before: **{}**; lower after {} of {}.\n",
                      estimate_text(a.effect, count_of(a.valid_episodes, "session")),
                      a.effects_lower, a.effects_counted);
    md += fmt::format("- **Verdict:** {}.\n", phrase(a.verdict));
    for (const Note& note : a.notes) {
        if (plain_note(note.kind)) {
            md += "- " + note_text(note) + "\n";
        }
    }
}

void right_after(std::string& md, const Report& r) {
    const RightAfter& r7 = r.right_after;
    if (r7.pairs.empty()) {
        return;
    }
    md += "\n## Right after a session\n\n| session | pain before | pain after (within 6 h) |\n"
          "|---|---:|---:|\n";
    for (const RightAfterPair& p : r7.pairs) {
        md += fmt::format("| {} {} | {} | {} |\n", weekday_name(p.day), format_date(p.day),
                          p.before, num(p.after, 1));
    }
    if (r7.available) {
        md += fmt::format("\nOn average {} → {}; typical change {}; lower after {} of {}.\n",
                          num(r7.before_mean, 1), num(r7.after_mean, 1),
                          estimate_text(r7.change, count_of(r7.sessions, "session"), 1),
                          r7.sessions_lower, r7.sessions);
    }
}

// R6 (v3): numbers with their n; the verdict in words only with --details.
void series_row(std::string& md, const char* name, const char* lower, const SeriesEffect& s,
                const std::string& fallback, bool details) {
    const std::string reason = s.days_logged == 0 ? std::string("not logged in these weeks")
                               : s.reason.empty() ? fallback
                                                  : s.reason;
    if (!s.available) {
        md += details ? fmt::format("| {} | — | {} |\n", name, reason)
                      : fmt::format("| {} | {} |\n", name, reason);
        return;
    }
    if (!details) {
        md += fmt::format("| {} | {} ({}) |\n", name, num(s.effect.value, 2, true),
                          count_of(s.episodes, "session"));
        return;
    }
    md += fmt::format("| {} | {} | {} |\n", name,
                      estimate_text(s.effect, count_of(s.episodes, "session")),
                      phrase(s.verdict, lower));
}

void details(std::string& md, const Report& r) {
    md += "\n## Details\n\n";
    for (const Term& term : glossary()) {
        md += fmt::format("- **{}**: {}.\n", term.name, term.meaning);
    }
    md += "\n";
    const BeforeAfter& b = r.before_after;
    if (b.available) {
        md += fmt::format("- Before and after sessions began ({}): level change {}; trend before "
                          "sessions {} a week; simple difference {}.\n",
                          format_date(b.first_session),
                          estimate_text(b.level_change, "segmented OLS, Newey-West"),
                          estimate_text(b.trend_before_per_week, "Newey-West"),
                          num(b.simple_difference, 2, true));
    } else {
        md += "- Before and after sessions began: " + b.reason + ".\n";
    }
    const AfterSessions& a = r.after_sessions;
    if (a.available) {
        md += fmt::format("- After sessions: Hodges-Lehmann {}; NAP {}; Cliff's delta {}.\n",
                          estimate_text(a.effect, "exact Walsh interval"),
                          estimate_text(a.nap, "block bootstrap", 2, false),
                          num(a.cliffs_delta, 2, true));
    }
    const Dose& d = r.dose;
    if (d.available) {
        md += fmt::format(
            "- Regularity: {}% of weeks had a session; at most {} in a row without one; "
            "Spearman {} over {} weeks; per extra session a week {} beyond the "
            "trend ({}), {} without it. **{}**; bad weeks may also prompt more "
            "bookings.\n",
            num(100 * d.share_weeks_with_session, 0), count_of(d.longest_gap_days, "day"),
            num(d.spearman_week, 2, true), d.valid_weeks, num(d.per_session_adjusted, 2, true),
            ci_text(d.per_session_adjusted_ci), num(d.per_session_unadjusted, 2, true),
            phrase(d.verdict));
    } else {
        md += "- Regularity: " + d.reason + ".\n";
    }
}

} // namespace

std::string report_markdown(const Report& r, bool with_details) {
    std::string md = "# relief report\n\n";
    md += fmt::format("**Window:** {}  \n", window_text(r));
    if (const std::string cut = cut_text(r); !cut.empty()) {
        md += cut + "  \n";
    }
    if (r.journal.before_journal()) {
        return md; // nothing to show (§1)
    }
    md += fmt::format("**Coverage:** {}.\n\n", coverage_text(r));
    answer(md, r);
    weeks(md, r);
    if (!r.enough_data) {
        md += fmt::format("\n**Not enough data yet ({} of 7 days).**\n", r.coverage.days_logged);
    } else {
        trend(md, r);
    }
    // The answer's window may hold what the weeks shown do not (§1).
    const bool answer_sections = r.enough_data || r.after_sessions.available;
    if (answer_sections) {
        after_sessions(md, r);
    }
    right_after(md, r);
    if (answer_sections) {
        const SleepMood& s = r.sleep_mood;
        md += with_details ? "\n## Sleep and mood around sessions\n\n| series | after vs before "
                             "(higher is better) | in words |\n|---|---|---|\n"
                           : "\n## Sleep and mood around sessions\n\n| series | after vs before "
                             "(higher is better) |\n|---|---|\n";
        series_row(md, "Mood", "mood", s.mood, s.reason, with_details);
        series_row(md, "Sleep hours", "sleep", s.sleep_hours, s.reason, with_details);
        series_row(md, "Sleep quality", "sleep quality", s.sleep_quality, s.reason, with_details);
        if (with_details) {
            details(md, r);
        }
    }
    md += fmt::format("\n{}\n", methods_text(r, with_details));
    return md;
}

} // namespace relief::render
