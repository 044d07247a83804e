// Assembles the report (docs/methods.md): the window from the journal's
// first day, R0 coverage, R1 weeks, then R2–R8 (sections.hpp) and the notes
// of the wording rules (wording.cpp).
#include "answer_window.hpp"
#include "relief/analysis/bootstrap.hpp"
#include "sections.hpp"
#include "wording.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <future>

namespace relief::analysis {
namespace {

std::optional<double> mean_if(const std::vector<std::optional<double>>& values, int from, int count,
                              int needed) {
    double sum = 0;
    int n = 0;
    for (int t = from; t < from + count; ++t) {
        if (const auto& v = values[static_cast<std::size_t>(t)]) {
            sum += *v;
            ++n;
        }
    }
    return n >= needed ? std::optional<double>(sum / n) : std::nullopt;
}

// R1: one row a week; a mean needs 4 days with that value.
std::vector<WeekRow> weekly_rows(const JournalWindow& jw, const DailySeries& daily,
                                 const std::vector<SessionInput>& sessions) {
    const Window& window = jw.window;
    std::vector<WeekRow> weeks(static_cast<std::size_t>(window.weeks));
    for (int w = 0; w < window.weeks; ++w) {
        WeekRow& row = weeks[static_cast<std::size_t>(w)];
        const int from = 7 * w;
        row.start = window.start() + from;
        row.journal_days = std::clamp(from + 7 - jw.first_journal_index, 0, 7);
        for (int t = from; t < from + 7; ++t) {
            row.days_logged += daily.pain[static_cast<std::size_t>(t)] ? 1 : 0;
        }
        row.pain = mean_if(daily.pain, from, 7, 4);
        row.mood = mean_if(daily.mood, from, 7, 4);
        row.sleep_hours = mean_if(daily.sleep, from, 7, 4);
        row.sleep_quality = mean_if(daily.quality, from, 7, 4);
    }
    for (const SessionInput& s : sessions) {
        if (window.contains(s.day)) {
            WeekRow& row = weeks[static_cast<std::size_t>(window.index(s.day) / 7)];
            ++row.sessions;
            row.massage_minutes += s.minutes;
        }
    }
    return weeks;
}

} // namespace

SessionDays session_days_of(const Window& window, const std::vector<SessionInput>& sessions) {
    SessionDays out;
    out.last_end_utc.assign(static_cast<std::size_t>(window.days()), 0);
    out.sessions_on.assign(static_cast<std::size_t>(window.days()), 0);
    out.deep_on.assign(static_cast<std::size_t>(window.days()), 0);
    // The last session of a day is the one that started last (ties: ends later).
    std::vector<std::pair<std::int64_t, std::int64_t>> last(static_cast<std::size_t>(window.days()),
                                                            {INT64_MIN, INT64_MIN});
    for (const SessionInput& s : sessions) {
        if (!window.contains(s.day)) {
            continue;
        }
        const auto t = static_cast<std::size_t>(window.index(s.day));
        out.days.push_back(static_cast<int>(t));
        last[t] = std::max(last[t], std::pair{s.start_utc, s.end_utc});
        out.last_end_utc[t] = last[t].second;
        ++out.sessions_on[t];
        out.deep_on[t] += s.kind.find("deep") != std::string::npos ? 1 : 0;
    }
    std::sort(out.days.begin(), out.days.end());
    out.days.erase(std::unique(out.days.begin(), out.days.end()), out.days.end());
    return out;
}

namespace {

template <class Section> Section unavailable(const std::string& reason) {
    Section s;
    s.available = false;
    s.reason = reason;
    return s;
}

std::vector<SessionRow> session_rows(const Window& window, const DailySeries& daily,
                                     const std::vector<SessionInput>& sessions) {
    std::vector<SessionRow> rows;
    for (const SessionInput& s : sessions) {
        if (!window.contains(s.day)) {
            continue;
        }
        SessionRow row{s.day, s.start_utc, s.kind, s.minutes, s.therapist, s.pain_before, {}};
        for (int k = 0; k < 4; ++k) {
            const int t = window.index(s.day) + k;
            if (t < window.days()) {
                row.pain[static_cast<std::size_t>(k)] = daily.pain[static_cast<std::size_t>(t)];
            }
        }
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const SessionRow& a, const SessionRow& b) {
        return std::pair(a.day, a.start_utc) < std::pair(b.day, b.start_utc);
    });
    return rows;
}

Coverage coverage_of(const JournalWindow& jw, const std::vector<int>& observed,
                     const std::vector<CheckinInput>& checkins,
                     const std::vector<SessionInput>& sessions, std::size_t episodes) {
    const Window& window = jw.window;
    const auto in_window = [&](const auto& r) { return window.contains(r.day); };
    Coverage cov;
    cov.days_logged = static_cast<int>(observed.size());
    const int D = jw.journal_days();
    cov.fraction = D > 0 ? static_cast<double>(observed.size()) / D : 0.0;
    cov.checkins = static_cast<int>(std::count_if(checkins.begin(), checkins.end(), in_window));
    cov.backfilled =
        static_cast<int>(std::count_if(checkins.begin(), checkins.end(), [&](const auto& c) {
            return c.backfilled && in_window(c);
        }));
    cov.sessions = static_cast<int>(std::count_if(sessions.begin(), sessions.end(), in_window));
    cov.episodes = static_cast<int>(episodes);
    return cov;
}

// R2, R3 and R5: on the window asked for, when R0 has its 7 days.
void compute_window_sections(Report& report, const Settings& settings,
                             const std::vector<SessionInput>& sessions,
                             const std::vector<int>& observed, const SessionDays& session_days) {
    const JournalWindow& jw = report.journal;
    report.trend = compute_trend(jw, report.daily, observed, report.weeks);
    report.before_after = compute_before_after(jw.window, report.daily, observed, sessions);
    report.dose = report.trend.available
                      ? compute_dose(settings, jw, report.weeks, sessions, session_days)
                      : unavailable<Dose>("needs the trend (R2)");
}

// R4 and R6: on the answer's window, when it has 7 days of pain.
void compute_answer_sections(Report& report, const Settings& settings,
                             const std::vector<CheckinInput>& checkins,
                             const std::vector<int>& observed, const SessionDays& session_days,
                             const std::vector<Episode>& episodes) {
    const AnswerWindow& aw = report.answer_window;
    const Window& window = aw.window();
    const DailySeries& daily = aw.daily;
    // Lag 0 (R4 step 3): pain of the check-ins of day t made after a moment.
    const PainAfter pain_after = [&](int t, std::int64_t after_utc) -> std::optional<double> {
        double sum = 0;
        int n = 0;
        for (const CheckinInput& c : checkins) {
            if (c.pain && window.index(c.day) == t && c.at_utc >= after_utc) {
                sum += *c.pain;
                ++n;
            }
        }
        return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
    };
    // R6 needs only the episodes: start it now, beside R4, and keep it only
    // if R4 turns out to be available (R6).
    auto sleep_mood = std::async(launch_for(episodes.size()), [&] {
        return compute_sleep_mood(settings, window, daily, episodes);
    });
    report.after_sessions = compute_after_sessions(settings, aw.journal, daily, observed,
                                                   report.answer_line, session_days, pain_after);
    SleepMood r6 = sleep_mood.get();
    if (report.after_sessions.available) {
        report.sleep_mood = std::move(r6);
        return;
    }
    // R6 compares the sessions R4 compares: without those, nothing to say.
    report.sleep_mood = unavailable<SleepMood>("compared once After sessions has enough sessions");
    const auto off = [&](const SeriesEffect& computed) {
        SeriesEffect s = unavailable<SeriesEffect>(report.sleep_mood.reason);
        s.days_logged = computed.days_logged;
        return s;
    };
    report.sleep_mood.mood = off(r6.mood);
    report.sleep_mood.sleep_hours = off(r6.sleep_hours);
    report.sleep_mood.sleep_quality = off(r6.sleep_quality);
}

std::string not_enough_days(std::size_t days) {
    return fmt::format("Not enough data yet ({} of 7 days)", days);
}

// §1 "The answer's window": its weeks (searched up to what the input
// covers), its series and what it counts of its sessions.
void fill_answer_window(Report& report, const AnswerWindowSearch& search,
                        std::vector<CheckinInput>& checkins,
                        const std::vector<SessionInput>& sessions) {
    const JournalWindow& asked = report.journal;
    AnswerWindow& aw = report.answer_window;
    aw.journal = journal_window(Window{asked.window.end, search.weeks()}, asked.journal_start);
    aw.report_weeks = asked.window.weeks;
    aw.max_weeks = search.max_weeks();
    std::erase_if(checkins, [&](const CheckinInput& c) { return !aw.window().contains(c.day); });
    aw.daily = daily_series(aw.window(), checkins);
    const Comparable counted = count_comparable(aw.window(), aw.daily, sessions);
    aw.sessions = counted.sessions;
    aw.episodes = counted.episodes;
    aw.valid_episodes = counted.valid;
    aw.usable_sessions = counted.usable;
}

} // namespace

