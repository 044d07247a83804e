#include "relief/core/time/zone.hpp"

#include "relief/core/error.hpp"
#include "relief/core/text/text.hpp"

#include <cstdlib>
#include <ctime>
#include <fmt/format.h>

namespace relief {
namespace {

// The zone's offset at a UTC instant in seconds, as the C library knows it
// (historical offsets may have seconds: Amsterdam's +00:19:32 before 1937).
long offset_seconds_at(std::int64_t utc) {
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm.tm_gmtoff;
}

} // namespace

int local_offset_at(std::int64_t utc) {
    const long seconds = offset_seconds_at(utc);
    // Stored offsets are whole minutes within ±14:00, as real zones' are today.
    const int minutes = static_cast<int>((seconds + (seconds >= 0 ? 30 : -30)) / 60);
    if (minutes > 14 * 60 || minutes < -14 * 60) {
        const char* tz = std::getenv("TZ");
        throw InputError(fmt::format("the local time zone{} is {:+03}:{:02} from UTC; relief keeps "
                                     "offsets within -14:00 and +14:00 (set TZ to your zone, "
                                     "like TZ=Europe/Berlin)",
                                     tz != nullptr ? fmt::format(" (TZ={})", shown_value(tz)) : "",
                                     minutes / 60, std::abs(minutes) % 60));
    }
    return minutes;
}

std::optional<Instant> resolve_local(DayNumber day, int second_of_day) {
    const Date date = civil_from_days(day);
    const std::int64_t local_seconds = std::int64_t{day} * 86400 + second_of_day;
    std::optional<Instant> best;
    // Ask mktime for both readings (daylight time and standard time) and keep
    // those whose local time reads back unchanged: none in a DST gap, two in
    // the repeated hour, where the earlier one wins. The stored instant is the
    // typed wall time less the offset in whole minutes, so that it reads back
    // exactly as typed even where the zone's offset then had seconds.
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
        if (static_cast<std::int64_t>(t) + offset_seconds_at(t) != local_seconds) {
            continue; // mktime moved it: the wall time does not exist in this reading
        }
        const int offset = local_offset_at(t);
        const Instant candidate{local_seconds - std::int64_t{offset} * 60, offset};
        if (!best || candidate.utc < best->utc) {
            best = candidate;
        }
    }
    return best;
}

std::pair<int, int> offsets_around(DayNumber day, int second_of_day) {
    // The wall time read with the offset of noon the day before and of noon
    // the day after: the offsets in force on either side of the change.
    const std::int64_t local_seconds = std::int64_t{day} * 86400 + second_of_day;
    const int before = local_offset_at(local_seconds - 86400);
    const int after = local_offset_at(local_seconds + 86400);
    return {before, after};
}

std::string offset_text(int minutes) {
    return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60,
                       std::abs(minutes) % 60);
}

} // namespace relief
