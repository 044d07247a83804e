#include "relief/core/error.hpp"
#include "relief/core/record/record_fields.hpp"
#include "relief/core/record/record_format.hpp"
#include "relief/core/record/record_reader.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace relief;

namespace {

struct Result {
    std::vector<Record> records;
    std::vector<std::string> problems; // "LINE: message"
};

const Instant k_now{std::int64_t{days_from_civil(2026, 11, 23)} * 86400 + 20 * 3600, 0};

Result read(const std::string& text, bool json = false,
            ImportRules rules = {Today{k_now}, std::nullopt, {}}) {
    std::istringstream in(text);
    Result result;
    RecordHandler handler;
    handler.on_record = [&](std::size_t, const Record& r) { result.records.push_back(r); };
    handler.on_problem = [&](std::size_t line, const std::string& m) {
        result.problems.push_back(std::to_string(line) + ": " + m);
    };
    json ? read_json_records(in, rules, handler) : read_csv_records(in, rules, handler);
    return result;
}

const std::string k_uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

} // namespace

TEST_CASE("CSV: the type is read without case or surrounding blanks") {
    const Result r = read("type,at,pain\n CHECKIN\t,2026-11-20T20:00:00-05:00,4\n"
                          "Session ,2026-11-20T10:00:00-05:00,\n");
    CHECK(r.problems.empty());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].is_checkin());
    CHECK(!r.records[1].is_checkin());
}

TEST_CASE("CSV: columns by name, in any order") {
    const Result r =
        read("pain,at,type,uuid\n4,2026-11-20T20:00:00-05:00,checkin," + k_uuid + "\n");
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].uuid == k_uuid);
    CHECK(r.records[0].pain == 4);
    CHECK(format_iso(r.records[0].at) == "2026-11-20T20:00:00-05:00");
    CHECK(r.records[0].recorded_at == r.records[0].at); // missing recorded_at means at
}

TEST_CASE("CSV: what import fills in") {
    const Result r =
        read("type,at,sleep_hours,areas\ncheckin,2026-11-20 20:00,7.5,neck;lower-back\n");
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].uuid.size() == 36);      // a new uuid
    CHECK(r.records[0].at.offset_minutes == 0); // local zone (UTC in the tests)
    CHECK(r.records[0].areas == std::vector<std::string>{"neck", "lower-back"});
}

TEST_CASE("CSV: every bad row is reported with its line, reading goes on") {
    const Result r = read("type,at,pain,minutes\n"
                          "checkin,2026-11-01T10:00Z,4,\n"
                          "checkin,2026-11-02T10:00Z,14,\n"
                          "session,2026-11-03T10:00Z,3,60\n"
                          "walk,2026-11-03T10:00Z,,\n"
                          "checkin,2026-11-31T10:00Z,2,\n"
                          "checkin,2026-11-04T10:00Z,2\n"
                          "checkin,,2,\n");
    CHECK(r.records.size() == 1);
    CHECK(r.problems ==
          std::vector<std::string>{
              "3: pain must be a whole number from 0 to 10, got \"14\"",
              "4: a session cannot have pain, mood, sleep_hours or sleep_quality; log those as a "
              "check-in (pain_before is the session's own)",
              "5: type must be checkin or session, got \"walk\"",
              "6: at \"2026-11-31T10:00Z\" is not a date in the calendar (years 1900-9999, "
              "months 01-12, days that the month has)",
              "7: the row has 3 fields, the header has 4",
              "8: at is missing; every record needs its date-time"});
}

TEST_CASE("CSV: header problems stop the import") {
    CHECK_THROWS_WITH_AS(read("type,at,colour\n"),
                         "1: unknown column \"colour\" (the columns are uuid, type, at, "
                         "recorded_at, pain, mood, sleep_hours, sleep_quality, minutes, kind, "
                         "therapist, pain_before, areas, tags, note; relief import --map "
                         "\"colour=COLUMN\" names it, \"colour=\" leaves it out)",
                         InputError);
    CHECK_THROWS_WITH_AS(read("type,at,pain,pain\n"), "1: the column \"pain\" appears twice",
                         InputError);
    CHECK_THROWS_WITH_AS(read("uuid,pain\n"),
                         "1: the header has no \"type\" column (for a file of one kind of "
                         "record, relief import --type checkin or --type session)",
                         InputError);
    CHECK_THROWS_WITH_AS(read(""), "1: the file is empty; a CSV import starts with the header row",
                         InputError);
}

TEST_CASE("CSV: every problem of a row, not only the first") {
    const Result r = read("type,at,pain,mood,sleep_hours\n"
                          "checkin,2026-11-01T10:00Z,14,-1,7\n"
                          "checkin,someday,4,5,25\n");
    CHECK(r.records.empty());
    CHECK(r.problems ==
          std::vector<std::string>{
              "2: pain must be a whole number from 0 to 10, got \"14\"",
              "2: mood must be a whole number from 0 to 10, got \"-1\"",
              "3: at must be an ISO 8601 date-time like 2026-11-20T20:00:00-05:00, or written as "
              "for --at (2026-11-20, \"2026-11-20 9pm\", yesterday), got \"someday\"",
              "3: sleep_hours must be a number of hours from 0 to 24 (like 7.5), got \"25\""});
}

