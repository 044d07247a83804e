#include "relief/core/error.hpp"
#include "relief/core/time/when.hpp"
#include "relief/core/time/zone.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace relief;
using relief::test::ScopedZone;

namespace {

// 2026-11-23 20:00 in New York (EST, -05:00).
Instant now_in_new_york() {
    return *resolve_local(days_from_civil(2026, 11, 23), 20 * 3600);
}

std::string when(std::string_view text, const Instant& now, int day_start_minutes = 240) {
    return format_iso(parse_when("--at", text, Today{now, day_start_minutes}));
}

Instant at_local(int y, int m, int d, int hour, int minute = 0) {
    return *resolve_local(days_from_civil(y, m, d), hour * 3600 + minute * 60);
}

} // namespace

TEST_CASE("every --at form of cli.md") {
    ScopedZone zone(test::k_new_york);
    const Instant now = now_in_new_york();
    REQUIRE(now.offset_minutes == -300);

    CHECK(when("2026-11-20", now) == "2026-11-20T12:00:00-05:00");
    CHECK(when("2026-11-20 08:30", now) == "2026-11-20T08:30:00-05:00");
    CHECK(when("2026-11-20T08:30", now) == "2026-11-20T08:30:00-05:00");
    CHECK(when("2026-11-20T08:30:15", now) == "2026-11-20T08:30:15-05:00");
    CHECK(when("2026-11-20T08:30+01:00", now) == "2026-11-20T08:30:00+01:00");
    CHECK(when("2026-11-20 08:30 +01:00", now) == "2026-11-20T08:30:00+01:00");
    CHECK(when("2026-11-20T08:30Z", now) == "2026-11-20T08:30:00+00:00");
    CHECK(when("08:30", now) == "2026-11-23T08:30:00-05:00");
    CHECK(when("today", now) == "2026-11-23T12:00:00-05:00");
    CHECK(when("Today", now) == "2026-11-23T12:00:00-05:00");
    CHECK(when("yesterday", now) == "2026-11-22T12:00:00-05:00");
    CHECK(when("yesterday 21:30", now) == "2026-11-22T21:30:00-05:00");
    CHECK(when("now", now) == "2026-11-23T20:00:00-05:00");
}

TEST_CASE("today before noon means now, not a future noon") {
    ScopedZone zone(test::k_new_york);
    const Instant morning = *resolve_local(days_from_civil(2026, 11, 23), 9 * 3600);
    CHECK(when("today", morning) == "2026-11-23T09:00:00-05:00");
}

TEST_CASE("DST transitions take the offset in force at that moment") {
    ScopedZone zone(test::k_new_york);
    const Instant now = now_in_new_york();
    SUBCASE("summer time") {
        CHECK(when("2026-07-01 10:00", now) == "2026-07-01T10:00:00-04:00");
    }
    SUBCASE("after the spring change") {
        CHECK(when("2026-03-08 03:30", now) == "2026-03-08T03:30:00-04:00");
        CHECK(when("2026-03-08 01:59", now) == "2026-03-08T01:59:00-05:00");
    }
    SUBCASE("a wall time the clocks skipped is refused") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "2026-03-08 02:30", Today{now}),
                             "--at \"2026-03-08 02:30\" does not exist in the local time zone "
                             "(the clocks skipped it); give the time with its offset, e.g. "
                             "\"2026-03-08 02:30-05:00\" (the offset before the change) or "
                             "\"2026-03-08 02:30-04:00\" (after it)",
                             InputError);
    }
    SUBCASE("a repeated wall time is the first of the two") {
        CHECK(when("2026-11-01 01:30", now) == "2026-11-01T01:30:00-04:00");
        CHECK(when("2026-11-01 02:30", now) == "2026-11-01T02:30:00-05:00");
    }
}

