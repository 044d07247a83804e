#include "relief/render/report_text.hpp"

#include "phrases.hpp"
#include "relief/analysis/wording.hpp"
#include "relief/core/text/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace relief::render {
namespace {

using namespace relief::analysis;

class Out {
  public:
    explicit Out(const TextStyle& style) : m_style(style) {}

    void heading(const std::string& title) {
        m_text += '\n';
        m_text += m_style.color ? "\x1b[1m" + title + "\x1b[0m" : title;
        m_text += '\n';
    }
    void line(const std::string& text = {}) { m_text += text + '\n'; }
    void raw(const std::string& text) { m_text += text; }
    // An indented paragraph, wrapped at 80 columns.
    void item(const std::string& text) { m_text += wrap(text, 80, "  ", "    "); }
    void paragraph(const std::string& text) { m_text += wrap(text, 80, "", "  "); }
    void verdict(const std::string& text, bool good) {
        const std::string shown =
            m_style.color ? std::string(good ? "\x1b[32m" : "\x1b[33m") + text + "\x1b[0m" : text;
        item("Verdict: " + shown);
    }
    const std::string& str() const { return m_text; }

  private:
    const TextStyle& m_style;
    std::string m_text;
};

// A horizontal bar of `value` out of `full`, `width` cells wide.
std::string bar(double value, double full, int width, bool unicode) {
    const double cells = std::clamp(value / full, 0.0, 1.0) * width;
    if (!unicode) {
        return std::string(static_cast<std::size_t>(std::lround(cells)), '#');
    }
    static const char* const k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    const int whole = static_cast<int>(cells);
    const int eighths = static_cast<int>((cells - whole) * 8);
    std::string out;
    for (int i = 0; i < whole; ++i) {
        out += "█";
    }
    return out + k_eighths[eighths];
}

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string rpad_left(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

// A bar around zero for the lag chart: negatives (relief) to the left.
std::string diverging(double value, bool unicode) {
    constexpr int k_half = 10;
    constexpr double k_full = 4.0; // points at full width
    const std::string axis = unicode ? "│" : "|";
    const std::string b = bar(std::fabs(value), k_full, k_half, unicode);
    if (value < 0) {
        std::string left = b;
        if (unicode) {
            // Partial blocks grow from the left; draw the negative side in whole cells.
            left = bar(std::round(std::fabs(value) / k_full * k_half) * k_full / k_half, k_full,
                       k_half, true);
        }
        return rpad_left(left, k_half) + axis + std::string(k_half, ' ');
    }
    return std::string(k_half, ' ') + axis + pad(b, k_half);
}

void answer(Out& out, const Report& r) {
    out.heading(answer_title(r));
    constexpr std::size_t k_question = 22;
    for (const AnswerLine& line : answer_lines(r)) {
        out.raw(wrap(line.text, 80, pad("  " + line.question, k_question),
                     std::string(k_question, ' ')));
    }
    bool first = true;
    for (const std::string& caveat : answer_caveats(r)) {
        out.raw(wrap(caveat, 80, pad(first ? "  Keep in mind" : "", k_question),
                     std::string(k_question, ' ')));
        first = false;
    }
}

void weekly(Out& out, const Report& r, const TextStyle& style) {
    out.heading("Week by week");
    out.item("week of     days  pain                       mood  sleep  quality  sessions");
    for (const WeekRow& w : r.weeks) {
        const std::string pain = w.pain ? fmt::format("{:>4} {}", num(w.pain, 2),
                                                      pad(bar(*w.pain, 10, 20, style.unicode), 20))
                                        : fmt::format("{:>4} {}", "—", std::string(20, ' '));
        std::string marks;
        for (int i = 0; i < w.sessions; ++i) {
            marks += style.unicode ? "●" : "*";
        }
        const std::string minutes =
            w.massage_minutes > 0 ? fmt::format(" {} min", w.massage_minutes) : "";
        out.item(fmt::format("{}  {}/{}   {}  {:>4}  {:>5}  {:>7}  {}{}", format_date(w.start),
                             w.days_logged, w.journal_days, pain, num(w.mood, 1),
                             num(w.sleep_hours, 1), num(w.sleep_quality, 1),
                             marks.empty() ? "-" : marks, minutes));
    }
    out.item("(days: days with pain logged / days of the week since your journal began; a "
             "weekly mean needs 4)");
}

void trend(Out& out, const Report& r) {
    out.heading("Your pain over these weeks");
    const Trend& t = r.trend;
    if (!t.available) {
        out.item(t.reason + ".");
        return;
    }
    if (t.slope_per_week) {
        out.item(fmt::format("Weekly average pain changed by {} points a week ({}; {}).",
                             num(t.slope_per_week, 2, true),
                             t.exact_fit ? "an exact straight line" : ci_text(t.ci),
                             count_of(t.valid_weeks, "week")));
    } else {
        out.item("A weekly trend needs 3 weeks with 4 days of pain logged.");
    }
    if (t.change) {
        std::string line = fmt::format("First 14 days {} -> last 14 days {}: {}", num(t.first14),
                                       num(t.last14), num(t.change, 2, true));
        if (t.pct_change) {
            line += fmt::format(" ({}%), {}", num(t.pct_change, 1, true), phrase(*t.label));
        }
        out.item(line + ".");
        if (t.label == TrendLabel::no_clear_change) {
            out.item("The week-by-week trend does not back a change of that size: two-week "
                     "averages move this much on steady days too.");
        }
        if (t.two_points && *t.two_points) {
            out.item("That is a drop of 2 points or more, which people tend to notice.");
        }
        if (t.floor_note && *t.floor_note) {
            out.item("Pain was below 4 at the start: little room to improve.");
        }
    }
}

void after_sessions(Out& out, const Report& r, const TextStyle& style) {
    out.heading("The days after a session" + answer_window_note(r));
    const AfterSessions& a = r.after_sessions;
    if (!a.available) {
        out.item(a.reason + ".");
        return;
    }
    const std::string usual = usual_level_text(r);
    out.item(fmt::format("{} with pain logged on the days before them; your usual level away "
                         "from sessions is {}.",
                         count_of(a.valid_episodes, "session"),
                         usual.empty() ? std::string("unknown (fewer than 7 such days)") : usual));
    out.item(fmt::format("day    n   vs before  {}  vs usual", pad("(relief <- | -> worse)", 21)));
    for (const LagRow& row : a.profile) {
        if (row.n == 0 || (row.n < 3 && !style.verbose)) {
            continue;
        }
        out.item(fmt::format("{:>3}  {:>3}   {:>7}  {}  {:>7}", lag_text(row.lag), row.n,
                             num(row.vs_before, 2, true), diverging(*row.vs_before, style.unicode),
                             num(row.vs_usual, 2, true)));
    }
    out.item("(points compared with the 3 days before each session, and with your usual level, "
             "after the overall trend is taken out)");
    out.item(fmt::format("Days +1 to +3 vs the 3 days before: {}{}; lower after {} of {}.",
                         estimate_text(a.effect, count_of(a.valid_episodes, "session")),
                         a.effect_pct
                             ? fmt::format(", {}% of the level before", num(a.effect_pct, 0, true))
                             : std::string(),
                         a.effects_lower, a.effects_counted));
    out.verdict(capitalised(phrase(a.verdict)), a.verdict == AfterVerdict::consistently_lower);
    for (const Note& note : a.notes) {
        if (!plain_note(note.kind)) {
            continue;
        }
        const bool duration = note.kind == NoteKind::relief_duration && a.relief_days_ci;
        out.item("- " + note_text(note) +
                 (duration ? " (" + ci_text(a.relief_days_ci, 1) + ")" : ""));
    }
}

void right_after(Out& out, const Report& r) {
    const RightAfter& r7 = r.right_after;
    if (r7.pairs.empty()) {
        return; // nothing typed before a session: nothing to show
    }
    out.heading("Right after a session");
    std::vector<std::string> moves;
    const std::size_t shown = std::min<std::size_t>(r7.pairs.size(), 8);
    for (std::size_t i = r7.pairs.size() - shown; i < r7.pairs.size(); ++i) {
        const RightAfterPair& p = r7.pairs[i];
        moves.push_back(fmt::format("{} {}: {} -> {}", weekday_name(p.day),
                                    format_date(p.day).substr(5), p.before, num(p.after, 1)));
    }
    out.item(fmt::format("Pain you typed before the session -> your check-ins within 6 hours "
                         "after it{}: {}.",
                         shown < r7.pairs.size() ? fmt::format(" (the last {})", shown) : "",
                         join(moves, "; ")));
    if (r7.available) {
        out.item(fmt::format("On average {} -> {}; typical change {}; lower after {} of {}.",
                             num(r7.before_mean, 1), num(r7.after_mean, 1),
                             estimate_text(r7.change, count_of(r7.sessions, "session"), 1),
                             r7.sessions_lower, r7.sessions));
    }
    out.item("How you felt right after, rated by you: the days after show how long it lasted.");
}

// R6 (v3): by default the numbers with their n only. Three series each
// tested at 2.5% made 6% of no-effect reports say "higher after sessions", so
// the verdicts and intervals wait for --details (docs/methods.md R6).
void series(Out& out, const char* name, const char* lower, const SeriesEffect& s,
            const std::string& fallback, bool details) {
    if (!s.available) {
        const bool plural = std::string_view(name).ends_with('s'); // "Sleep hours were"
        out.item(
            s.days_logged == 0
                ? fmt::format("{} {} not logged in these weeks.", name, plural ? "were" : "was")
                : fmt::format("{}: {}.", name, s.reason.empty() ? fallback : s.reason));
        return;
    }
    if (!details) {
        out.item(fmt::format("{}: {} after vs before ({}; higher is better).", name,
                             num(s.effect.value, 2, true), count_of(s.episodes, "session")));
        return;
    }
    out.item(fmt::format("{}: {} after vs before ({}): {}.", name,
                         estimate_text(s.effect, count_of(s.episodes, "session")),
                         "higher is better", phrase(s.verdict, lower)));
}

void sleep_mood(Out& out, const Report& r, bool details) {
    out.heading("Sleep and mood around sessions");
    const SleepMood& s = r.sleep_mood;
    if (!s.available) {
        out.item(capitalised(s.reason) + ".");
        return;
    }
    series(out, "Mood", "mood", s.mood, s.reason, details);
    series(out, "Sleep hours", "sleep", s.sleep_hours, s.reason, details);
    series(out, "Sleep quality", "sleep quality", s.sleep_quality, s.reason, details);
    if (!details) {
        out.item("(A small difference in one of three series is easily chance: --details says "
                 "which are clear.)");
    }
}

void details(Out& out, const Report& r) {
    out.heading("Details");
    out.item("What the terms mean:");
    for (const Term& term : glossary()) {
        out.item(fmt::format("- {}: {}.", term.name, term.meaning));
    }
    const Trend& t = r.trend;
    if (t.available) {
        out.item(fmt::format("Daily line (OLS over logged days): {} + {} x day; the after-session "
                             "figures use residuals from it.",
                             num(t.a, 2), num(t.b, 3)));
    }
    const BeforeAfter& b = r.before_after;
    if (b.available) {
        out.item(fmt::format("Before and after sessions began ({}): level change {}; trend before "
                             "sessions {} a week; change of trend {} a week; simple difference {}.",
                             format_date(b.first_session),
                             estimate_text(b.level_change, "segmented OLS, Newey-West"),
                             estimate_text(b.trend_before_per_week, "Newey-West"),
                             estimate_text(b.slope_change_per_week, "Newey-West"),
                             num(b.simple_difference, 2, true)));
        if (b.trend_warning) {
            out.item("- " + note_text(Note{NoteKind::trend_warning, 0, 0, 0, 0, false, {}}));
        }
    } else {
        out.item("Before and after sessions began: " + b.reason + ".");
    }
    const AfterSessions& a = r.after_sessions;
    if (a.available) {
        out.item(fmt::format(
            "After sessions: Hodges-Lehmann effect {}; vs the usual level {}; "
            "NAP {}; Cliff's delta {}; usual level {} (residual); pain before "
            "sessions {} vs usual.",
            estimate_text(a.effect, "exact Walsh interval"), num(a.effect_vs_usual, 2, true),
            estimate_text(a.nap, "block bootstrap", 2, false), num(a.cliffs_delta, 2, true),
            num(a.usual_level, 2, true), num(a.pre_session_excess, 2, true)));
        for (const Note& note : a.notes) {
            if (note.kind == NoteKind::nap_trend) {
                out.item("- " + note_text(note));
            }
        }
        if (a.coverage_after) {
            out.item(fmt::format("Logged days: {:.0f}% of the days after sessions, {:.0f}% of "
                                 "other days.",
                                 100 * *a.coverage_after, 100 * *a.coverage_other));
        }
    }
    const Dose& d = r.dose;
    if (d.available) {
        out.item(fmt::format(
            "Regularity: {}% of weeks had a session; at most {} in a row went by without one. "
            "Spearman of sessions per week vs weekly pain {} ({} weeks), of the "
            "two-week count {}. Per extra session a week: {} beyond the trend "
            "({}), {} without it. {}; bad weeks may also prompt more bookings.",
            num(100 * d.share_weeks_with_session, 0), count_of(d.longest_gap_days, "day"),
            num(d.spearman_week, 2, true), d.valid_weeks, num(d.spearman_14d, 2, true),
            num(d.per_session_adjusted, 2, true), ci_text(d.per_session_adjusted_ci),
            num(d.per_session_unadjusted, 2, true), capitalised(phrase(d.verdict))));
    } else {
        out.item("Regularity: " + d.reason + ".");
    }
    for (const auto& [name, s] : {std::pair{"Mood", &r.sleep_mood.mood},
                                  std::pair{"Sleep hours", &r.sleep_mood.sleep_hours},
                                  std::pair{"Sleep quality", &r.sleep_mood.sleep_quality}}) {
        if (s->available) {
            out.item(fmt::format("{}: NAP {}.", name,
                                 estimate_text(s->nap, "higher is better", 2, false)));
        }
    }
}

// The plain-ASCII fallback: the few non-ASCII characters the text uses.
std::string ascii_only(std::string text) {
    const std::pair<const char*, const char*> k_map[] = {
        {"—", "-"}, {"–", "-"}, {"·", "-"}, {"…", "..."}, {"→", "->"}};
    for (const auto& [from, to] : k_map) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
            text.replace(at, std::string_view(from).size(), to);
        }
    }
    return text;
}

} // namespace

std::string report_text(const Report& r, const TextStyle& style) {
    Out out(style);
    out.paragraph(fmt::format("relief report: {}", window_text(r)));
    if (const std::string cut = cut_text(r); !cut.empty()) {
        out.paragraph(cut);
    }
    if (r.journal.before_journal()) {
        return style.unicode ? out.str() : ascii_only(out.str()); // nothing to show (§1)
    }
    out.paragraph(coverage_text(r) + ".");
    answer(out, r);
    weekly(out, r, style);
    if (!r.enough_data) {
        out.heading(fmt::format("Not enough data yet ({} of 7 days)", r.coverage.days_logged));
        out.item("Log pain on at least 7 days to start; 14 days over 3 weeks or more for a trend.");
    } else {
        trend(out, r);
    }
    // The answer's window may hold what the weeks shown do not (§1).
    if (r.enough_data || r.after_sessions.available) {
        after_sessions(out, r, style);
    }
    right_after(out, r);
    if (r.enough_data || r.after_sessions.available) {
        sleep_mood(out, r, style.details);
        if (style.details) {
            details(out, r);
        }
    }
    out.line();
    out.paragraph(methods_text(r, style.details));
    return style.unicode ? out.str() : ascii_only(out.str());
}

} // namespace relief::render
