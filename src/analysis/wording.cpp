#include "wording.hpp"

#include "relief/analysis/wording.hpp"
#include "relief/core/text/text.hpp"

#include <cmath>
#include <fmt/format.h>

namespace relief::analysis {
namespace {

// IMMPACT's size of a change, for a short dip that did not last.
std::string importance(double pct) {
    const double size = std::fabs(pct);
    if (size >= 50) {
        return "substantial";
    }
    if (size >= 30) {
        return "moderately important";
    }
    if (size >= 10) {
        return "minimally important";
    }
    return "too small to matter";
}

std::string percent(double share) {
    return fmt::format("{:.0f}%", 100 * share);
}

Note note(NoteKind kind) {
    return Note{kind, 0, 0, 0, 0, false, std::nullopt};
}

void after_session_notes(AfterSessions& r4, double theta, double daily_slope) {
    std::vector<Note>& notes = r4.notes;
    if (!r4.available) {
        return;
    }
    if (!r4.usual_level) {
        notes.push_back(note(NoteKind::no_usual_level));
    }
    const bool booked_high = r4.pre_session_excess && *r4.pre_session_excess >= 0.5 - 1e-9;
    if (booked_high) {
        Note n = note(NoteKind::booked_above_usual);
        n.value = *r4.pre_session_excess;
        notes.push_back(n);
    } else if (r4.pre_session_excess && *r4.pre_session_excess <= -0.5 + 1e-9) {
        notes.push_back(note(NoteKind::below_usual_before));
    }
    if (r4.nap_trend_note) {
        Note n = note(NoteKind::nap_trend);
        n.value = 7 * daily_slope;
        notes.push_back(n);
    }
    switch (r4.verdict) {
    case AfterVerdict::consistently_lower: {
        Note drop = note(NoteKind::drop_size);
        drop.value = std::fabs(*r4.effect.value);
        if (r4.effect_pct) {
            drop.pct = std::fabs(*r4.effect_pct);
        }
        notes.push_back(drop);
        if (r4.relief_days >= 1) {
            Note relief = note(NoteKind::relief_duration);
            relief.value = theta;
            relief.n = r4.relief_days;
            relief.n2 = r4.relief_from.value_or(1);
            relief.flag = r4.censored;
            notes.push_back(relief);
        }
        break;
    }
    case AfterVerdict::not_confirmed:
        notes.push_back(note(NoteKind::not_clearly_below_usual));
        if (booked_high) {
            notes.push_back(note(NoteKind::two_week_break));
        }
        break;
    case AfterVerdict::no_consistent_difference:
        notes.push_back(note(NoteKind::no_consistent_difference));
        break;
    case AfterVerdict::higher:
        notes.push_back(note(NoteKind::higher_after));
        break;
    case AfterVerdict::too_few_sessions: {
        Note few = note(NoteKind::too_few_sessions);
        few.n = std::max(1, 6 - r4.effects_counted); // usable sessions, as R8 counts (v3)
        notes.push_back(few);
        break;
    }
    }
    if (r4.carryover_possible) {
        Note n = note(NoteKind::carryover);
        n.value = r4.carryover_gap_days.value_or(0);
        notes.push_back(n);
    }
    if (r4.day_after_higher) {
        Note n = note(NoteKind::day_after_higher);
        n.value = *r4.profile[1].vs_before;
        n.n = r4.profile[1].n;
        n.flag = r4.day_after_deep;
        notes.push_back(n);
    }
    if (r4.uneven_logging) {
        Note n = note(NoteKind::uneven_logging);
        n.value = *r4.coverage_after;
        n.value2 = *r4.coverage_other;
        notes.push_back(n);
    }
}

} // namespace

std::string relief_duration_sentence(double theta, int from, int days, bool censored) {
    const std::string head =
        fmt::format("relief (at least {} below the pre-session level) lasted ", points(theta));
    const std::string start = from > 1 ? fmt::format("from day +{} ", from) : std::string();
    return head + start + (censored ? "at least " : "") + fmt::format("through day +{}", days);
}

std::string note_text(const Note& n) {
    switch (n.kind) {
    case NoteKind::not_blinded:
        return "not randomised or blinded; expectations can shape ratings";
    case NoteKind::rough_guide:
        return fmt::format("based on only {} session{} — a rough guide", n.n, n.n == 1 ? "" : "s");
    case NoteKind::trend_warning:
        return "pain was already changing before the first session; the simple difference "
               "mostly reflects that trend.";
    case NoteKind::bad_weeks:
        return "bad weeks may also prompt more bookings";
    case NoteKind::no_usual_level:
        return "fewer than 7 logged days away from sessions: no usual level to compare with";
    case NoteKind::booked_above_usual:
        return fmt::format("sessions were booked when pain was about {:.1f} above usual; some of "
                           "the drop may be pain returning to usual",
                           n.value);
    case NoteKind::below_usual_before:
        return "pain before sessions was below usual; the previous session's relief may not have "
               "worn off";
    case NoteKind::nap_trend:
        return fmt::format("pain changed by {:.1f} points a week over the window, so the overlap "
                           "of before and after days partly reflects that trend",
                           n.value);
    case NoteKind::drop_size: {
        std::string text = fmt::format("a drop of {:.1f} points", n.value);
        if (n.pct) {
            text += fmt::format(" ({:.0f}% of the pre-session level); a change this size would "
                                "count as {} if it lasted",
                                *n.pct, importance(*n.pct));
        }
        return text;
    }
    case NoteKind::relief_duration:
        return relief_duration_sentence(n.value, n.n2, n.n, n.flag);
    case NoteKind::not_clearly_below_usual:
        return "pain was lower after sessions, but not clearly below your usual level";
    case NoteKind::two_week_break:
        return "a two-week break from sessions would show your usual level";
    case NoteKind::no_consistent_difference:
        return "no consistent difference; the data are compatible with no change";
    case NoteKind::higher_after:
        return "pain was higher in the days after sessions";
    case NoteKind::too_few_sessions:
        return fmt::format("too few sessions to compare yet: {} more with pain logged on the days "
                           "before and after them",
                           n.n);
    case NoteKind::carryover:
        return fmt::format("your sessions are about {} days apart, so relief lasting longer than "
                           "3–4 days would not show here",
                           format_number(n.value));
    case NoteKind::day_after_higher:
        // What was seen; a cause (deep work) only when the sessions were deep.
        return fmt::format("pain was higher on the day after sessions ({:+.1f}, {}){}", n.value,
                           count_of(n.n, "session"),
                           n.flag ? " — soreness after deep massage is common" : "");
    case NoteKind::uneven_logging:
        return fmt::format("you logged {} of the days after sessions but {} of other days; if you "
                           "log mostly on bad days, these comparisons can mislead",
                           percent(n.value), percent(n.value2));
    }
    return "";
}

void add_wording(Report& report) {
    const AfterSessions& r4 = report.after_sessions;
    // "A rough guide" qualifies a verdict (v3): beside "too early" it says
    // nothing useful. Its weeks are those of the answer's window.
    if (r4.available && r4.verdict != AfterVerdict::too_few_sessions &&
        (r4.valid_episodes < 8 || report.answer_window.window().weeks < 12)) {
        Note rough = note(NoteKind::rough_guide);
        rough.n = r4.valid_episodes;
        report.notes.push_back(rough);
    }
    if (report.before_after.available && report.before_after.trend_warning) {
        report.notes.push_back(note(NoteKind::trend_warning));
    }
    if (report.dose.available) {
        report.notes.push_back(note(NoteKind::bad_weeks));
    }
    report.notes.push_back(note(NoteKind::not_blinded));
    after_session_notes(report.after_sessions, report.settings.relief_threshold,
                        report.answer_line.b);
}

} // namespace relief::analysis