TEST_CASE("invalid and future values are refused with one clear line") {
    ScopedZone zone(test::k_new_york);
    const Instant now = now_in_new_york();
    const std::string forms =
        "--at must be a day (YYYY-MM-DD, today, yesterday, fri, \"2 days ago\", -2d), a time "
        "(21:30, 9pm), both (\"yesterday 9pm\"), now, or \"YYYY-MM-DD HH:MM\" with an optional "
        "±HH:MM or Z, got ";
    SUBCASE("not a date in the calendar") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "2026-02-30", Today{now}),
                             "--at \"2026-02-30\" is not a date in the calendar (years "
                             "1900-9999, months 01-12, days that the month has)",
                             InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-13-01 10:00", Today{now}), InputError);
    }
    SUBCASE("words it does not know") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "tomorrow", Today{now}),
                             (forms + "\"tomorrow\"").c_str(), InputError);
        CHECK_THROWS_WITH_AS(parse_when("--at", "yesterday 25:00", Today{now}),
                             (forms + "\"yesterday 25:00\"").c_str(), InputError);
        CHECK_THROWS_AS(parse_when("--at", "", Today{now}), InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-11-20T10:00+05:7", Today{now}), InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-11-20T10:00+15:00", Today{now}), InputError);
    }
    SUBCASE("the future") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "2026-11-24", Today{now}),
                             "--at \"2026-11-24\" is in the future (now is 2026-11-23 20:00); "
                             "entries can only be logged for the past",
                             InputError);
        CHECK_THROWS_AS(parse_when("--at", "20:01", Today{now}), InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-11-24T06:30+05:00", Today{now}),
                        InputError);                                               // 20:30 EST
        CHECK(when("2026-11-24T01:00+05:00", now) == "2026-11-24T01:00:00+05:00"); // = 15:00 EST
    }
}

TEST_CASE("parse_day for --since and --until: diary days, the forms people type") {
    ScopedZone zone("UTC0");
    const Instant now{std::int64_t{days_from_civil(2026, 11, 23)} * 86400 + 13 * 3600, 0}; // Mon
    const Today today{now};
    CHECK(parse_day("--since", "2026-11-01", today) == days_from_civil(2026, 11, 1));
    CHECK(parse_day("--since", "today", today) == days_from_civil(2026, 11, 23));
    CHECK(parse_day("--since", "yesterday", today) == days_from_civil(2026, 11, 22));
    CHECK(parse_day("--since", "Fri", today) == days_from_civil(2026, 11, 20));
    CHECK(parse_day("--since", "monday", today) == days_from_civil(2026, 11, 23));
    CHECK(parse_day("--since", "tue", today) == days_from_civil(2026, 11, 17));
    CHECK(parse_day("--since", "2 days ago", today) == days_from_civil(2026, 11, 21));
    CHECK(parse_day("--since", "1 day ago", today) == days_from_civil(2026, 11, 22));
    CHECK(parse_day("--since", "-2d", today) == days_from_civil(2026, 11, 21));
    CHECK(parse_day("--until", "2026-12-31", today) == days_from_civil(2026, 12, 31));
    CHECK_THROWS_WITH_AS(parse_day("--until", "2026-11-31", today),
                         "--until \"2026-11-31\" is not a date in the calendar (years 1900-9999, "
                         "months 01-12, days that the month has)",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_day("--until", "someday", today),
                         "--until must be a day: YYYY-MM-DD, today, yesterday, a weekday (fri), "
                         "\"2 days ago\" or -2d, got \"someday\"",
                         InputError);
    CHECK_THROWS_AS(parse_day("--since", "-2x", today), InputError);
    CHECK_THROWS_AS(parse_day("--since", "99999 days ago", today), InputError);
    SUBCASE("a future --end is refused") {
        CHECK_THROWS_WITH_AS(parse_day("--end", "2026-11-24", today, false),
                             "--end 2026-11-24 is in the future (today is 2026-11-23); a report "
                             "can only end on a day that has begun",
                             InputError);
        CHECK(parse_day("--end", "today", today, false) == days_from_civil(2026, 11, 23));
    }
}

TEST_CASE("at 02:00, before the day starts, today and yesterday are diary days") {
    // Tuesday 2026-11-24 02:00 UTC; the day starts at 04:00, so the diary
    // day is still Monday the 23rd.
    ScopedZone zone("UTC0");
    const Instant now{std::int64_t{days_from_civil(2026, 11, 24)} * 86400 + 2 * 3600, 0};
    const Today today{now};
    CHECK(parse_day("--since", "today", today) == days_from_civil(2026, 11, 23));
    CHECK(parse_day("--since", "yesterday", today) == days_from_civil(2026, 11, 22));
    CHECK(format_iso(parse_when("--at", "today", today)) == "2026-11-23T12:00:00+00:00");
    CHECK(format_iso(parse_when("--at", "yesterday", today)) == "2026-11-22T12:00:00+00:00");
    // A time before the day's start belongs to the night after the diary day.
    CHECK(format_iso(parse_when("--at", "01:30", today)) == "2026-11-24T01:30:00+00:00");
    CHECK(format_iso(parse_when("--at", "23:30", today)) == "2026-11-23T23:30:00+00:00");
    CHECK(format_iso(parse_when("--at", "yesterday 01:30", today)) == "2026-11-23T01:30:00+00:00");
    // A written date with a time is that clock time.
    CHECK(format_iso(parse_when("--at", "2026-11-24 01:30", today)) == "2026-11-24T01:30:00+00:00");
    // With the day starting at midnight the calendar rules.
    CHECK(format_iso(parse_when("--at", "today", Today{now, 0})) == "2026-11-24T02:00:00+00:00");
}