JournalWindow journal_window(const Window& asked, std::optional<DayNumber> journal_start) {
    JournalWindow jw;
    jw.window = asked;
    jw.weeks_asked = asked.weeks;
    jw.journal_start = journal_start;
    if (!journal_start) {
        return jw;
    }
    const DayNumber J = *journal_start;
    if (J > asked.end) {
        jw.first_journal_index = asked.days(); // nothing of the window is journal
    } else if (J > asked.start()) {
        // Cut to whole weeks: N' = ceil((E − J + 1) / 7).
        jw.window.weeks = (asked.end - J + 1 + 6) / 7;
        jw.first_journal_index = J - jw.window.start();
    }
    return jw;
}

std::optional<double> Report::usual_pain_level() const {
    if (!after_sessions.usual_level || !answer_line.available) {
        return std::nullopt;
    }
    return *after_sessions.usual_level + answer_line.a +
           answer_line.b * (answer_window.window().days() - 1);
}

Report build_report(const Settings& settings, ReportInput input) {
    Report report;
    report.settings = settings;
    report.journal = journal_window(settings.window, input.journal_start);
    const Window& window = report.journal.window;

    // Filtered in place: a copy of a dense window's check-ins cost a tenth of
    // the report in fresh pages.
    std::vector<CheckinInput>& checkins = input.checkins;
    std::erase_if(checkins, [&](const CheckinInput& c) {
        return c.day > window.end || (settings.exclude_backfilled && c.backfilled);
    });
    AnswerWindowSearch search(settings, input.journal_start);
    search.add(checkins);
    const int covered = input.weeks_read > 0 ? input.weeks_read : search.max_weeks();
    while (search.weeks() < covered && !search.done(input.sessions)) {
        search.widen();
    }
    fill_answer_window(report, search, checkins, input.sessions);
    const AnswerWindow& aw = report.answer_window;

    // The window asked for: R0, R1, R2, R3, R5 (its series ends on E too).
    report.daily = aw.daily.last_days(window.days());
    const std::vector<int> observed = report.daily.observed();
    const SessionDays session_days = session_days_of(window, input.sessions);
    report.coverage = coverage_of(report.journal, observed, checkins, input.sessions,
                                  find_episodes(session_days.days).size());
    report.weeks = weekly_rows(report.journal, report.daily, input.sessions);
    report.enough_data = observed.size() >= 7;
    if (report.enough_data) {
        compute_window_sections(report, settings, input.sessions, observed, session_days);
    } else {
        const std::string reason = not_enough_days(observed.size());
        report.trend = unavailable<Trend>(reason);
        report.before_after = unavailable<BeforeAfter>(reason);
        report.dose = unavailable<Dose>(reason);
    }

    // The answer's window: R4, R6, R7 and R8, on R2's daily line redone there.
    const std::vector<int> answer_observed = aw.daily.observed();
    const SessionDays answer_days = session_days_of(aw.window(), input.sessions);
    report.sessions = session_rows(aw.window(), aw.daily, input.sessions);
    report.answer_window.days_logged = static_cast<int>(answer_observed.size());
    if (!aw.widened()) {
        report.answer_line = report.trend;
    } else if (answer_observed.size() >= 7) {
        report.answer_line = compute_trend(aw.journal, aw.daily, answer_observed,
                                           weekly_rows(aw.journal, aw.daily, input.sessions));
    }
    if (answer_observed.size() >= 7) {
        compute_answer_sections(report, settings, checkins, answer_observed, answer_days,
                                find_episodes(answer_days.days));
    } else {
        const std::string reason = not_enough_days(answer_observed.size());
        report.after_sessions = unavailable<AfterSessions>(reason);
        report.after_sessions.valid_episodes = aw.valid_episodes;
        report.sleep_mood = unavailable<SleepMood>(reason);
    }
    report.right_after = compute_right_after(aw.window(), checkins, input.sessions);
    report.answer = compute_answer(report, answer_days);
    add_wording(report);
    return report;
}

} // namespace relief::analysis
