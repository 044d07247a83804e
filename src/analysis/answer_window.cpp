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

AnswerWindowSearch::AnswerWindowSearch(const Settings& settings,
                                       std::optional<DayNumber> journal_start) {
    const JournalWindow asked = journal_window(settings.window, journal_start);
    m_end = asked.window.end;
    m_weeks = asked.window.weeks;
    m_max_weeks = answer_max_weeks(asked);
    m_exclude_backfilled = settings.exclude_backfilled;
    m_pain.assign(static_cast<std::size_t>(7 * m_max_weeks), 0);
}

void AnswerWindowSearch::add(const std::vector<CheckinInput>& checkins) {
    const Window widest{m_end, m_max_weeks};
    for (const CheckinInput& c : checkins) {
        if (c.pain && widest.contains(c.day) && !(m_exclude_backfilled && c.backfilled)) {
            m_pain[static_cast<std::size_t>(widest.index(c.day))] = 1;
        }
    }
}

int AnswerWindowSearch::usable(const std::vector<SessionInput>& sessions) const {
    // Only which days have pain matters here, not how much.
    const Window current = window();
    DailySeries logged;
    logged.pain.resize(static_cast<std::size_t>(current.days()));
    const std::size_t offset = m_pain.size() - logged.pain.size();
    for (std::size_t t = 0; t < logged.pain.size(); ++t) {
        if (m_pain[offset + t] != 0) {
            logged.pain[t] = 0.0;
        }
    }
    return count_comparable(current, logged, sessions).usable;
}

bool AnswerWindowSearch::done(const std::vector<SessionInput>& sessions) const {
    return m_weeks >= m_max_weeks || usable(sessions) >= k_sessions_wanted;
}

} // namespace relief::analysis
