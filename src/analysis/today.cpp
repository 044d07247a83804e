#include "relief/analysis/today.hpp"

#include "relief/core/time/instant.hpp"

#include <map>
#include <set>

namespace relief::analysis {

int days_since(const Record& session, DayNumber today, int day_start_minutes) {
    return today - diary_day(session.at, day_start_minutes);
}

Glance summarize_today(std::span<const Record> checkins, const std::optional<Record>& last_session,
                       DayNumber today, int day_start_minutes, std::optional<int> every_days) {
    Glance s;
    s.today = today;
    std::map<DayNumber, std::pair<double, int>> pain_by_day;
    std::set<DayNumber> logged;
    std::optional<std::int64_t> last_pain_at;
    for (const Record& r : checkins) {
        const DayNumber day = diary_day(r.at, day_start_minutes);
        logged.insert(day);
        if (day == today) {
            ++s.checkins_today;
            if (r.pain && (!last_pain_at || r.at.utc >= *last_pain_at)) {
                last_pain_at = r.at.utc;
                s.last_pain = r.pain;
            }
        }
        if (r.pain && day > today - 7 && day <= today) {
            pain_by_day[day].first += *r.pain;
            ++pain_by_day[day].second;
        }
    }
    if (!pain_by_day.empty()) {
        double sum = 0;
        for (const auto& [day, total] : pain_by_day) {
            sum += total.first / total.second;
        }
        s.days_with_pain_7d = static_cast<int>(pain_by_day.size());
        s.mean_pain_7d = sum / s.days_with_pain_7d;
    }
    DayNumber day = logged.count(today) ? today : today - 1;
    while (logged.count(day)) {
        ++s.streak;
        --day;
    }
    s.last_session = last_session;
    if (last_session) {
        s.days_since_session = days_since(*last_session, today, day_start_minutes);
        if (every_days) {
            s.session_due_in = *every_days - *s.days_since_session;
        }
    }
    return s;
}

} // namespace relief::analysis