TEST_CASE("CSV: spreadsheet files: ';' and tab, --at's date forms, --map and --type") {
    relief::test::ScopedZone zone("UTC0");
    SUBCASE("a semicolon file with decimal commas in quotes") {
        const Result r = read("type;at;pain;note\ncheckin;2026-11-20 21:00;4;\"stiff; sore\"\n");
        CHECK(r.problems.empty());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].note == "stiff; sore");
    }
    SUBCASE("a tab file") {
        const Result r = read("type\tat\tpain\ncheckin\t2026-11-20\t4\n");
        CHECK(r.problems.empty());
        REQUIRE(r.records.size() == 1);
        CHECK(format_iso(r.records[0].at) == "2026-11-20T12:00:00+00:00");
    }
    SUBCASE("at as --at takes it") {
        const Result r = read("type,at,pain\ncheckin,2026-11-20 9pm,4\ncheckin,yesterday,3\n"
                              "checkin,2026-12-01,2\n");
        REQUIRE(r.records.size() == 2);
        CHECK(format_iso(r.records[0].at) == "2026-11-20T21:00:00+00:00");
        CHECK(format_iso(r.records[1].at) == "2026-11-22T12:00:00+00:00");
        CHECK(r.problems == std::vector<std::string>{
                                "4: at \"2026-12-01\" is in the future (now is 2026-11-23 20:00); "
                                "entries can only be logged for the past"});
    }
    SUBCASE("a phone app's columns with --map and --type") {
        ImportRules rules{Today{k_now}, RecordType::checkin,
                          parse_column_map("Date=at, Pain level=pain,Notes=note,Weather=")};
        const Result r =
            read("Date,Pain level,Notes,Weather\n2026-11-20,6,bad night,rain\n", false, rules);
        CHECK(r.problems.empty());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].is_checkin());
        CHECK(r.records[0].pain == 6);
        CHECK(r.records[0].note == "bad night");
        CHECK_THROWS_WITH_AS(read("Date,Pain level,Notes\n", false, rules),
                             "1: --map names \"weather\", which the header does not have",
                             InputError);
        CHECK_THROWS_WITH_AS(read("type,Date,Pain level,Notes,Weather\n", false, rules),
                             "1: the file has a type column; --type is for files without one",
                             InputError);
    }
    SUBCASE("bad --map text") {
        CHECK_THROWS_WITH_AS(parse_column_map("Date"),
                             "--map takes \"Header in the file=column\" pairs separated by "
                             "commas (\"Date=at,Pain level=pain\"), got \"Date\"",
                             InputError);
        CHECK_THROWS_AS(parse_column_map("Date=when"), InputError);
        CHECK_THROWS_AS(parse_column_map("Date=at,date=at"), InputError);
    }
}

TEST_CASE("CSV: an exported row reads back as the same record") {
    Record r;
    r.type = RecordType::session;
    r.uuid = k_uuid;
    r.at = Instant{1763000000, 330};
    r.recorded_at = Instant{1763100000, -300};
    r.minutes = 90;
    r.kind = "myofascial";
    r.therapist = "Dr. Ömer, \"the best\"";
    r.pain_before = 7;
    r.tags = {"a", "b"};
    r.note = "line one\nline two, with \"quotes\" — ✓";
    const Result back = read(csv_header() + "\n" + csv_row(r));
    REQUIRE(back.records.size() == 1);
    CHECK(back.records[0] == r);
}

TEST_CASE("JSON: relief.export/1") {
    const Result r = read(R"({"schema": "relief.export/1", "records": [
  {"uuid": ")" + k_uuid + R"(", "type": "checkin", "at": "2026-11-20T20:00:00-05:00",
   "pain": 4, "mood": null, "sleep_hours": 7.5, "areas": ["neck", "lower-back"],
   "note": "caf\u00e9 \ud83d\ude00"},
  {"type": "session", "at": "2026-11-21T17:00:00Z", "minutes": 60.0, "pain": 3},
  {"type": "checkin", "at": "2026-11-21T20:00:00Z", "pian": 3}
]})",
                          true);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].pain == 4);
    CHECK(r.records[0].sleep_hours == 7.5);
    CHECK(r.records[0].areas == std::vector<std::string>{"neck", "lower-back"});
    CHECK(r.records[0].note == "café 😀");
    CHECK(r.problems ==
          std::vector<std::string>{"4: a session cannot have pain, mood, sleep_hours or "
                                   "sleep_quality; log those as a check-in (pain_before is the "
                                   "session's own)",
                                   "5: unknown field \"pian\""});
}

TEST_CASE("JSON: broken files stop with the line") {
    CHECK_THROWS_WITH_AS(read("{\"schema\": \"relief.export/2\", \"records\": []}", true),
                         "1: schema must be \"relief.export/1\", got \"relief.export/2\"",
                         InputError);
    CHECK_THROWS_WITH_AS(read("{\"records\": [\n{\"type\": \"checkin\",\n\"at\" 3}]}", true),
                         "3: expected ':' in the JSON, found '3'", InputError);
    CHECK_THROWS_WITH_AS(read("{\"records\": [", true),
                         "1: expected '{' in the JSON, found the end of the file", InputError);
    CHECK_THROWS_WITH_AS(read("{}", true), "1: no \"records\" list in the JSON", InputError);
    CHECK_THROWS_WITH_AS(read("{\"records\": []} x", true),
                         "1: unexpected text after the end of the JSON", InputError);
    CHECK_THROWS_AS(read("{\"records\": [{\"note\": \"\\ud800\"}]}", true), InputError);
    CHECK_THROWS_AS(read("[[[[[[[[", true), InputError);
}
