#pragma once
// An instant as it happened: seconds since the epoch plus the UTC offset that
// was in force where the person was. The local wall time, and so the diary
// day, is derived from these two, never from the machine's current zone.
#include "relief/core/time/civil.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relief {

inline constexpr int k_max_offset_minutes = 14 * 60; // real-world offsets lie in ±14:00

struct Instant {
    std::int64_t utc = 0;   // seconds since 1970-01-01T00:00:00Z
    int offset_minutes = 0; // local = utc + offset
    friend bool operator==(const Instant&, const Instant&) = default;
};

struct LocalDateTime {
    DayNumber day = 0; // calendar date of the local wall time
    int second_of_day = 0;
    int hour() const noexcept { return second_of_day / 3600; }
    int minute() const noexcept { return second_of_day / 60 % 60; }
    int second() const noexcept { return second_of_day % 60; }
};

LocalDateTime local_time(const Instant& instant) noexcept;

// The diary day (docs/methods.md §1): the local calendar date, moved back one day
// while the local time is before day_start_minutes (default 04:00 = 240).
DayNumber diary_day(const Instant& instant, int day_start_minutes) noexcept;

// "2026-11-20T20:00:00-05:00" (always an explicit offset, "+00:00" for UTC).
std::string format_iso(const Instant& instant);
// "2026-11-20 20:00"
std::string format_local_minutes(const Instant& instant);

// An ISO 8601 date-time as written: the wall time and, if present, its offset.
struct IsoDateTime {
    DayNumber day = 0;
    int second_of_day = 0;
    std::optional<int> offset_minutes; // nullopt: no offset was written
};

// "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]" (also a space instead of T; "±HHMM" and
// "±HH" offsets). nullopt when the text is not such a date-time or names an
// impossible date, time or offset.
std::optional<IsoDateTime> parse_iso(std::string_view text);
// The instant of a date-time written with its offset (iso.offset_minutes set).
Instant instant_at_offset(const IsoDateTime& iso);

// "HH:MM" or "HH:MM:SS" with a real time of day; nullopt otherwise.
std::optional<int> parse_time_of_day(std::string_view text);

// "±HH:MM", "±HHMM", "±HH" or "Z" within ±14:00; nullopt otherwise.
std::optional<int> parse_offset(std::string_view text);
std::string format_offset(int offset_minutes);

} // namespace relief

namespace relief {

// A half-open UTC range [from, to) wide enough to hold every instant whose
// diary day lies in [first, last], whatever its offset. Callers filter the
// records it returns by diary_day(); the range keeps the read indexed.
struct UtcRange {
    std::int64_t from = 0;
    std::int64_t to = 0;
};
UtcRange utc_range_for_days(DayNumber first, DayNumber last, int day_start_minutes) noexcept;

} // namespace relief