TEST_CASE("times and days as people type them") {
    ScopedZone zone(test::k_new_york);
    const Instant now = at_local(2026, 11, 23, 20); // Monday 20:00
    CHECK(when("9:30", now) == "2026-11-23T09:30:00-05:00");
    CHECK(when("9am", now) == "2026-11-23T09:00:00-05:00");
    CHECK(when("9 AM", now) == "2026-11-23T09:00:00-05:00");
    CHECK(when("7:45pm", now) == "2026-11-23T19:45:00-05:00");
    CHECK(when("12pm", now) == "2026-11-23T12:00:00-05:00");
    CHECK(when("noon", now) == "2026-11-23T12:00:00-05:00");
    CHECK(when("yesterday 9pm", now) == "2026-11-22T21:00:00-05:00");
    CHECK(when("yesterday  9:30 pm", now) == "2026-11-22T21:30:00-05:00");
    CHECK(when("fri", now) == "2026-11-20T12:00:00-05:00");
    CHECK(when("fri 21:00", now) == "2026-11-20T21:00:00-05:00");
    CHECK(when("Friday 9pm", now) == "2026-11-20T21:00:00-05:00");
    CHECK(when("mon", now) == "2026-11-23T12:00:00-05:00");       // today
    CHECK(when("mon 19:00", now) == "2026-11-23T19:00:00-05:00"); // today's weekday: today
    // Today's weekday with a time still to come is a typo of the time, as a
    // bare "21:00" is, not last Monday (#26).
    CHECK_THROWS_WITH_AS(parse_when("--at", "mon 21:00", Today{now}),
                         "--at \"mon 21:00\" is in the future (now is 2026-11-23 20:00); entries "
                         "can only be logged for the past",
                         InputError);
    CHECK(when("sun 21:00", now) == "2026-11-22T21:00:00-05:00");
    CHECK(when("2 days ago", now) == "2026-11-21T12:00:00-05:00");
    CHECK(when("2 days ago 8:15", now) == "2026-11-21T08:15:00-05:00");
    CHECK(when("-2d", now) == "2026-11-21T12:00:00-05:00");
    CHECK(when("-1d 9pm", now) == "2026-11-22T21:00:00-05:00");
    CHECK(when("2026-11-20 9pm", now) == "2026-11-20T21:00:00-05:00");
    CHECK_THROWS_WITH_AS(parse_when("--at", "9pm", Today{now}),
                         "--at \"9pm\" is in the future (now is 2026-11-23 20:00); entries can "
                         "only be logged for the past",
                         InputError);
    CHECK_THROWS_AS(parse_when("--at", "13pm", Today{now}), InputError);
    CHECK_THROWS_AS(parse_when("--at", "0am", Today{now}), InputError);
    CHECK_THROWS_AS(parse_when("--at", "fri 25:00", Today{now}), InputError);
    CHECK_THROWS_AS(parse_when("--at", "2 weeks ago", Today{now}), InputError);
    CHECK_THROWS_AS(parse_when("--at", "9", Today{now}), InputError);
}

TEST_CASE("a time of the coming night points to yesterday") {
    ScopedZone zone(test::k_new_york);
    const Instant morning = at_local(2026, 11, 23, 10);
    CHECK_THROWS_WITH_AS(parse_when("--at", "02:00", Today{morning}),
                         "--at \"02:00\" is in the future (now is 2026-11-23 10:00); entries can "
                         "only be logged for the past (the night before today belongs to "
                         "yesterday: --at \"yesterday 02:00\")",
                         InputError);
    CHECK(when("yesterday 02:00", morning) == "2026-11-23T02:00:00-05:00");
}
