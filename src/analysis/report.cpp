// Assembles the report: R0 coverage, R1 weeks, then R2–R6 (sections.hpp)
// and the wording notes of analysis.md §4 (wording.cpp).
#include <algorithm>
#include <fmt/format.h>
#include <future>

#include "relief/analysis/bootstrap.hpp"
#include "sections.hpp"
#include "wording.hpp"

namespace relief::analysis {
namespace {

std::optional<double> mean_if(const std::vector<std::optional<double>>& values, int from,
                              int count, int needed) {
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

std::vector<WeekRow> weekly_rows(const Settings& settings, const DailySeries& daily,
                                 const std::vector<SessionInput>& sessions) {
    const Window& window = settings.window;
    std::vector<WeekRow> weeks(static_cast<std::size_t>(window.weeks));
    for (int w = 0; w < window.weeks; ++w) {
        WeekRow& row = weeks[static_cast<std::size_t>(w)];
        const int from = 7 * w;
        row.start = window.start() + from;
        for (int t = from; t < from + 7; ++t) {
            row.days_logged += daily.pain[static_cast<std::size_t>(t)] ? 1 : 0;
        }
        // A weekly mean needs at least 4 days with that value (§2 R1).
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

SessionDays session_days_of(const Window& window, const std::vector<SessionInput>& sessions) {
    SessionDays out;
    out.last_end_utc.assign(static_cast<std::size_t>(window.days()), 0);
    // The last session of a day is the one that started last (ties: ends later).
    std::vector<std::pair<std::int64_t, std::int64_t>> last(
        static_cast<std::size_t>(window.days()), {INT64_MIN, INT64_MIN});
    for (const SessionInput& s : sessions) {
        if (!window.contains(s.day)) {
            continue;
        }
        const auto t = static_cast<std::size_t>(window.index(s.day));
        out.days.push_back(static_cast<int>(t));
        last[t] = std::max(last[t], std::pair{s.start_utc, s.end_utc});
        out.last_end_utc[t] = last[t].second;
    }
    std::sort(out.days.begin(), out.days.end());
    out.days.erase(std::unique(out.days.begin(), out.days.end()), out.days.end());
    return out;
}

template <class Section> Section unavailable(const std::string& reason) {
    Section s;
    s.available = false;
    s.reason = reason;
    return s;
}

} // namespace

Report build_report(const Settings& settings, ReportInput input) {
    Report report;
    report.settings = settings;
    const Window& window = settings.window;

    // Filtered in place: a copy of a dense window's check-ins cost a tenth of
    // the report in fresh pages.
    std::vector<CheckinInput>& checkins = input.checkins;
    std::erase_if(checkins, [&](const CheckinInput& c) {
        return !window.contains(c.day) || (settings.exclude_backfilled && c.backfilled);
    });
    const DailySeries daily = daily_series(window, checkins);
    const std::vector<int> observed = daily.observed();
    const SessionDays session_days = session_days_of(window, input.sessions);
    const std::vector<Episode> episodes = find_episodes(session_days.days);

    // R0
    Coverage& cov = report.coverage;
    cov.days_logged = static_cast<int>(observed.size());
    cov.fraction = static_cast<double>(observed.size()) / window.days();
    cov.checkins = static_cast<int>(checkins.size());
    cov.backfilled = static_cast<int>(
        std::count_if(checkins.begin(), checkins.end(), [](const auto& c) { return c.backfilled; }));
    cov.sessions = static_cast<int>(std::count_if(input.sessions.begin(), input.sessions.end(),
                                                  [&](const auto& s) { return window.contains(s.day); }));
    cov.episodes = static_cast<int>(episodes.size());

    // R1, and what the printable report lists
    report.weeks = weekly_rows(settings, daily, input.sessions);
    report.daily = daily;
    for (const SessionInput& s : input.sessions) {
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
        report.sessions.push_back(std::move(row));
    }
    std::stable_sort(report.sessions.begin(), report.sessions.end(),
                     [](const SessionRow& a, const SessionRow& b) {
                         return std::pair(a.day, a.start_utc) < std::pair(b.day, b.start_utc);
                     });

    report.enough_data = observed.size() >= 7;
    if (!report.enough_data) {
        const std::string reason =
            fmt::format("Not enough data yet ({} of 7 days)", observed.size());
        report.trend = unavailable<Trend>(reason);
        report.before_after = unavailable<BeforeAfter>(reason);
        report.after_sessions = unavailable<AfterSessions>(reason);
        report.dose = unavailable<Dose>(reason);
        report.sleep_mood = unavailable<SleepMood>(reason);
    } else {
        report.trend = compute_trend(window, daily, observed);
        report.before_after = compute_before_after(window, daily, observed, input.sessions);
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
        // R6 needs only the episodes: start it now, beside R4, and keep it
        // only if R4 turns out to be available (§2 R6).
        auto sleep_mood = std::async(launch_for(episodes.size()), [&] {
            return compute_sleep_mood(settings, daily, episodes);
        });
        report.after_sessions = compute_after_sessions(settings, daily, observed, report.trend,
                                                       session_days, pain_after);
        report.dose = report.trend.available
                          ? compute_dose(settings, report.weeks, input.sessions, session_days)
                          : unavailable<Dose>("needs the trend (R2)");
        SleepMood r6 = sleep_mood.get();
        if (report.after_sessions.available) {
            report.sleep_mood = std::move(r6);
        } else {
            report.sleep_mood = unavailable<SleepMood>("needs the after-session analysis (R4)");
            const auto off = [](const char* name) {
                return unavailable<SeriesEffect>(
                    fmt::format("needs the after-session analysis (R4) for {}", name));
            };
            report.sleep_mood.mood = off("mood");
            report.sleep_mood.sleep_hours = off("sleep");
            report.sleep_mood.sleep_quality = off("sleep");
        }
    }
    add_wording(report);
    return report;
}

} // namespace relief::analysis
