#include "relief/core/error.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/text.hpp"

#include <doctest/doctest.h>

using namespace relief;

TEST_CASE("scales are whole numbers from 0 to 10") {
    CHECK(parse_scale("pain", "0") == 0);
    CHECK(parse_scale("pain", " 10 ") == 10);
    SUBCASE("too high") {
        CHECK_THROWS_WITH_AS(parse_scale("pain", "11"),
                             "pain must be a whole number from 0 to 10, got \"11\"", InputError);
    }
    SUBCASE("negative") {
        CHECK_THROWS_WITH_AS(parse_scale("mood", "-1"),
                             "mood must be a whole number from 0 to 10, got \"-1\"", InputError);
    }
    SUBCASE("a whole number written as a decimal") {
        CHECK(parse_scale("pain", "4.0") == 4);
        CHECK(parse_minutes("minutes", "60.00") == 60);
    }
    SUBCASE("a fraction") {
        CHECK_THROWS_WITH_AS(parse_scale("pain", "4.5"),
                             "pain must be a whole number from 0 to 10, got \"4.5\"", InputError);
    }
    SUBCASE("not a number") {
        CHECK_THROWS_WITH_AS(parse_scale("sleep-quality", "high"),
                             "sleep-quality must be a whole number from 0 to 10, got \"high\"",
                             InputError);
        CHECK_THROWS_AS(parse_scale("pain", ""), InputError);
        CHECK_THROWS_AS(parse_scale("pain", "+4"), InputError);
        CHECK_THROWS_AS(parse_scale("pain", "0x4"), InputError);
        CHECK_THROWS_AS(parse_scale("pain", "99999999999999999999999"), InputError);
    }
}

TEST_CASE("flag counts are plain whole numbers within their bounds") {
    CHECK(parse_count("--weeks", "12", 1, k_max_weeks) == 12);
    CHECK(parse_count("--seed", "999999999999999999", 0, k_max_seed) == k_max_seed);
    CHECK_THROWS_WITH_AS(parse_count("--weeks", "521", 1, k_max_weeks),
                         "--weeks must be a whole number from 1 to 520, got \"521\"", InputError);
    for (const char* bad : {"", " 8", "8.0", "+8", "eight", "-1"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_count("--limit", bad, 1, 100), InputError);
    }
}

TEST_CASE("sleep hours are a decimal from 0 to 24") {
    CHECK(parse_sleep_hours("sleep", "7.5") == 7.5);
    CHECK(parse_sleep_hours("sleep", "0") == 0.0);
    CHECK(parse_sleep_hours("sleep", "24") == 24.0);
    CHECK(parse_sleep_hours("sleep", ".5") == 0.5);
    CHECK_THROWS_WITH_AS(parse_sleep_hours("sleep", "25"),
                         "sleep must be a number of hours from 0 to 24 (like 7.5), got \"25\"",
                         InputError);
    for (const char* bad : {"nan", "inf", "-inf", "1e1", "7,5", "7.5.1", "-0.5", "", "."}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_sleep_hours("sleep", bad), InputError);
    }
}

TEST_CASE("minutes are whole numbers from 1 to 600") {
    CHECK(parse_minutes("massage", "60") == 60);
    CHECK_THROWS_WITH_AS(parse_minutes("massage", "0"),
                         "massage must be a whole number of minutes from 1 to 600, got \"0\"",
                         InputError);
    CHECK_THROWS_AS(parse_minutes("minutes", "601"), InputError);
}

TEST_CASE("words: kinds, areas and tags") {
    CHECK(parse_word("kind", "Deep-Tissue") == "deep-tissue");
    CHECK(parse_word("area", "lower_back") == "lower_back");
    CHECK(parse_word("area", "nacken") == "nacken");
    // One name however it was typed: blanks inside become one hyphen.
    CHECK(parse_word("kind", "deep tissue") == "deep-tissue");
    CHECK(parse_word("area", "  Lower   Back ") == "lower-back");
    CHECK(parse_word("area", "épaule") == "épaule");
    CHECK(parse_word("area", " Upper Back ") == "upper-back");
    CHECK_THROWS_WITH_AS(parse_word("area", "a;b"),
                         "area must be a short name without ';' (like lower-back), at most 40 "
                         "bytes, got \"a;b\"",
                         InputError);
    CHECK_THROWS_AS(parse_word("area", "tab\there"), InputError);
    CHECK_THROWS_AS(parse_word("area", std::string(41, 'x')), InputError);
    CHECK_THROWS_AS(parse_word("area", ""), InputError);
    CHECK(parse_word_list("areas", "lower-back;neck;lower-back") ==
          std::vector<std::string>{"lower-back", "neck"});
    CHECK(parse_word_list("areas", "").empty());
    CHECK_THROWS_AS(parse_word_list("areas", "neck;;back"), InputError);
}

TEST_CASE("notes are UTF-8, bounded, and never echoed in errors") {
    CHECK(parse_note("note", "  felt \"loose\", slept well\nsecond line ") ==
          "felt \"loose\", slept well\nsecond line");
    CHECK_THROWS_WITH_AS(parse_note("note", std::string(5000, 'x')),
                         "note is too long: 5000 bytes, at most 4000 are allowed", InputError);
    CHECK_THROWS_WITH_AS(parse_note("note", "secret \xff"), "note is not valid UTF-8 text",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_note("note", "secret \x1b[31m"),
                         "note contains a control character; only text, tabs and line breaks "
                         "are allowed",
                         InputError);
}

TEST_CASE("uuids") {
    CHECK(parse_uuid("uuid", "0F8FAD5B-D9CB-469F-A165-70867728950E") ==
          "0f8fad5b-d9cb-469f-a165-70867728950e");
    CHECK_THROWS_WITH_AS(parse_uuid("uuid", "0f8fad5b"),
                         "uuid must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e, got "
                         "\"0f8fad5b\"",
                         InputError);
}

TEST_CASE("records: what belongs to a check-in and what to a session") {
    Record checkin;
    SUBCASE("a check-in needs a value") {
        CHECK_THROWS_WITH_AS(validate_record(checkin),
                             "a check-in needs at least one of pain, mood, sleep hours or sleep "
                             "quality",
                             InputError);
    }
    SUBCASE("a check-in has no minutes") {
        checkin.pain = 3;
        checkin.minutes = 60;
        CHECK_THROWS_AS(validate_record(checkin), InputError);
    }
    SUBCASE("a session has no pain (only pain_before)") {
        Record session;
        session.type = RecordType::session;
        CHECK_NOTHROW(validate_record(session));
        session.pain = 3;
        CHECK_THROWS_AS(validate_record(session), InputError);
    }
}

TEST_CASE("values quoted in errors stay on one line and short") {
    CHECK(shown_value("7,5") == "7,5");
    CHECK(shown_value("a\tb\nc") == "a\\tb\\nc");
    CHECK(shown_value(std::string("4\0x", 3)) == "4\\x00x");
    CHECK(shown_value("bad \xff\xfe") == "bad \\xFF\\xFE");
    CHECK(shown_value("h\xc3\xa9") == "h\xc3\xa9"); // UTF-8 is kept as it is
    CHECK(shown_value(std::string(100, 'x')) == std::string(40, 'x') + "\xe2\x80\xa6");
    CHECK(shown_value(std::string(39, 'x') + "\xc3\xa9yz") ==
          std::string(39, 'x') + "\xc3\xa9\xe2\x80\xa6"); // never half a character
    CHECK_THROWS_WITH_AS(parse_scale("pain", "4\n5"),
                         "pain must be a whole number from 0 to 10, got \"4\\n5\"", InputError);
}
