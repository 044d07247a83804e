#include "phrases.hpp"

#include "relief/analysis/wording.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/civil.hpp"

#include <cmath>
#include <fmt/format.h>

namespace relief::render {

using namespace relief::analysis;

std::string num(const std::optional<double>& value, int decimals, bool sign) {
    if (!value) {
        return "—";
    }
    double v = *value;
    if (std::fabs(v) < 0.5 * std::pow(10.0, -decimals)) {
        v = 0; // no "-0.00"
    }
    return sign ? fmt::format("{:+.{}f}", v, decimals) : fmt::format("{:.{}f}", v, decimals);
}

std::string lag_text(int lag) {
    return lag == 0 ? "0" : fmt::format("+{}", lag);
}

std::string ci_text(const std::optional<Interval>& ci, int decimals) {
    if (!ci) {
        return "no interval";
    }
    return fmt::format("95% CI {} to {}", num(ci->low, decimals), num(ci->high, decimals));
}

std::string estimate_text(const Estimate& e, const std::string& n_phrase, int decimals, bool sign) {
    if (!e.value) {
        return "—";
    }
    const std::string value = num(e.value, decimals, sign);
    if (!e.ci) {
        return fmt::format("{} ({})", value, n_phrase);
    }
    return fmt::format("{} ({}; {})", value, ci_text(e.ci, decimals), n_phrase);
}

std::string phrase(TrendLabel label) {
    switch (label) {
    case TrendLabel::substantial_improvement:
        return "substantial improvement";
    case TrendLabel::moderate_improvement:
        return "moderate improvement";
    case TrendLabel::minimal_improvement:
        return "minimal improvement";
    case TrendLabel::no_meaningful_change:
        return "no meaningful change";
    case TrendLabel::worse:
        return "worse";
    case TrendLabel::no_clear_change:
        return "no clear change";
    }
    return "";
}

std::string phrase(AfterVerdict verdict) {
    switch (verdict) {
    case AfterVerdict::consistently_lower:
        return "pain was consistently lower after sessions";
    case AfterVerdict::not_confirmed:
        return "pain was lower after sessions, but not clearly below your usual level";
    case AfterVerdict::no_consistent_difference:
        return "no consistent difference; the data are compatible with no change";
    case AfterVerdict::higher:
        return "pain was higher after sessions";
    case AfterVerdict::too_few_sessions:
        return "too few sessions to tell";
    }
    return "";
}

std::string phrase(DoseVerdict verdict) {
    switch (verdict) {
    case DoseVerdict::explained_by_trend:
        return "weeks with more sessions had lower pain, but the overall trend accounts for it";
    case DoseVerdict::too_few_weeks:
        return "too few weeks to say whether weeks with more sessions had lower pain";
    case DoseVerdict::lower_with_more_sessions:
        return "weeks with more sessions lined up with lower pain";
    case DoseVerdict::higher_with_more_sessions:
        return "weeks with more sessions lined up with higher pain";
    case DoseVerdict::no_clear_pattern:
        return "no clear pattern between sessions per week and pain";
    }
    return "";
}

std::string phrase(SeriesVerdict verdict, const std::string& series) {
    switch (verdict) {
    case SeriesVerdict::higher_after:
        return series + " was higher after sessions";
    case SeriesVerdict::lower_after:
        return series + " was lower after sessions";
    case SeriesVerdict::no_clear_difference:
        return "no clear difference in " + series;
    case SeriesVerdict::too_few_sessions:
        return "too few sessions to tell";
    }
    return "";
}

bool plain_note(NoteKind kind) {
    return kind != NoteKind::not_clearly_below_usual &&
           kind != NoteKind::no_consistent_difference && kind != NoteKind::higher_after &&
           kind != NoteKind::nap_trend;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

const std::vector<Term>& glossary() {
    static const std::vector<Term> k_terms = {
        {"OLS", "ordinary least squares: the straight line closest to the points", false},
        {"Newey-West",
         "an interval for a line fitted to daily values that allows for one day "
         "being like the next",
         true},
        {"segmented", "two lines joined where sessions began, so a jump at that point shows",
         false},
        {"residual", "a day's pain minus the trend line: what is left once the trend is taken out",
         false},
        {"Hodges-Lehmann",
         "the median of all pairwise averages of the per-session changes: a "
         "middle value that one odd session cannot pull far",
         true},
        {"NAP",
         "non-overlap of all pairs: the share of (day before, day after) pairs in which "
         "the day after had less pain; 0.5 means no difference, 1 means always less",
         true},
        {"Cliff's delta", "2 x NAP - 1: from -1 to +1, 0 means no difference", true},
        {"Spearman",
         "a rank correlation from -1 to +1: whether weeks with more sessions tended "
         "to have more (+) or less (-) pain",
         false},
        {"bootstrap",
         "an interval found by re-drawing the sessions (or weeks) 2000 times, in "
         "blocks, and seeing how much the number moves",
         false},
        {"SplitMix64",
         "the random number generator of the bootstrap, seeded so the same diary "
         "gives the same report",
         false},
    };
    return k_terms;
}

std::string methods_text(const Report& report, bool details) {
    if (!details) {
        // The seed is for whoever checks the numbers: --details names it.
        return "A 95% interval is the range the true figure most likely lies in; with few "
               "weeks it is likely too narrow. relief report --details shows the statistics.";
    }
    return fmt::format(
        "Methods: weekly trend by OLS on weekly means with a Student t interval; the daily line "
        "and the before/after-sessions-began fit by OLS with Newey-West intervals; the "
        "after-session effect as the Hodges-Lehmann estimate with its exact Walsh interval; "
        "NAP; circular block bootstrap intervals (2000 resamples, SplitMix64 seed {}). "
        "Intervals are likely too narrow with few weeks.",
        report.settings.seed);
}

std::string window_text(const Report& report) {
    const Window& w = report.window();
    return fmt::format("{} to {} ({}, {} days; a day starts at {:02}:{:02})",
                       format_date(w.start()), format_date(w.end), count_of(w.weeks, "week"),
                       w.days(), report.settings.day_start_minutes / 60,
                       report.settings.day_start_minutes % 60);
}

std::string cut_text(const Report& report) {
    const JournalWindow& jw = report.journal;
    if (jw.before_journal()) {
        return fmt::format("Your journal starts {}, after this window ends: there is nothing to "
                           "report for these weeks. Leave out --end, or choose a later one.",
                           format_date(*jw.journal_start));
    }
    if (!jw.cut() || !jw.journal_start) {
        return {};
    }
    return fmt::format("Your journal starts {}: {} shown of the {} asked.",
                       format_date(*jw.journal_start), count_of(jw.window.weeks, "week"),
                       jw.weeks_asked);
}

std::string coverage_text(const Report& report) {
    const Coverage& c = report.coverage;
    std::string text =
        fmt::format("{} of {} days with pain logged ({:.0f}%), {}, {}", c.days_logged,
                    report.journal.journal_days(), 100 * c.fraction,
                    count_of(c.checkins, "check-in"), count_of(c.sessions, "session"));
    if (report.settings.exclude_backfilled) {
        text += ", backfilled check-ins left out";
    } else if (c.backfilled > 0) {
        text += fmt::format(", {} backfilled", c.backfilled);
    }
    return text;
}

std::string answer_window_note(const Report& report) {
    const AnswerWindow& aw = report.answer_window;
    if (!aw.widened()) {
        return {};
    }
    return fmt::format(" (from your last {}, since {})", count_of(aw.sessions, "session"),
                       format_date(aw.window().start()));
}

std::string answer_window_sentence(const Report& report) {
    const AnswerWindow& aw = report.answer_window;
    if (!aw.widened()) {
        return {};
    }
    return fmt::format(" From your last {} ({} to {}): the weeks shown held too few to compare.",
                       count_of(aw.sessions, "session"), format_date(aw.window().start()),
                       format_date(aw.window().end));
}

std::string usual_level_text(const Report& report) {
    const auto level = report.usual_pain_level();
    return level ? fmt::format("about {:.1f}", *level) : std::string();
}

} // namespace relief::render
