#pragma once
// Calendar dates as integer day numbers (days since 1970-01-01), after
// Howard Hinnant's days_from_civil / civil_from_days. Diary days, windows and
// weeks are all computed on these integers, never by dividing seconds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relief {

using DayNumber = std::int32_t;

struct Date {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    friend bool operator==(const Date&, const Date&) = default;
};

constexpr DayNumber days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (m + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr DayNumber days_from_civil(const Date& date) noexcept {
    return days_from_civil(date.year, date.month, date.day);
}

constexpr Date civil_from_days(DayNumber z) noexcept {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return Date{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool is_valid_date(int year, int month, int day) noexcept;

// 0 = Monday … 6 = Sunday.
int weekday(DayNumber day) noexcept;
// "Mon", "Tue", …
std::string_view weekday_name(DayNumber day) noexcept;

// "2026-11-20"
std::string format_date(DayNumber day);

// Strict "YYYY-MM-DD" (a real date, years 1900–9999); nullopt otherwise.
std::optional<DayNumber> parse_date(std::string_view text);

} // namespace relief
