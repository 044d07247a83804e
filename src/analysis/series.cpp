#include "relief/analysis/series.hpp"

#include "relief/core/time/instant.hpp"

#include <tuple>

namespace relief::analysis {

CheckinInput checkin_input(const Record& r, std::int64_t stored, int day_start_minutes) {
    CheckinInput c;
    c.day = diary_day(r.at, day_start_minutes);
    c.at_utc = r.at.utc;
    c.recorded_utc = r.recorded_at.utc;
    c.stored = stored;
    c.pain = r.pain;
    c.mood = r.mood;
    c.sleep_hours = r.sleep_hours;
    c.sleep_quality = r.sleep_quality;
    c.backfilled = is_backfilled(r);
    return c;
}

SessionInput session_input(const Record& r, int day_start_minutes) {
    SessionInput s;
    s.day = diary_day(r.at, day_start_minutes);
    s.start_utc = r.at.utc;
    s.minutes = r.minutes.value_or(0);
    s.end_utc = r.at.utc + std::int64_t{s.minutes} * 60;
    s.kind = r.kind;
    s.therapist = r.therapist;
    s.pain_before = r.pain_before;
    return s;
}

std::vector<int> DailySeries::observed() const {
    std::vector<int> o;
    for (std::size_t t = 0; t < pain.size(); ++t) {
        if (pain[t]) {
            o.push_back(static_cast<int>(t));
        }
    }
    return o;
}

DailySeries DailySeries::last_days(int days) const {
    const auto tail = [days](const std::vector<std::optional<double>>& v) {
        return std::vector<std::optional<double>>(v.end() - days, v.end());
    };
    return DailySeries{tail(pain), tail(mood), tail(sleep), tail(quality)};
}

DailySeries daily_series(const Window& window, const std::vector<CheckinInput>& checkins) {
    const auto T = static_cast<std::size_t>(window.days());
    DailySeries d;
    d.pain.assign(T, std::nullopt);
    d.mood.assign(T, std::nullopt);
    d.sleep.assign(T, std::nullopt);
    d.quality.assign(T, std::nullopt);
    std::vector<double> pain_sum(T, 0), mood_sum(T, 0);
    std::vector<int> pain_n(T, 0), mood_n(T, 0);
    // The sleep value of a day comes from its check-in with the latest
    // recorded_at (ties: the later at, then the one stored later).
    using Key = std::tuple<std::int64_t, std::int64_t, std::int64_t>;
    std::vector<std::optional<Key>> sleep_key(T), quality_key(T);
    for (const CheckinInput& c : checkins) {
        if (!window.contains(c.day)) {
            continue;
        }
        const auto t = static_cast<std::size_t>(window.index(c.day));
        const Key key{c.recorded_utc, c.at_utc, c.stored};
        if (c.pain) {
            pain_sum[t] += *c.pain;
            ++pain_n[t];
        }
        if (c.mood) {
            mood_sum[t] += *c.mood;
            ++mood_n[t];
        }
        if (c.sleep_hours && (!sleep_key[t] || *sleep_key[t] < key)) {
            sleep_key[t] = key;
            d.sleep[t] = *c.sleep_hours;
        }
        if (c.sleep_quality && (!quality_key[t] || *quality_key[t] < key)) {
            quality_key[t] = key;
            d.quality[t] = static_cast<double>(*c.sleep_quality);
        }
    }
    for (std::size_t t = 0; t < T; ++t) {
        if (pain_n[t] > 0) {
            d.pain[t] = pain_sum[t] / pain_n[t];
        }
        if (mood_n[t] > 0) {
            d.mood[t] = mood_sum[t] / mood_n[t];
        }
    }
    return d;
}

} // namespace relief::analysis
