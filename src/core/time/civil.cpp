#include "relief/core/time/civil.hpp"

#include "relief/core/text/text.hpp"

#include <array>
#include <fmt/format.h>

namespace relief {

bool is_valid_date(int year, int month, int day) noexcept {
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = month == 2 && leap ? 29 : k_days[static_cast<std::size_t>(month - 1)];
    return day <= last;
}

int weekday(DayNumber day) noexcept {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const int w = (day + 3) % 7;
    return w < 0 ? w + 7 : w;
}

std::string_view weekday_name(DayNumber day) noexcept {
    static constexpr std::array<std::string_view, 7> k_names = {"Mon", "Tue", "Wed", "Thu",
                                                                "Fri", "Sat", "Sun"};
    return k_names[static_cast<std::size_t>(weekday(day))];
}

std::string format_date(DayNumber day) {
    const Date d = civil_from_days(day);
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::optional<DayNumber> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto y = parse_digits(text.substr(0, 4));
    const auto m = parse_digits(text.substr(5, 2));
    const auto d = parse_digits(text.substr(8, 2));
    if (!y || !m || !d || *y < 1900 || !is_valid_date(*y, *m, *d)) {
        return std::nullopt;
    }
    return days_from_civil(*y, *m, *d);
}

} // namespace relief
