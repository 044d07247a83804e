// §1 "The answer's window" (docs/methods.md): a person who goes every 9–14
// days has 4–6 sessions in 8 weeks, so the answer and the sections it rests
// on (R4, R6, R7, R8) take as many whole weeks before the window asked for as
// it needs to hold 8 usable sessions, up to the journal's start and 52 weeks.
#include "answer_window.hpp"

#include "after_sessions.hpp"

#include <algorithm>

namespace relief::analysis {

Comparable count_comparable(const Window& window, const DailySeries& daily,
                            const std::vector<SessionInput>& sessions) {
    Comparable c;
    std::vector<int> days;
    for (const SessionInput& s : sessions) {
        if (window.contains(s.day)) {
            ++c.sessions;
            days.push_back(window.index(s.day));
        }
    }
    const std::vector<Episode> episodes = find_episodes(std::move(days));
    c.episodes = static_cast<int>(episodes.size());
    // R4 steps 2–3 themselves, with no daily line: which episodes are valid,
    // and which of those have pain on one of lags 1–3 (e_k defined).
    const std::vector<r4::EpisodeValues> valid = r4::valid_episodes(
        window, daily, episodes, [](int) { return 0.0; }, nullptr, nullptr);
    c.valid = static_cast<int>(valid.size());
    c.usable = static_cast<int>(std::count_if(
        valid.begin(), valid.end(), [](const auto& e) { return e.mean_after().has_value(); }));
    return c;
}

int answer_max_weeks(const JournalWindow& asked) {
    const int weeks = asked.window.weeks; // N'
    if (!asked.journal_start || *asked.journal_start > asked.window.end) {
        return weeks;
    }
    const int to_journal = (asked.window.end - *asked.journal_start + 1 + 6) / 7;
    return std::max(weeks, std::min(k_answer_max_weeks, to_journal));
}

AnswerSearch search_answer_window(const JournalWindow& asked, const DailySeries& wide,
                                  int wide_weeks, const std::vector<SessionInput>& sessions) {
    const int max_weeks = answer_max_weeks(asked);
    AnswerSearch found;
    for (int weeks = asked.window.weeks; weeks <= std::min(max_weeks, wide_weeks); ++weeks) {
        const Window window{asked.window.end, weeks};
        found = {weeks, count_comparable(window, wide.last_days(window.days()), sessions).usable};
        if (found.usable_sessions >= k_sessions_wanted) {
            return found;
        }
    }
    return found; // none held 8: N_max (the last one tried)
}

int answer_reach(const Settings& settings, const ReportInput& input) {
    const JournalWindow asked = journal_window(settings.window, input.journal_start);
    const int max_weeks = answer_max_weeks(asked);
    if (max_weeks == asked.window.weeks) {
        return max_weeks;
    }
    // Only which days have pain matters here, not how much.
    DailySeries logged;
    logged.pain.assign(static_cast<std::size_t>(asked.window.days()), std::nullopt);
    for (const CheckinInput& c : input.checkins) {
        if (c.pain && asked.window.contains(c.day) &&
            !(settings.exclude_backfilled && c.backfilled)) {
            logged.pain[static_cast<std::size_t>(asked.window.index(c.day))] = 0.0;
        }
    }
    const Comparable c = count_comparable(asked.window, logged, input.sessions);
    return c.usable >= k_sessions_wanted ? asked.window.weeks : max_weeks;
}

} // namespace relief::analysis
