#include "relief/core/time/instant.hpp"

#include "relief/core/text/text.hpp"

#include <fmt/format.h>

namespace relief {
namespace {

constexpr std::int64_t k_day_seconds = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

LocalDateTime local_time(const Instant& instant) noexcept {
    // Splitting an epoch count into day and second is exact with floor division;
    // the calendar date itself comes from civil_from_days.
    const std::int64_t local = instant.utc + std::int64_t{instant.offset_minutes} * 60;
    const std::int64_t day = floor_div(local, k_day_seconds);
    return LocalDateTime{static_cast<DayNumber>(day),
                         static_cast<int>(local - day * k_day_seconds)};
}

DayNumber diary_day(const Instant& instant, int day_start_minutes) noexcept {
    const LocalDateTime local = local_time(instant);
    return local.second_of_day < day_start_minutes * 60 ? local.day - 1 : local.day;
}

std::string format_offset(int offset_minutes) {
    const char sign = offset_minutes < 0 ? '-' : '+';
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return fmt::format("{}{:02}:{:02}", sign, magnitude / 60, magnitude % 60);
}

std::string format_iso(const Instant& instant) {
    const LocalDateTime local = local_time(instant);
    return fmt::format("{}T{:02}:{:02}:{:02}{}", format_date(local.day), local.hour(),
                       local.minute(), local.second(), format_offset(instant.offset_minutes));
}

std::string format_local_minutes(const Instant& instant) {
    const LocalDateTime local = local_time(instant);
    return fmt::format("{} {:02}:{:02}", format_date(local.day), local.hour(), local.minute());
}

std::optional<int> parse_time_of_day(std::string_view text) {
    if (text.size() != 5 && text.size() != 8) {
        return std::nullopt;
    }
    if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) {
        return std::nullopt;
    }
    const auto h = parse_digits(text.substr(0, 2));
    const auto m = parse_digits(text.substr(3, 2));
    const auto s = text.size() == 8 ? parse_digits(text.substr(6, 2)) : std::optional<int>(0);
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) {
        return std::nullopt;
    }
    return *h * 3600 + *m * 60 + *s;
}

std::optional<int> parse_offset(std::string_view text) {
    if (text == "Z" || text == "z") {
        return 0;
    }
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) {
        return std::nullopt;
    }
    const int sign = text[0] == '-' ? -1 : 1;
    std::string_view rest = text.substr(1);
    std::optional<int> h;
    std::optional<int> m = 0;
    if (rest.size() == 2) {
        h = parse_digits(rest);
    } else if (rest.size() == 4) {
        h = parse_digits(rest.substr(0, 2));
        m = parse_digits(rest.substr(2, 2));
    } else if (rest.size() == 5 && rest[2] == ':') {
        h = parse_digits(rest.substr(0, 2));
        m = parse_digits(rest.substr(3, 2));
    }
    if (!h || !m || *m > 59) {
        return std::nullopt;
    }
    const int minutes = *h * 60 + *m;
    if (minutes > k_max_offset_minutes) {
        return std::nullopt;
    }
    return sign * minutes;
}

Instant instant_at_offset(const IsoDateTime& iso) {
    const std::int64_t local = std::int64_t{iso.day} * 86400 + iso.second_of_day;
    return Instant{local - std::int64_t{*iso.offset_minutes} * 60, *iso.offset_minutes};
}

std::optional<IsoDateTime> parse_iso(std::string_view text) {
    if (text.size() < 16 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
        return std::nullopt;
    }
    const auto day = parse_date(text.substr(0, 10));
    if (!day) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(11);
    // The time runs up to the offset: "Z", "+" or "-".
    const std::size_t zone_at = rest.find_first_of("Zz+-");
    const auto time = parse_time_of_day(trim(rest.substr(0, zone_at))); // "08:30 +01:00" too
    if (!time) {
        return std::nullopt;
    }
    IsoDateTime result{*day, *time, std::nullopt};
    if (zone_at != std::string_view::npos) {
        result.offset_minutes = parse_offset(rest.substr(zone_at));
        if (!result.offset_minutes) {
            return std::nullopt;
        }
    }
    return result;
}

} // namespace relief

namespace relief {

UtcRange utc_range_for_days(DayNumber first, DayNumber last, int day_start_minutes) noexcept {
    const std::int64_t slack = std::int64_t{k_max_offset_minutes} * 60;
    const std::int64_t start = std::int64_t{day_start_minutes} * 60;
    return UtcRange{std::int64_t{first} * k_day_seconds + start - slack,
                    (std::int64_t{last} + 1) * k_day_seconds + start + slack};
}

} // namespace relief
