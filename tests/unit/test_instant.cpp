#include "relief/core/time/instant.hpp"

#include <doctest/doctest.h>

using namespace relief;

namespace {
Instant at(int y, int mo, int d, int h, int mi, int offset_minutes) {
    const std::int64_t local = std::int64_t{days_from_civil(y, mo, d)} * 86400 + h * 3600 + mi * 60;
    return Instant{local - offset_minutes * 60, offset_minutes};
}
} // namespace

TEST_CASE("format_iso writes the local time with its own offset") {
    CHECK(format_iso(at(2026, 11, 20, 20, 0, -300)) == "2026-11-20T20:00:00-05:00");
    CHECK(format_iso(at(2026, 11, 20, 8, 5, 0)) == "2026-11-20T08:05:00+00:00");
    CHECK(format_iso(at(2026, 6, 1, 23, 59, 330)) == "2026-06-01T23:59:00+05:30");
    CHECK(format_iso(at(1969, 12, 31, 23, 0, 60)) == "1969-12-31T23:00:00+01:00");
}

TEST_CASE("diary day: local time minus day_starts_at, with the record's own offset") {
    SUBCASE("01:30 belongs to the day before") {
        CHECK(diary_day(at(2026, 11, 21, 1, 30, -300), 240) == days_from_civil(2026, 11, 20));
    }
    SUBCASE("04:00 exactly starts the new day") {
        CHECK(diary_day(at(2026, 11, 21, 4, 0, -300), 240) == days_from_civil(2026, 11, 21));
        CHECK(diary_day(at(2026, 11, 21, 3, 59, -300), 240) == days_from_civil(2026, 11, 20));
    }
    SUBCASE("the same UTC instant lands on different diary days in different zones") {
        const Instant tokyo = at(2026, 11, 21, 9, 0, 540); // 00:00 UTC
        const Instant york = Instant{tokyo.utc, -300};     // 19:00 the day before
        CHECK(diary_day(tokyo, 240) == days_from_civil(2026, 11, 21));
        CHECK(diary_day(york, 240) == days_from_civil(2026, 11, 20));
    }
    SUBCASE("day_starts_at 00:00 is the calendar date") {
        CHECK(diary_day(at(2026, 11, 21, 0, 0, 0), 0) == days_from_civil(2026, 11, 21));
    }
}

TEST_CASE("parse_iso accepts the ISO forms of cli.md") {
    const auto a = parse_iso("2026-11-20T20:00:00-05:00");
    REQUIRE(a);
    CHECK(a->day == days_from_civil(2026, 11, 20));
    CHECK(a->second_of_day == 72000);
    CHECK(a->offset_minutes == -300);
    CHECK(parse_iso("2026-11-20 20:00")->offset_minutes == std::nullopt);
    CHECK(parse_iso("2026-11-20T20:00Z")->offset_minutes == 0);
    CHECK(parse_iso("2026-11-20T20:00+0530")->offset_minutes == 330);
    CHECK(parse_iso("2026-11-20T20:00+01")->offset_minutes == 60);
    CHECK_FALSE(parse_iso("2026-11-20T24:00"));
    CHECK_FALSE(parse_iso("2026-11-20T20:60"));
    CHECK_FALSE(parse_iso("2026-11-20T20:00+15:00"));
    CHECK_FALSE(parse_iso("2026-11-20T20:00+05:7"));
    CHECK_FALSE(parse_iso("2026-02-30T20:00"));
    CHECK_FALSE(parse_iso("2026-11-20X20:00"));
    CHECK_FALSE(parse_iso("2026-11-20T20:00:00.5Z"));
}

TEST_CASE("utc_range_for_days holds every offset's instants of those diary days") {
    const DayNumber d = days_from_civil(2026, 11, 20);
    const UtcRange range = utc_range_for_days(d, d, 240);
    const Instant earliest = at(2026, 11, 20, 4, 0, 14 * 60);
    const Instant latest = Instant{at(2026, 11, 21, 3, 59, -14 * 60).utc + 59, -14 * 60};
    CHECK(diary_day(earliest, 240) == d);
    CHECK(diary_day(latest, 240) == d);
    CHECK(range.from <= earliest.utc);
    CHECK(latest.utc < range.to);
}
