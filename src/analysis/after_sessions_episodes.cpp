// R4's episodes: steps 2–3 (valid episodes and their values) and step 12
// (carry-over, uneven logging); docs/methods.md "Pain in the days after a
// session".
#include "after_sessions.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>

namespace relief::analysis::r4 {

// Steps 2–3: the valid episodes (pain on 2 of the 3 days before), their
// before-levels and lag values.
std::vector<EpisodeValues> valid_episodes(const Window& window, const DailySeries& daily,
                                          const std::vector<Episode>& episodes,
                                          const std::function<double(int)>& line,
                                          const SessionDays* session_days,
                                          const PainAfter* pain_after) {
    const int T = window.days();
    const auto y = [&](int t) -> std::optional<double> {
        return t >= 0 && t < T ? daily.pain[static_cast<std::size_t>(t)] : std::nullopt;
    };
    std::vector<EpisodeValues> valid;
    for (std::size_t k = 0; k < episodes.size(); ++k) {
        const Episode& ep = episodes[k];
        const int next_first = k + 1 < episodes.size() ? episodes[k + 1].first : T;
        EpisodeValues e;
        e.index = k;
        double r_sum = 0;
        double y_sum = 0;
        for (int t = ep.first - 3; t < ep.first; ++t) {
            if (const auto v = y(t)) {
                r_sum += *v - line(t);
                y_sum += *v;
                e.raw.before.push_back(*v);
            }
        }
        if (e.raw.before.size() < 2) {
            continue;
        }
        const auto count = static_cast<double>(e.raw.before.size());
        e.before = r_sum / count;
        e.before_raw = y_sum / count;
        if (session_days != nullptr && pain_after != nullptr) {
            const std::int64_t session_end =
                session_days->last_end_utc[static_cast<std::size_t>(ep.last)];
            if (const auto p = (*pain_after)(ep.last, session_end)) {
                e.value[0] = *p - line(ep.last);
            }
        }
        for (int lag = 1; lag < k_lags; ++lag) {
            const int u = ep.last + lag;
            if (u >= next_first || u >= T) {
                break;
            }
            if (const auto v = y(u)) {
                e.value[static_cast<std::size_t>(lag)] = *v - line(u);
                if (lag <= 3) {
                    e.raw.after.push_back(*v);
                }
            }
        }
        valid.push_back(std::move(e));
    }
    return valid;
}

// Step 12: more than half of the valid episodes start at most 7 days after
// the episode before them; the median of those gaps, for the note.
void carryover(AfterSessions& r4, const std::vector<Episode>& episodes,
               const std::vector<EpisodeValues>& valid) {
    std::vector<double> gaps;
    int close = 0;
    for (const EpisodeValues& e : valid) {
        if (e.index == 0) {
            continue;
        }
        const int gap = episodes[e.index].first - episodes[e.index - 1].last;
        gaps.push_back(gap);
        close += gap <= 7 ? 1 : 0;
    }
    r4.carryover_possible = 2 * close > static_cast<int>(valid.size());
    if (!gaps.empty()) {
        r4.carryover_gap_days = median(gaps);
    }
}

// Step 12: the share of the used lag 1–3 days (all episodes) with pain
// logged, against that of the journal days away from every episode.
void uneven_logging(AfterSessions& r4, const JournalWindow& jw, const DailySeries& daily,
                    const std::vector<Episode>& episodes) {
    const int T = jw.window.days();
    const auto logged = [&](int t) { return daily.pain[static_cast<std::size_t>(t)].has_value(); };
    int after_days = 0;
    int after_logged = 0;
    for (std::size_t k = 0; k < episodes.size(); ++k) {
        const int next_first = k + 1 < episodes.size() ? episodes[k + 1].first : T;
        for (int lag = 1; lag <= 3; ++lag) {
            const int u = episodes[k].last + lag;
            if (u >= next_first || u >= T) {
                break;
            }
            ++after_days;
            after_logged += logged(u) ? 1 : 0;
        }
    }
    int other_days = 0;
    int other_logged = 0;
    for (int t = jw.first_journal_index; t < T; ++t) {
        const bool near = std::any_of(episodes.begin(), episodes.end(), [&](const Episode& ep) {
            return t >= ep.first && t <= ep.last + 3;
        });
        if (!near) {
            ++other_days;
            other_logged += logged(t) ? 1 : 0;
        }
    }
    if (after_days < 7 || other_days < 7) {
        return;
    }
    r4.coverage_after = static_cast<double>(after_logged) / after_days;
    r4.coverage_other = static_cast<double>(other_logged) / other_days;
    r4.uneven_logging = greater_equal(*r4.coverage_after - *r4.coverage_other, 0.2);
}

} // namespace relief::analysis::r4
