#include "relief/zone.hpp"

#include <ctime>

namespace relief {

int local_offset_at(std::int64_t utc) {
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm tm{};
    localtime_r(&t, &tm);
    return static_cast<int>(tm.tm_gmtoff / 60);
}

std::optional<Instant> resolve_local(DayNumber day, int second_of_day) {
    const Date date = civil_from_days(day);
    std::optional<Instant> best;
    // Ask mktime for both readings (daylight time and standard time) and keep
    // those whose local time reads back unchanged: none in a DST gap, two in
    // the repeated hour, where the earlier one wins.
    for (const int isdst : {1, 0}) {
        std::tm tm{};
        tm.tm_year = date.year - 1900;
        tm.tm_mon = date.month - 1;
        tm.tm_mday = date.day;
        tm.tm_hour = second_of_day / 3600;
        tm.tm_min = second_of_day / 60 % 60;
        tm.tm_sec = second_of_day % 60;
        tm.tm_isdst = isdst;
        const std::time_t t = std::mktime(&tm);
        if (t == static_cast<std::time_t>(-1)) {
            continue;
        }
        const Instant candidate{static_cast<std::int64_t>(t), local_offset_at(t)};
        const LocalDateTime back = local_time(candidate);
        if (back.day != day || back.second_of_day != second_of_day) {
            continue;
        }
        if (!best || candidate.utc < best->utc) {
            best = candidate;
        }
    }
    return best;
}

} // namespace relief
