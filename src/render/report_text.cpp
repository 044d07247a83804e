#include "relief/render/report_text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "phrases.hpp"

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
    // An indented paragraph, wrapped at 80 columns.
    void item(const std::string& text) { m_text += wrap(text, 80, "  ", "    "); }
    void paragraph(const std::string& text) { m_text += wrap(text, 80, "", "  "); }
    void verdict(const std::string& text, bool good) {
        const std::string shown = m_style.color
                                      ? std::string(good ? "\x1b[32m" : "\x1b[33m") + text + "\x1b[0m"
                                      : text;
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
        const std::string minutes = w.massage_minutes > 0 ? fmt::format(" {} min", w.massage_minutes) : "";
        out.item(fmt::format("{}  {}/7   {}  {:>4}  {:>5}  {:>7}  {}{}", format_date(w.start),
                             w.days_logged, pain, num(w.mood, 1), num(w.sleep_hours, 1),
                             num(w.sleep_quality, 1), marks.empty() ? "-" : marks, minutes));
    }
}

void trend(Out& out, const Report& r) {
    out.heading("Trend over the window");
    const Trend& t = r.trend;
    if (!t.available) {
        out.item(t.reason);
        return;
    }
    out.item(fmt::format("Pain changed by {} points a week ({}; {} days logged).",
                         num(t.slope_per_week, 2, true),
                         t.exact_fit ? "exact fit, no interval" : ci_text(t.ci),
                         r.coverage.days_logged));
    if (t.change) {
        std::string line = fmt::format("First 14 days {} -> last 14 days {}: {}",
                                       num(t.first14), num(t.last14), num(t.change, 2, true));
        if (t.pct_change) {
            line += fmt::format(" ({}%), {}", num(t.pct_change, 1, true), label_phrase(*t.label));
        }
        out.item(line + ".");
        if (t.two_points && *t.two_points) {
            out.item("That is a drop of 2 points or more, which people tend to notice.");
        }
        if (t.floor_note && *t.floor_note) {
            out.item("Pain was below 4 at the start: little room to improve.");
        }
    } else {
        out.item("First vs last 14 days: needs 28 days and 7 logged days in each.");
    }
}

void before_after(Out& out, const Report& r) {
    out.heading("Before and after sessions began");
    const BeforeAfter& b = r.before_after;
    if (!b.available) {
        out.item(b.reason);
        return;
    }
    out.item(fmt::format("First session {}. Level change {}.", format_date(b.first_session),
                         estimate_text(b.level_change, "segmented trend")));
    out.item(fmt::format("Trend before sessions {} a week; change of trend {} a week.",
                         estimate_text(b.trend_before_per_week, "Newey-West"),
                         estimate_text(b.slope_change_per_week, "Newey-West")));
    out.item(fmt::format("Simple difference, after minus before: {}.",
                         num(b.simple_difference, 2, true)));
    if (b.trend_warning) {
        out.item("Pain was already changing before the first session; the simple difference");
        out.item("mostly reflects that trend.");
    }
}

