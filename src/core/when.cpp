#include "relief/when.hpp"

#include <fmt/format.h>

#include "relief/error.hpp"
#include "relief/text.hpp"
#include "relief/zone.hpp"

namespace relief {
namespace {

constexpr int k_noon = 12 * 3600;

// "2026-02-30", "2026-13-01": shaped like a date but not in the calendar.
bool looks_like_date(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return !parse_date(text.substr(0, 10));
}

[[noreturn]] void bad_when(std::string_view field, std::string_view text) {
    if (looks_like_date(trim(text))) {
        throw InputError(fmt::format("{} \"{}\" is not a date in the calendar (years 1900-9999, "
                                     "months 01-12, days that the month has)",
                                     field, shown_value(text)));
    }
    throw InputError(fmt::format(
        "{} must be YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" (optionally with ±HH:MM or Z), HH:MM, "
        "now, today, yesterday or \"yesterday HH:MM\", got \"{}\"",
        field, shown_value(text)));
}

Instant local_instant(std::string_view field, std::string_view text, DayNumber day, int second) {
    const auto instant = resolve_local(day, second);
    if (!instant) {
        // The zone's own offsets on either side of the change, not a guess.
        const auto [before, after] = offsets_around(day, second);
        throw InputError(fmt::format(
            "{} \"{}\" does not exist in the local time zone (the clocks skipped it); "
            "give the time with its offset, e.g. \"{} {:02}:{:02}{}\" (the offset before the "
            "change) or \"{} {:02}:{:02}{}\" (after it)",
            field, text, format_date(day), second / 3600, second / 60 % 60, offset_text(before),
            format_date(day), second / 3600, second / 60 % 60, offset_text(after)));
    }
    return *instant;
}

Instant refuse_future(std::string_view field, std::string_view text, const Instant& when,
                      const Instant& now) {
    if (when.utc > now.utc) {
        throw InputError(fmt::format("{} \"{}\" is in the future (now is {}); entries can only "
                                     "be logged for the past",
                                     field, text, format_local_minutes(now)));
    }
    return when;
}

} // namespace

Instant parse_when(std::string_view field, std::string_view raw, const Instant& now) {
    const std::string lowered = to_lower(trim(raw));
    const std::string_view text = lowered;
    const DayNumber today = local_time(now).day;

    if (text == "now") {
        return now;
    }
    if (text == "today") {
        // Noon today, unless noon has not come yet: then "today" means now.
        const Instant noon = local_instant(field, raw, today, k_noon);
        return noon.utc > now.utc ? now : noon;
    }
    if (text == "yesterday") {
        return local_instant(field, raw, today - 1, k_noon);
    }
    if (text.starts_with("yesterday ")) {
        const auto time = parse_time_of_day(trim(text.substr(10)));
        if (!time) {
            bad_when(field, raw);
        }
        return local_instant(field, raw, today - 1, *time);
    }
    if (const auto time = parse_time_of_day(text)) {
        return refuse_future(field, raw, local_instant(field, raw, today, *time), now);
    }
    if (text.size() == 10) {
        const auto day = parse_date(text);
        if (!day) {
            bad_when(field, raw);
        }
        return refuse_future(field, raw, local_instant(field, raw, *day, k_noon), now);
    }
    const auto iso = parse_iso(text);
    if (!iso) {
        bad_when(field, raw);
    }
    if (!iso->offset_minutes) {
        return refuse_future(field, raw, local_instant(field, raw, iso->day, iso->second_of_day),
                             now);
    }
    const std::int64_t local =
        std::int64_t{iso->day} * 86400 + iso->second_of_day; // seconds of a civil date-time
    const Instant instant{local - std::int64_t{*iso->offset_minutes} * 60, *iso->offset_minutes};
    return refuse_future(field, raw, instant, now);
}

DayNumber parse_day(std::string_view field, std::string_view raw, const Instant& now) {
    const std::string text = to_lower(trim(raw));
    const DayNumber today = local_time(now).day;
    if (text == "today") {
        return today;
    }
    if (text == "yesterday") {
        return today - 1;
    }
    const auto day = parse_date(text);
    if (!day) {
        throw InputError(fmt::format(
            "{} must be a date as YYYY-MM-DD, today or yesterday, got \"{}\"", field,
            shown_value(raw)));
    }
    return *day;
}

} // namespace relief
