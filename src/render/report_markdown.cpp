#include "relief/render/report_markdown.hpp"

#include <fmt/format.h>

#include "phrases.hpp"

namespace relief::render {
namespace {

using namespace relief::analysis;

void series_row(std::string& md, const char* name, const SeriesEffect& s, const std::string& fallback) {
    if (!s.available) {
        md += fmt::format("| {} | — | — | {} |\n", name, s.reason.empty() ? fallback : s.reason);
        return;
    }
    md += fmt::format("| {} | {} | {} | {} sessions |\n", name, estimate_text(s.effect, "HL"),
                      estimate_text(s.nap, "NAP", 2, false), s.episodes);
}

} // namespace

std::string report_markdown(const Report& r) {
    std::string md = "# relief report\n\n";
    md += fmt::format("**Window:** {}  \n**Coverage:** {}.\n\n", window_text(r), coverage_text(r));

    md += "## Week by week\n\n| week of | days logged | pain | mood | sleep (h) | sleep quality | "
          "sessions | minutes |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const WeekRow& w : r.weeks) {
        md += fmt::format("| {} | {}/7 | {} | {} | {} | {} | {} | {} |\n", format_date(w.start),
                          w.days_logged, num(w.pain, 1), num(w.mood, 1), num(w.sleep_hours, 1),
                          num(w.sleep_quality, 1), w.sessions, w.massage_minutes);
    }
    if (!r.enough_data) {
        md += fmt::format("\n**Not enough data yet ({} of 7 days).**\n", r.coverage.days_logged);
    } else {
        const Trend& t = r.trend;
        md += "\n## Trend\n\n";
        if (!t.available) {
            md += t.reason + ".\n";
        } else {
            md += fmt::format("- Pain changed by **{}** points a week ({}).\n",
                              num(t.slope_per_week, 2, true),
                              t.exact_fit ? "exact fit" : ci_text(t.ci));
            if (t.change) {
                md += fmt::format("- First 14 days {} → last 14 days {}: {}{}.\n", num(t.first14),
                                  num(t.last14), num(t.change, 2, true),
                                  t.pct_change ? fmt::format(" ({}%, {})", num(t.pct_change, 0, true),
                                                             label_phrase(*t.label))
                                               : std::string());
            }
        }
        const BeforeAfter& b = r.before_after;
        md += "\n## Before and after sessions began\n\n";
        if (!b.available) {
            md += b.reason + ".\n";
        } else {
            md += fmt::format("- First session {}; level change {}.\n", format_date(b.first_session),
                              estimate_text(b.level_change, "segmented trend"));
            md += fmt::format("- Trend before sessions {} a week; simple difference {}.\n",
                              estimate_text(b.trend_before_per_week, "Newey-West"),
                              num(b.simple_difference, 2, true));
        }
        const AfterSessions& a = r.after_sessions;
        md += "\n## Pain in the days after a session\n\n";
        if (!a.available) {
            md += a.reason + ".\n";
        } else {
            md += "| day | n | vs before | vs usual | % of pre-session level |\n"
                  "|---:|---:|---:|---:|---:|\n";
            for (const LagRow& row : a.profile) {
                if (row.n >= 3) {
                    md += fmt::format("| {} | {} | {} | {} | {} |\n",
                                      lag_text(row.lag), row.n,
                                      num(row.vs_before, 2, true), num(row.vs_usual, 2, true),
                                      num(row.pct_of_before, 0, true));
                }
            }
            md += fmt::format("\n- Days +1 to +3 vs the 3 days before: **{}**.\n",
                              estimate_text(a.effect, fmt::format("{} sessions", a.valid_episodes)));
            md += fmt::format("- Overlap (NAP): {}; Cliff's delta {}.\n",
                              estimate_text(a.nap, "0.5 = no difference", 2, false),
                              num(a.cliffs_delta, 2, true));
            md += fmt::format("- **Verdict:** {}.\n", after_verdict_phrase(a.verdict));
            for (const std::string& note : a.notes) {
                md += "- " + note + "\n";
            }
        }
        const Dose& d = r.dose;
        md += "\n## Regularity\n\n";
        if (!d.available) {
            md += d.reason + ".\n";
        } else {
            md += fmt::format("- {}% of weeks had a session; longest gap {} days.\n",
                              num(100 * d.share_weeks_with_session, 0), d.longest_gap_days);
            md += fmt::format("- Spearman (sessions per week vs pain): {} over {} weeks.\n",
                              num(d.spearman_week, 2, true), d.valid_weeks);
            md += fmt::format("- Per extra session a week: {} beyond the trend ({}), {} without it.\n",
                              num(d.per_session_adjusted, 2, true),
                              ci_text(d.per_session_adjusted_ci),
                              num(d.per_session_unadjusted, 2, true));
            md += fmt::format("- **Verdict:** {}; bad weeks may also prompt more bookings.\n",
                              dose_verdict_phrase(d.verdict));
        }
        const SleepMood& s = r.sleep_mood;
        md += "\n## Sleep and mood around sessions\n\n| series | after vs before | overlap | "
              "based on |\n|---|---|---|---|\n";
        series_row(md, "Mood", s.mood, s.reason);
        series_row(md, "Sleep hours", s.sleep_hours, s.reason);
        series_row(md, "Sleep quality", s.sleep_quality, s.reason);
    }
    md += "\n## Keep in mind\n\n";
    for (const std::string& note : r.notes) {
        md += "- " + note + "\n";
    }
    md += fmt::format("\n{}\n", methods_text(r));
    return md;
}

} // namespace relief::render
