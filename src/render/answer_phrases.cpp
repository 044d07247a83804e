// The answer in plain words (docs/methods.md R8, §4): "In short" and what to
// keep in mind, shared by the text, Markdown and HTML reports.
#include "phrases.hpp"
#include "relief/analysis/wording.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/civil.hpp"

#include <cmath>
#include <fmt/format.h>

namespace relief::render {

using namespace relief::analysis;
namespace {

std::string one_decimal(double v) {
    return fmt::format("{:.1f}", v);
}

std::string days_word(double days) {
    return format_number(std::round(days * 10) / 10) + (days == 1 ? " day" : " days");
}

// "Right after a session you went from 6.1 to 3.2 on average (7 sessions)."
std::string right_after_sentence(const Report& r) {
    const RightAfter& r7 = r.right_after;
    if (r7.pairs.empty()) {
        return {};
    }
    if (!r7.available) {
        std::vector<std::string> moves;
        for (const RightAfterPair& p : r7.pairs) {
            moves.push_back(fmt::format("from {} to {}", p.before,
                                        format_number(std::round(p.after * 10) / 10)));
        }
        return fmt::format(" Right after your {} you went {}.",
                           r7.pairs.size() == 1 ? std::string("session")
                                                : count_of(r7.sessions, "session"),
                           join(moves, " and "));
    }
    return fmt::format(" Right after a session you went from {} to {} on average, lower after {} "
                       "of {} (that is how it felt right away, not how long it lasted).",
                       one_decimal(*r7.before_mean), one_decimal(*r7.after_mean), r7.sessions_lower,
                       count_of(r7.sessions, "session"));
}

// R8 v3 "why some were not compared": "9 of your 11 sessions could be
// compared (1 came too soon after another; …)." — or "" when all were.
std::string compared_sentence(const Report& r) {
    const Answer& a = r.answer;
    const NotCompared& why = a.not_compared;
    if (a.sessions == 0 || a.sessions_counted == a.sessions) {
        return {};
    }
    const auto it_them = [](int n) { return n == 1 ? "it" : "them"; };
    std::vector<std::string> reasons;
    if (why.same_episode > 0) {
        reasons.push_back(fmt::format("{} came within 3 days of the one before", why.same_episode));
    }
    if (why.days_before_missing > 0) {
        reasons.push_back(fmt::format("{} had pain logged on fewer than 2 of the 3 days before {}",
                                      why.days_before_missing, it_them(why.days_before_missing)));
    }
    if (why.days_after_missing > 0) {
        reasons.push_back(fmt::format("{} had no pain logged on the 3 days after {}",
                                      why.days_after_missing, it_them(why.days_after_missing)));
    }
    const std::string counted =
        a.sessions_counted == 0 ? "none" : std::to_string(a.sessions_counted);
    return fmt::format(" {} of your {} could be compared ({}).", capitalised(counted),
                       count_of(a.sessions, "session"), join(reasons, "; "));
}

std::string does_it_help(const Report& r) {
    const Answer& a = r.answer;
    const std::string compared = compared_sentence(r);
    const AfterSessions& r4 = r.after_sessions;
    const std::string after = compared + right_after_sentence(r);
    const auto drop = [&] {
        return fmt::format("about {} point{}{}", one_decimal(std::fabs(*a.effect_points)),
                           std::fabs(*a.effect_points) == 1 ? "" : "s",
                           a.effect_pct ? fmt::format(" ({:.0f}%)", std::fabs(*a.effect_pct)) : "");
    };
    switch (a.helps) {
    case Helps::lower_after:
        return fmt::format(
                   "Pain was lower after sessions: {} lower on the 3 days after than on the "
                   "3 days before, after {} of {}.",
                   drop(), *a.sessions_lower, count_of(a.sessions_counted, "session")) +
               after;
    case Helps::lower_but_unclear: {
        std::string text = fmt::format("Pain was lower after sessions ({}), but not clearly below "
                                       "your usual level",
                                       drop());
        if (r4.pre_session_excess && *r4.pre_session_excess >= 0.5 - 1e-9) {
            text += fmt::format(": you tended to book on bad days (about {} above your usual "
                                "level), so part of the drop may be pain returning to normal by "
                                "itself. A two-week break from sessions would show your usual "
                                "level.",
                                one_decimal(*r4.pre_session_excess));
        } else {
            text += ".";
        }
        return text + after;
    }
    case Helps::no_clear_difference: {
        std::string text = fmt::format("No clear difference: pain on the 3 days after was lower "
                                       "than before after {} of {}, but the change was too small "
                                       "or too uneven to tell apart from your day-to-day ups and "
                                       "downs.",
                                       *a.sessions_lower, count_of(a.sessions_counted, "session"));
        if (r4.effect.ci) {
            const double miss =
                std::max(std::fabs(r4.effect.ci->low), std::fabs(r4.effect.ci->high));
            text += fmt::format(" That does not mean it does nothing: a change smaller than about "
                                "{} point{} could be missed.",
                                one_decimal(miss), one_decimal(miss) == "1.0" ? "" : "s");
        }
        return text + after;
    }
    case Helps::higher_after:
        return fmt::format("Pain was higher after sessions: {} higher on the 3 days after than "
                           "on the 3 days before (lower after only {} of {}).",
                           drop(), *a.sessions_lower, count_of(a.sessions_counted, "session")) +
               after;
    case Helps::too_close_to_tell:
        return fmt::format("Can't tell yet: your sessions are only about {} apart, so the days "
                           "before a session are still the days after the previous one. A "
                           "two-week break, or a planned trial, would tell.",
                           days_word(r4.carryover_gap_days.value_or(0))) +
               after;
    case Helps::too_early:
        if (a.more_days_needed) {
            return fmt::format("Too early to tell: log your pain on {} more and the report can "
                               "start to compare.",
                               count_of(*a.more_days_needed, "day")) +
                   after;
        }
        return fmt::format("Too early to tell: log {} more {} (with pain logged on the days "
                           "before and after them) and the report can compare before and after.",
                           *a.more_sessions_needed,
                           *a.more_sessions_needed == 1 ? "session" : "sessions") +
               after;
    }
    return "";
}

std::string how_long(const Report& r) {
    const Answer& a = r.answer;
    const double theta = r.settings.relief_threshold;
    if (a.helps != Helps::lower_after) {
        switch (a.helps) {
        case Helps::too_close_to_tell:
            return "No relief to time while sessions are this close together.";
        case Helps::too_early:
            return "No relief to time yet.";
        default:
            return "No relief to time: pain was not clearly lower after sessions.";
        }
    }
    if (a.relief_days == 0) {
        return fmt::format("No single day stayed {} lower than before the session: the drop was "
                           "smaller or shorter than that.",
                           points(theta));
    }
    std::string text = fmt::format(
        "Relief (pain at least {} below the level before the session) lasted {}{}through day {}",
        points(theta),
        a.relief_from && *a.relief_from > 1 ? fmt::format("from day {} ", *a.relief_from) : "",
        a.relief_censored ? "at least " : "", a.relief_days);
    text += a.relief_days_ci
                ? fmt::format(" (95% CI day {} to {}; {}).",
                              format_number(std::round(a.relief_days_ci->low * 10) / 10),
                              format_number(std::round(a.relief_days_ci->high * 10) / 10),
                              count_of(r.after_sessions.valid_episodes, "session"))
                : ".";
    if (a.relief_censored) {
        text +=
            " The diary cannot see further: the next session, or the end of the diary, came first.";
    } else if (const std::string usual = usual_level_text(r); !usual.empty()) {
        text += fmt::format(" By day {} your pain was back near its usual level ({}).",
                            a.relief_days + 1, usual);
    }
    return text;
}

std::string how_often(const Report& r) {
    const Answer& a = r.answer;
    if (a.sessions == 0) {
        return "No sessions in these weeks.";
    }
    if (!a.median_gap_days) {
        return fmt::format("{} in these weeks; the gap between sessions needs two.",
                           count_of(a.sessions, "session"));
    }
    const double gap = *a.median_gap_days;
    std::string text = fmt::format("You went about every {} ({} in {}).", days_word(gap),
                                   count_of(a.sessions, "session"),
                                   count_of(r.answer_window.window().weeks, "week"));
    if (a.relief_day_share) {
        const long every = std::lround(gap);
        const long relieved = std::lround(*a.relief_day_share * static_cast<double>(every));
        text +=
            fmt::format(" About {:.0f}% of the days from your first session on were relief "
                        "days (about {} of every {}).",
                        100 * *a.relief_day_share, relieved, days_word(static_cast<double>(every)));
    }
    text += " Whether going more often would help is something a diary cannot tell; a planned "
            "trial can.";
    return text;
}

std::string overall(const Report& r) {
    const Trend& t = r.trend;
    const std::string weeks = count_of(r.window().weeks, "week");
    if (!t.available) {
        return fmt::format("Not enough days yet for a trend ({} of the 14 days with pain it "
                           "needs, over 3 weeks or more).",
                           r.coverage.days_logged);
    }
    if (t.label) {
        const std::string moved =
            fmt::format("{} -> {}", one_decimal(*t.first14), one_decimal(*t.last14));
        switch (*t.label) {
        case TrendLabel::substantial_improvement:
            return fmt::format(
                "Your pain went down a lot over the {} ({}, first to last two weeks).", weeks,
                moved);
        case TrendLabel::moderate_improvement:
            return fmt::format(
                "Your pain went down clearly over the {} ({}, first to last two weeks).", weeks,
                moved);
        case TrendLabel::minimal_improvement:
            return fmt::format(
                "Your pain went down a little over the {} ({}, first to last two weeks).", weeks,
                moved);
        case TrendLabel::no_meaningful_change:
            return fmt::format("Your pain stayed about the same over the {} ({}).", weeks, moved);
        case TrendLabel::worse:
            return fmt::format("Your pain went up over the {} ({}, first to last two weeks).",
                               weeks, moved);
        case TrendLabel::no_clear_change:
            return fmt::format(
                "Your pain went from {} in the first two weeks to {} in the last two, "
                "but week to week it moved too much to call that a change.",
                one_decimal(*t.first14), one_decimal(*t.last14));
        }
    }
    if (t.slope_per_week) {
        return fmt::format("Your weekly average pain changed by {} points a week ({}; {}).",
                           num(t.slope_per_week, 2, true), t.exact_fit ? "exactly" : ci_text(t.ci),
                           count_of(t.valid_weeks, "week"));
    }
    return "Not enough weeks with 4 days logged yet for a weekly trend.";
}

// The one limitation that matters most for this journal (§4, v3 order):
// sessions booked when pain was high, carry-over, uneven logging, soreness
// the day after. One the answer's own line already says is not repeated.
std::optional<NoteKind> main_caveat(const AfterSessions& r4, Helps helps) {
    if (!r4.available) {
        return std::nullopt;
    }
    const bool booked_high = r4.pre_session_excess && *r4.pre_session_excess >= 0.5 - 1e-9;
    if (booked_high && helps != Helps::lower_but_unclear) {
        return NoteKind::booked_above_usual;
    }
    if (r4.carryover_possible && helps != Helps::too_close_to_tell) {
        return NoteKind::carryover;
    }
    if (r4.uneven_logging) {
        return NoteKind::uneven_logging;
    }
    if (r4.day_after_higher) {
        return NoteKind::day_after_higher;
    }
    return std::nullopt;
}

} // namespace

std::string answer_title(const Report& r) {
    const AnswerWindow& aw = r.answer_window;
    if (aw.widened()) {
        // §1: the answer reached back further than the weeks shown.
        return fmt::format("In short (from your last {}, since {}; the weeks below are the last "
                           "{})",
                           count_of(aw.sessions, "session"), format_date(aw.window().start()),
                           r.window().weeks);
    }
    return fmt::format("In short ({}, {})", count_of(r.window().weeks, "week"),
                       count_of(aw.sessions, "session"));
}

std::vector<AnswerLine> answer_lines(const Report& r) {
    std::vector<AnswerLine> lines;
    lines.push_back({"Does massage help?", does_it_help(r)});
    if (!r.enough_data) {
        std::vector<std::string> days;
        for (int t = 0; t < r.window().days(); ++t) {
            if (const auto& y = r.daily.pain[static_cast<std::size_t>(t)]) {
                const DayNumber d = r.window().start() + t;
                days.push_back(fmt::format("{} on {} {}", format_number(std::round(*y * 10) / 10),
                                           weekday_name(d), format_date(d).substr(5)));
            }
        }
        lines.push_back({"So far", days.empty() ? std::string("No pain logged in these weeks yet.")
                                                : "Pain " + join(days, ", ") + "."});
        lines.push_back({"Next", fmt::format("{} more of pain logged until the first trend (it "
                                             "needs 14, over 3 weeks or more).",
                                             count_of(14 - r.coverage.days_logged, "day"))});
        return lines;
    }
    lines.push_back({"How long?", how_long(r)});
    lines.push_back({"How often?", how_often(r)});
    lines.push_back({"Overall", overall(r)});
    return lines;
}

std::vector<std::string> answer_caveats(const Report& r) {
    std::vector<std::string> out;
    out.emplace_back("This is your own diary, not a trial: it shows what lined up, not what "
                     "caused it. " +
                     capitalised(note_text(Note{NoteKind::not_blinded, 0, 0, 0, 0, false, {}})) +
                     ".");
    const AfterSessions& r4 = r.after_sessions;
    if (const auto kind = main_caveat(r4, r.answer.helps)) {
        for (const Note& n : r4.notes) {
            if (n.kind == *kind) {
                out.push_back(capitalised(note_text(n)) + ".");
            }
        }
    }
    for (const Note& n : r.notes) {
        if (n.kind == NoteKind::rough_guide) {
            out.push_back(capitalised(note_text(n)) + ".");
        }
    }
    return out;
}

} // namespace relief::render
