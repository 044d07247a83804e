// R8: the answer to the person's three questions, from the sections above
// with nothing new estimated (docs/methods.md "The answer").
#include "sections.hpp"

#include <algorithm>
#include <set>

namespace relief::analysis {
namespace {

Helps helps_of(const AfterSessions& r4) {
    if (!r4.available) {
        return Helps::too_early;
    }
    switch (r4.verdict) {
    case AfterVerdict::consistently_lower:
        return Helps::lower_after;
    case AfterVerdict::not_confirmed:
        return Helps::lower_but_unclear;
    case AfterVerdict::no_consistent_difference:
        return r4.carryover_possible ? Helps::too_close_to_tell : Helps::no_clear_difference;
    case AfterVerdict::higher:
        return r4.carryover_possible ? Helps::too_close_to_tell : Helps::higher_after;
    case AfterVerdict::too_few_sessions:
        return Helps::too_early;
    }
    return Helps::too_early;
}

// The share of days from the first session on that fall in relief: the
// union of l_k + from … l_k + R over all episodes.
std::optional<double> relief_day_share(const Window& window, const std::vector<Episode>& episodes,
                                       int from, int days) {
    if (episodes.empty()) {
        return std::nullopt;
    }
    const int T = window.days();
    const int f1 = episodes.front().first;
    std::set<int> relief;
    for (const Episode& ep : episodes) {
        for (int t = ep.last + from; t <= ep.last + days; ++t) {
            if (t >= f1 && t < T) {
                relief.insert(t);
            }
        }
    }
    return static_cast<double>(relief.size()) / (T - f1);
}

} // namespace

Answer compute_answer(const Report& report, const SessionDays& session_days) {
    const AfterSessions& r4 = report.after_sessions;
    const AnswerWindow& aw = report.answer_window;
    Answer answer;
    answer.helps = helps_of(r4);
    // v3: one count, always, with why the other sessions were not compared.
    answer.sessions_counted = aw.usable_sessions;
    answer.not_compared = aw.not_compared();
    if (r4.available && r4.effect.value) {
        answer.effect_points = r4.effect.value;
        answer.effect_pct = r4.effect_pct;
        answer.sessions_lower = r4.effects_lower;
    }
    if (answer.helps == Helps::too_early) {
        if (aw.days_logged < 7) {
            answer.more_days_needed = 7 - aw.days_logged;
        } else {
            answer.more_sessions_needed = std::max(1, 6 - aw.usable_sessions);
        }
    }
    if (answer.helps == Helps::lower_after) {
        answer.has_relief_days = true;
        answer.relief_days = r4.relief_days;
        answer.relief_days_ci = r4.relief_days_ci;
        answer.relief_censored = r4.censored;
        answer.relief_from = r4.relief_from;
    }
    const std::vector<int>& days = session_days.days;
    if (days.size() >= 2) {
        std::vector<double> gaps;
        for (std::size_t i = 1; i < days.size(); ++i) {
            gaps.push_back(days[i] - days[i - 1]);
        }
        answer.median_gap_days = median(gaps);
    }
    answer.sessions = aw.sessions;
    if (answer.helps == Helps::lower_after && r4.relief_days >= 1 && r4.relief_from) {
        answer.relief_day_share =
            relief_day_share(aw.window(), find_episodes(days), *r4.relief_from, r4.relief_days);
    }
    if (report.trend.available) {
        answer.trend_label = report.trend.label;
    }
    return answer;
}

} // namespace relief::analysis
