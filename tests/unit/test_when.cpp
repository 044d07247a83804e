#include <doctest/doctest.h>

#include "relief/error.hpp"
#include "relief/when.hpp"
#include "relief/zone.hpp"
#include "testutil.hpp"

using namespace relief;
using relief::test::ScopedZone;

namespace {

// 2026-11-23 20:00 in New York (EST, -05:00).
Instant now_in_new_york() { return *resolve_local(days_from_civil(2026, 11, 23), 20 * 3600); }

std::string when(std::string_view text, const Instant& now) {
    return format_iso(parse_when("--at", text, now));
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
    SUBCASE("summer time") { CHECK(when("2026-07-01 10:00", now) == "2026-07-01T10:00:00-04:00"); }
    SUBCASE("after the spring change") {
        CHECK(when("2026-03-08 03:30", now) == "2026-03-08T03:30:00-04:00");
        CHECK(when("2026-03-08 01:59", now) == "2026-03-08T01:59:00-05:00");
    }
    SUBCASE("a wall time the clocks skipped is refused") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "2026-03-08 02:30", now),
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
    const std::string forms = "--at must be YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" (optionally with "
                              "±HH:MM or Z), HH:MM, now, today, yesterday or \"yesterday HH:MM\", "
                              "got ";
    SUBCASE("not a date in the calendar") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "2026-02-30", now),
                             "--at \"2026-02-30\" is not a date in the calendar (years "
                             "1900-9999, months 01-12, days that the month has)",
                             InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-13-01 10:00", now), InputError);
    }
    SUBCASE("words it does not know") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "tomorrow", now), (forms + "\"tomorrow\"").c_str(),
                             InputError);
        CHECK_THROWS_WITH_AS(parse_when("--at", "yesterday 25:00", now),
                             (forms + "\"yesterday 25:00\"").c_str(), InputError);
        CHECK_THROWS_AS(parse_when("--at", "", now), InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-11-20T10:00+05:7", now), InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-11-20T10:00+15:00", now), InputError);
    }
    SUBCASE("the future") {
        CHECK_THROWS_WITH_AS(parse_when("--at", "2026-11-24", now),
                             "--at \"2026-11-24\" is in the future (now is 2026-11-23 20:00); "
                             "entries can only be logged for the past",
                             InputError);
        CHECK_THROWS_AS(parse_when("--at", "20:01", now), InputError);
        CHECK_THROWS_AS(parse_when("--at", "2026-11-24T06:30+05:00", now), InputError); // 20:30 EST
        CHECK(when("2026-11-24T01:00+05:00", now) == "2026-11-24T01:00:00+05:00"); // = 15:00 EST
    }
}

TEST_CASE("parse_day for --since and --until") {
    const Instant now{std::int64_t{days_from_civil(2026, 11, 23)} * 86400 + 3600, 0};
    CHECK(parse_day("--since", "2026-11-01", now) == days_from_civil(2026, 11, 1));
    CHECK(parse_day("--since", "today", now) == days_from_civil(2026, 11, 23));
    CHECK(parse_day("--since", "yesterday", now) == days_from_civil(2026, 11, 22));
    CHECK_THROWS_WITH_AS(parse_day("--until", "2026-11-31", now),
                         "--until must be a date as YYYY-MM-DD, today or yesterday, got "
                         "\"2026-11-31\"",
                         InputError);
}
