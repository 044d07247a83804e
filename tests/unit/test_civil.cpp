#include "relief/core/time/civil.hpp"

#include <doctest/doctest.h>

using namespace relief;

TEST_CASE("days_from_civil and civil_from_days agree across eras") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2026, 11, 23) == 20780);
    for (DayNumber d = -800000; d <= 800000; d += 997) {
        CHECK(days_from_civil(civil_from_days(d)) == d);
    }
    CHECK(civil_from_days(days_from_civil(2024, 2, 29)) == Date{2024, 2, 29});
}

TEST_CASE("weekday: 1970-01-01 was a Thursday, 2026-11-23 a Monday") {
    CHECK(weekday(0) == 3);
    CHECK(weekday(days_from_civil(2026, 11, 23)) == 0);
    CHECK(weekday_name(-1) == "Wed");
}

TEST_CASE("is_valid_date knows month lengths and leap years") {
    CHECK(is_valid_date(2024, 2, 29));
    CHECK_FALSE(is_valid_date(2026, 2, 29));
    CHECK_FALSE(is_valid_date(1900, 2, 29));
    CHECK(is_valid_date(2000, 2, 29));
    CHECK_FALSE(is_valid_date(2026, 4, 31));
    CHECK_FALSE(is_valid_date(2026, 13, 1));
    CHECK_FALSE(is_valid_date(2026, 0, 1));
}

TEST_CASE("parse_date is strict") {
    CHECK(parse_date("2026-11-20") == days_from_civil(2026, 11, 20));
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-1-20"));
    CHECK_FALSE(parse_date("20261120"));
    CHECK_FALSE(parse_date("2026-11-20 "));
    CHECK_FALSE(parse_date("1899-12-31"));
    CHECK_FALSE(parse_date("2026/11/20"));
    CHECK(format_date(days_from_civil(2026, 3, 8)) == "2026-03-08");
}
