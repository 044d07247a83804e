#include "relief/core/time/when.hpp"

#include "relief/core/error.hpp"
#include "relief/core/text/text.hpp"
#include "relief/core/time/zone.hpp"

#include <charconv>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace relief {
namespace {

constexpr int k_noon = 12 * 3600;
constexpr int k_most_days_ago = 36500; // a hundred years: more is a typo

constexpr std::string_view k_day_forms =
    "YYYY-MM-DD, today, yesterday, a weekday (fri), \"2 days ago\" or -2d";
constexpr std::string_view k_when_forms =
    "a day (YYYY-MM-DD, today, yesterday, fri, \"2 days ago\", -2d), a time (21:30, 9pm), "
    "both (\"yesterday 9pm\"), now, or \"YYYY-MM-DD HH:MM\" with an optional ±HH:MM or Z";

// A day as typed: the diary day it names, and whether it was written as a
// date (then a time on it is that clock time) or a word.
struct NamedDay {
    DayNumber day = 0;
    bool written_date = false;
    bool weekday = false; // a weekday name: "fri 21:00" still to come means last week's
};

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    for (const std::string& w : split(to_lower(trim(text)), ' ')) {
        if (!w.empty()) {
            words.push_back(w);
        }
    }
    return words;
}

std::optional<int> small_number(std::string_view text, int most) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > most) {
        return std::nullopt;
    }
    return value;
}

std::optional<int> weekday_number(std::string_view word) {
    // Every name taken for a weekday, with its number (0 = Monday).
    constexpr std::pair<std::string_view, int> k_names[] = {
        {"mon", 0},  {"monday", 0},    {"tue", 1}, {"tues", 1},     {"tuesday", 1}, {"wed", 2},
        {"weds", 2}, {"wednesday", 2}, {"thu", 3}, {"thur", 3},     {"thurs", 3},   {"thursday", 3},
        {"fri", 4},  {"friday", 4},    {"sat", 5}, {"saturday", 5}, {"sun", 6},     {"sunday", 6},
    };
    for (const auto& [name, number] : k_names) {
        if (word == name) {
            return number;
        }
    }
    return std::nullopt;
}

// The day that the first words name, and how many words it took; nullopt when
// they name none.
std::optional<std::pair<NamedDay, std::size_t>> named_day(const std::vector<std::string>& words,
                                                          DayNumber today) {
    if (words.empty()) {
        return std::nullopt;
    }
    const std::string& w = words[0];
    if (w == "today") {
        return std::pair{NamedDay{today}, 1};
    }
    if (w == "yesterday") {
        return std::pair{NamedDay{today - 1}, 1};
    }
    if (const auto wd = weekday_number(w)) {
        // The most recent one, today included (weekday(): 0 = Monday).
        return std::pair{NamedDay{today - (weekday(today) - *wd + 7) % 7, false, true}, 1};
    }
    if (w.size() >= 3 && w.front() == '-' && w.back() == 'd') {
        if (const auto n =
                small_number(std::string_view(w).substr(1, w.size() - 2), k_most_days_ago)) {
            return std::pair{NamedDay{today - *n}, 1};
        }
        return std::nullopt;
    }
    if (words.size() >= 3 && (words[1] == "days" || words[1] == "day") && words[2] == "ago") {
        if (const auto n = small_number(w, k_most_days_ago)) {
            return std::pair{NamedDay{today - *n}, 3};
        }
        return std::nullopt;
    }
    if (const auto date = parse_date(w)) {
        return std::pair{NamedDay{*date, true}, 1};
    }
    return std::nullopt;
}

// "21:30", "9:30", "21:30:15", "9pm", "9:30pm", "9 pm", "12am", "noon".
std::optional<int> time_of_words(const std::vector<std::string>& words, std::size_t from) {
    std::string text;
    for (std::size_t i = from; i < words.size(); ++i) {
        text += words[i];
    }
    if (text == "noon") {
        return k_noon;
    }
    int half = -1; // 0 am, 1 pm
    if (text.ends_with("am") || text.ends_with("pm")) {
        half = text.ends_with("pm") ? 1 : 0;
        text.resize(text.size() - 2);
        if (text.find(':') == std::string::npos) {
            text += ":00";
        }
    }
    if (text.size() >= 4 && text[1] == ':') {
        text = "0" + text; // 9:30 → 09:30
    }
    auto seconds = parse_time_of_day(text);
    if (!seconds || half < 0) {
        return seconds;
    }
    const int hour = *seconds / 3600;
    if (hour < 1 || hour > 12) {
        return std::nullopt; // "13pm", "0am"
    }
    return *seconds % (12 * 3600) + half * 12 * 3600;
}

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

