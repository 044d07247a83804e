#include "relief/core/text/text.hpp"

#include <doctest/doctest.h>

using namespace relief;

TEST_CASE("count_of: one is singular, every other count plural") {
    CHECK(count_of(1, "session") == "1 session");
    CHECK(count_of(0, "session") == "0 sessions");
    CHECK(count_of(2, "day") == "2 days");
    CHECK(count_of(-1, "day") == "-1 days");
    CHECK(count_of(1, "entry", "entries") == "1 entry");
    CHECK(count_of(3, "entry", "entries") == "3 entries");
}

TEST_CASE("wrap: words to a width, in columns not bytes, with a hanging indent") {
    CHECK(wrap("one two three", 9, "", "  ") == "one two\n  three\n");
    CHECK(wrap("short", 80, "> ", "  ") == "> short\n");
    // "·" is two bytes and one column: the line fits in 7 columns.
    CHECK(wrap("a · b · c", 9, "", "") == "a · b · c\n");
    CHECK(wrap("a · b · c", 8, "", "") == "a · b ·\nc\n");
    // A word longer than the width stays whole on its own line.
    CHECK(wrap("x averyveryverylongword y", 10, "", "") == "x\naveryveryverylongword\ny\n");
}

TEST_CASE("or_list: the words as a sentence lists them") {
    CHECK(or_list({}) == "");
    CHECK(or_list({"csv"}) == "csv");
    CHECK(or_list({"csv", "json"}) == "csv or json");
    CHECK(or_list({"text", "json", "csv"}) == "text, json or csv");
}
