#include "relief/core/record/record_format.hpp"
#include "relief/core/text/json.hpp"
#include "relief/core/text/text.hpp"

#include <doctest/doctest.h>

using namespace relief;

namespace {
Record sample() {
    Record r;
    r.uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
    r.at = Instant{std::int64_t{days_from_civil(2026, 11, 20)} * 86400 + 25 * 3600, -300};
    r.recorded_at = r.at;
    r.pain = 4;
    r.sleep_hours = 7.25;
    r.areas = {"lower-back", "neck"};
    r.note = "tight, \"sore\"\nbetter later — ok";
    return r;
}
} // namespace

TEST_CASE("CSV rows follow cli.md") {
    CHECK(csv_row(sample()) ==
          "0f8fad5b-d9cb-469f-a165-70867728950e,checkin,2026-11-20T20:00:00-05:00,"
          "2026-11-20T20:00:00-05:00,4,,7.25,,,,,,lower-back;neck,,"
          "\"tight, \"\"sore\"\"\nbetter later — ok\"\n");
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field(" pad") == "\" pad\"");
    CHECK(csv_field("") == "");
}

TEST_CASE("JSON records carry every field") {
    JsonWriter json(0);
    write_record_json(json, sample());
    CHECK(json.str() ==
          R"({"uuid":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"checkin",)"
          R"("at":"2026-11-20T20:00:00-05:00","recorded_at":"2026-11-20T20:00:00-05:00",)"
          R"("pain":4,"mood":null,"sleep_hours":7.25,"sleep_quality":null,"minutes":null,)"
          R"("kind":null,"therapist":null,"pain_before":null,"areas":["lower-back","neck"],)"
          R"("tags":[],"note":"tight, \"sore\"\nbetter later — ok"})");
}

TEST_CASE("JsonWriter: nesting, indentation, numbers") {
    JsonWriter json;
    json.begin_object();
    json.key("a").value(6.0);
    json.key("b").begin_array().value(-0.0).value(0.1).value(1e308 * 10).end_array();
    json.key("c").begin_object().end_object();
    json.key("d").value(std::optional<int>());
    json.end_object();
    CHECK(json.str() == "{\n  \"a\": 6.0,\n  \"b\": [\n    0.0,\n    0.1,\n    null\n  ],\n"
                        "  \"c\": {},\n  \"d\": null\n}");
    CHECK(json_quote("tab\there\x01") == "\"tab\\there\\u0001\"");
}

TEST_CASE("text helpers") {
    CHECK(format_number(7.5) == "7.5");
    CHECK(format_number(8.0) == "8");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(0.1) == "0.1");
    CHECK(parse_decimal("7.50") == 7.5);
    CHECK_FALSE(parse_decimal("1e3"));
    CHECK(parse_integer("-12") == -12);
    CHECK_FALSE(parse_integer("12 "));
    CHECK(split("a;;b", ';') == std::vector<std::string>{"a", "", "b"});
    CHECK(is_valid_utf8("héllo — ✓"));
    CHECK_FALSE(is_valid_utf8("\xc3"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));         // overlong
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));     // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80")); // beyond U+10FFFF
}