[[noreturn]] void refuse_form(std::string_view field, std::string_view text,
                              std::string_view forms) {
    if (looks_like_date(trim(text))) {
        throw InputError(fmt::format("{} \"{}\" is not a date in the calendar (years 1900-9999, "
                                     "months 01-12, days that the month has)",
                                     field, shown_value(text)));
    }
    throw UnknownFormError(
        fmt::format("{} must be {}, got \"{}\"", field, forms, shown_value(text)));
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

// A wall time on a named day. On a diary day named by a word, a time before
// the day's start is the night after it (docs/methods.md "Days and times").
Instant on_day(std::string_view field, std::string_view text, const NamedDay& named, int second,
               const Today& today) {
    const bool night_after = !named.written_date && second < today.day_start_minutes * 60;
    return local_instant(field, text, named.day + (night_after ? 1 : 0), second);
}

Instant refuse_future(std::string_view field, std::string_view text, const Instant& when,
                      const Instant& now, std::string_view hint = {}) {
    if (when.utc > now.utc) {
        throw InputError(fmt::format("{} \"{}\" is in the future (now is {}); entries can only "
                                     "be logged for the past{}",
                                     field, text, format_local_minutes(now), hint));
    }
    return when;
}

// A time alone: today's diary day. When that is still to come but the same
// time of the day before has passed, say so: "02:00" typed at 10:00 means
// last night to most people, and that night belongs to yesterday's diary day.
Instant time_today(std::string_view field, std::string_view text, int second, const Today& today) {
    const DayNumber day = diary_day(today.now, today.day_start_minutes);
    const Instant when = on_day(field, text, NamedDay{day}, second, today);
    if (when.utc <= today.now.utc) {
        return when;
    }
    const bool night = second < today.day_start_minutes * 60;
    const auto before = resolve_local(day - 1 + (night ? 1 : 0), second);
    std::string hint;
    if (night && before && before->utc <= today.now.utc) {
        hint = fmt::format(" (the night before today belongs to yesterday: --at \"yesterday "
                           "{:02}:{:02}\")",
                           second / 3600, second / 60 % 60);
    }
    return refuse_future(field, text, when, today.now, hint);
}

} // namespace

std::optional<int> parse_wall_time(std::string_view text) {
    return time_of_words(words_of(to_lower(text)), 0);
}

Instant parse_when(std::string_view field, std::string_view raw, const Today& today) {
    const std::vector<std::string> words = words_of(raw);
    const DayNumber day = diary_day(today.now, today.day_start_minutes);
    if (words.size() == 1 && words[0] == "now") {
        return today.now;
    }
    if (const auto named = named_day(words, day)) {
        const auto& [what, used] = *named;
        if (used == words.size()) {
            // Noon that day; today before noon, now; a later day is refused.
            const Instant noon = on_day(field, raw, what, k_noon, today);
            if (what.day > day) {
                return refuse_future(field, raw, noon, today.now);
            }
            return noon.utc > today.now.utc ? today.now : noon;
        }
        if (const auto second = time_of_words(words, used)) {
            Instant when = on_day(field, raw, what, *second, today);
            if (what.weekday && what.day == day && when.utc > today.now.utc) {
                // Today's own weekday with a time still to come: a typo of
                // the time, as for a bare time, not last week's.
                return time_today(field, raw, *second, today);
            }
            if (what.weekday && when.utc > today.now.utc) {
                when = on_day(field, raw, NamedDay{what.day - 7, false, true}, *second, today);
            }
            return refuse_future(field, raw, when, today.now);
        }
    }
    if (const auto second = time_of_words(words, 0)) {
        return time_today(field, raw, *second, today);
    }
    const auto iso = parse_iso(to_lower(trim(raw)));
    if (!iso) {
        refuse_form(field, raw, k_when_forms);
    }
    if (!iso->offset_minutes) {
        return refuse_future(field, raw, local_instant(field, raw, iso->day, iso->second_of_day),
                             today.now);
    }
    return refuse_future(field, raw, instant_at_offset(*iso), today.now);
}

DayNumber parse_day(std::string_view field, std::string_view raw, const Today& today,
                    bool future_allowed) {
    const std::vector<std::string> words = words_of(raw);
    const DayNumber now_day = diary_day(today.now, today.day_start_minutes);
    const auto named = named_day(words, now_day);
    if (!named || named->second != words.size()) {
        refuse_form(field, raw, fmt::format("a day: {}", k_day_forms));
    }
    const DayNumber day = named->first.day;
    if (!future_allowed && day > now_day) {
        throw InputError(fmt::format("{} {} is in the future (today is {}); a report can only "
                                     "end on a day that has begun",
                                     field, format_date(day), format_date(now_day)));
    }
    return day;
}

} // namespace relief