void after_sessions(Out& out, const Report& r, const TextStyle& style) {
    out.heading("Pain in the days after a session");
    const AfterSessions& a = r.after_sessions;
    if (!a.available) {
        out.item(a.reason);
        return;
    }
    out.item(fmt::format("{} sessions with pain logged before them; usual level {}.",
                         a.valid_episodes,
                         a.usual_level ? num(a.usual_level, 2, true) + " (vs the trend)"
                                       : std::string("unknown")));
    out.item(fmt::format("day    n   vs before  {}  vs usual", pad("(relief <- | -> worse)", 21)));
    for (const LagRow& row : a.profile) {
        if (row.n == 0 || (row.n < 3 && !style.verbose)) {
            continue;
        }
        out.item(fmt::format("{:>3}  {:>3}   {:>7}  {}  {:>7}", lag_text(row.lag),
                             row.n, num(row.vs_before, 2, true), diverging(*row.vs_before, style.unicode),
                             num(row.vs_usual, 2, true)));
    }
    const std::string sessions = fmt::format("{} sessions", a.valid_episodes);
    out.item(fmt::format("Days +1 to +3 vs the 3 days before: {}{}.",
                         estimate_text(a.effect, sessions),
                         a.effect_pct ? fmt::format(", {}% of the pre-session level",
                                                    num(a.effect_pct, 0, true))
                                      : std::string()));
    if (a.effect_vs_usual) {
        out.item(fmt::format("The same days vs your usual level: {}.", num(a.effect_vs_usual, 2, true)));
    }
    out.item(fmt::format("Overlap (NAP) {}; Cliff's delta {}.",
                         estimate_text(a.nap, "0.5 = no difference", 2, false),
                         num(a.cliffs_delta, 2, true)));
    out.verdict(after_verdict_phrase(a.verdict), a.verdict == "consistently-lower");
    for (const std::string& note : a.notes) {
        if (note == after_verdict_phrase(a.verdict)) {
            continue; // already said as the verdict
        }
        // The relief-duration sentence (§4) carries its interval here.
        const bool duration = note.starts_with("relief (") && a.relief_days_ci;
        out.item("- " + note + (duration ? " (" + ci_text(a.relief_days_ci, 1) + ")" : ""));
    }
}

void dose(Out& out, const Report& r) {
    out.heading("Regularity");
    const Dose& d = r.dose;
    if (!d.available) {
        out.item(d.reason);
        return;
    }
    out.item(fmt::format("{}% of weeks had a session; the longest gap was {} days.",
                         num(100 * d.share_weeks_with_session, 0), d.longest_gap_days));
    out.item(fmt::format("Sessions per week vs weekly pain: Spearman {} ({} weeks); two-week count {}.",
                         num(d.spearman_week, 2, true), d.valid_weeks, num(d.spearman_14d, 2, true)));
    out.item(fmt::format("Pain per extra session a week: {} beyond the trend ({}), {} without it.",
                         num(d.per_session_adjusted, 2, true), ci_text(d.per_session_adjusted_ci),
                         num(d.per_session_unadjusted, 2, true)));
    out.verdict(dose_verdict_phrase(d.verdict), d.verdict == "lower-with-more-sessions");
    out.item("- bad weeks may also prompt more bookings");
}

void series(Out& out, const char* name, const SeriesEffect& s, const std::string& fallback) {
    if (!s.available) {
        out.item(fmt::format("{}: {}", name, s.reason.empty() ? fallback : s.reason));
        return;
    }
    out.item(fmt::format("{}: after vs before sessions {}; NAP {}.", name,
                         estimate_text(s.effect, fmt::format("{} sessions", s.episodes)),
                         estimate_text(s.nap, "higher is better", 2, false)));
}

void sleep_mood(Out& out, const Report& r) {
    out.heading("Sleep and mood around sessions");
    const SleepMood& s = r.sleep_mood;
    series(out, "Mood", s.mood, s.reason);
    series(out, "Sleep hours", s.sleep_hours, s.reason);
    series(out, "Sleep quality", s.sleep_quality, s.reason);
}

// The plain-ASCII fallback: the few non-ASCII characters the text uses.
std::string ascii_only(std::string text) {
    const std::pair<const char*, const char*> k_map[] = {{"—", "-"}, {"·", "-"}, {"…", "..."}};
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
    out.paragraph(coverage_text(r) + ".");
    weekly(out, r, style);
    if (!r.enough_data) {
        out.heading(fmt::format("Not enough data yet ({} of 7 days)", r.coverage.days_logged));
        out.item("Log pain on at least 7 days for a trend; 14 days over 3 weeks or more for the rest.");
    } else {
        trend(out, r);
        before_after(out, r);
        after_sessions(out, r, style);
        dose(out, r);
        sleep_mood(out, r);
    }
    out.heading("Keep in mind");
    for (const std::string& note : r.notes) {
        out.item("- " + note);
    }
    out.line();
    out.paragraph(methods_text(r));
    return style.unicode ? out.str() : ascii_only(out.str());
}

} // namespace relief::render
