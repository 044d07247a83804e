#include "relief/core/entry/entry.hpp"
#include "relief/core/error.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace relief;

namespace {
// 2026-11-23 20:00 UTC (the tests run in UTC).
const Instant k_now{std::int64_t{days_from_civil(2026, 11, 23)} * 86400 + 20 * 3600, 0};
} // namespace

TEST_CASE("a check-in from flags") {
    EntryValues v;
    v["pain"] = "4";
    v["sleep_hours"] = "7.5";
    v["mood"] = "6";
    v.list("areas") = {"lower-back;Neck", "neck"};
    v.list("tags") = {"gardening"};
    v["note"] = " stiff ";
    const auto records = make_log_records(v, Config{}, k_now);
    REQUIRE(records.size() == 1);
    const Record& r = records[0];
    CHECK(r.type == RecordType::checkin);
    CHECK(r.at == k_now);
    CHECK(r.recorded_at == k_now);
    CHECK(r.pain == 4);
    CHECK(r.mood == 6);
    CHECK(r.sleep_hours == 7.5);
    CHECK(r.areas == std::vector<std::string>{"lower-back", "neck"});
    CHECK(r.note == "stiff");
    CHECK(r.uuid.size() == 36);
    CHECK(describe(r) == "pain 4, mood 6, sleep 7.5 h");
}

TEST_CASE("a session that just ended, with the pain after it") {
    EntryValues v;
    v["minutes"] = "60";
    v["kind"] = "deep-tissue";
    v["pain_before"] = "6";
    v["pain"] = "3";
    const auto records = make_log_records(v, Config{}, k_now);
    REQUIRE(records.size() == 2);
    CHECK(records[0].type == RecordType::session);
    CHECK(records[0].at.utc == k_now.utc - 3600);
    CHECK(records[0].minutes == 60);
    CHECK(describe(records[0]) == "deep-tissue, 60 min, pain before 6");
    CHECK(records[1].type == RecordType::checkin);
    CHECK(records[1].at.utc == k_now.utc); // at the session's end
    CHECK(records[0].uuid != records[1].uuid);
}

TEST_CASE("--at is a session's start; its check-in comes at the session's end") {
    EntryValues v;
    v["minutes"] = "45";
    v["pain"] = "2";
    v.at = "yesterday 17:00";
    const auto records = make_log_records(v, Config{}, k_now);
    REQUIRE(records.size() == 2);
    CHECK(format_iso(records[0].at) == "2026-11-22T17:00:00+00:00");
    CHECK(format_iso(records[1].at) == "2026-11-22T17:45:00+00:00");
    CHECK(records[1].recorded_at == k_now);
}

TEST_CASE("session defaults come from the config") {
    Config config;
    config.default_kind = "swedish";
    config.default_minutes = 50;
    EntryValues v;
    v["therapist"] = "Ana";
    v["kind"] = "self";
    auto records = make_log_records(v, config, k_now);
    REQUIRE(records.size() == 1);
    CHECK(records[0].kind == "self");
    CHECK(records[0].minutes == 50); // the default length
    CHECK(records[0].therapist == "Ana");
    EntryValues timed;
    timed["minutes"] = "30";
    records = make_log_records(timed, config, k_now);
    CHECK(records[0].kind == "swedish"); // the default kind
    CHECK(records[0].minutes == 30);
}

TEST_CASE("a session needs --massage or --kind: --pain-before or --therapist alone is refused") {
    EntryValues v;
    v["pain_before"] = "6";
    CHECK_THROWS_WITH_AS(make_log_records(v, Config{}, k_now),
                         "--pain-before and --therapist belong to a session: log them with it, "
                         "after the massage (relief log --massage 60 --pain-before 6 --pain 3)",
                         InputError);
    EntryValues t;
    t["therapist"] = "Ana";
    t["pain"] = "3";
    CHECK_THROWS_AS(make_log_records(t, Config{}, k_now), InputError);
}

TEST_CASE("nothing to log, and bad values, are refused before anything is made") {
    CHECK_THROWS_WITH_AS(make_log_records(EntryValues{}, Config{}, k_now),
                         "nothing to log: give at least one of --pain, --mood, --sleep, "
                         "--sleep-quality or --massage MINUTES (see relief log --help)",
                         InputError);
    EntryValues v;
    v["pain"] = "11";
    CHECK_THROWS_WITH_AS(make_log_records(v, Config{}, k_now),
                         "pain must be a whole number from 0 to 10, got \"11\"", InputError);
    v["pain"] = "";
    CHECK_THROWS_AS(make_log_records(v, Config{}, k_now), InputError);
}

TEST_CASE("apply_values edits only what was given") {
    Record r = make_log_records(
        [] {
            EntryValues v;
            v["pain"] = "4";
            v["mood"] = "5";
            v["note"] = "first";
            return v;
        }(),
        Config{}, k_now)[0];
    EntryValues change;
    change["pain"] = "2";
    change["mood"] = ""; // clears
    apply_values(r, change, Today{k_now});
    CHECK(r.pain == 2);
    CHECK_FALSE(r.mood);
    CHECK(r.note == "first");
    EntryValues wrong;
    wrong["minutes"] = "30";
    CHECK_THROWS_AS(apply_values(r, wrong, Today{k_now}), InputError);
    EntryValues empty_all;
    empty_all["pain"] = "";
    CHECK_THROWS_AS(apply_values(r, empty_all, Today{k_now}), InputError);
}

TEST_CASE("short ids") {
    CHECK(short_id("0f8fad5b-d9cb-469f-a165-70867728950e") == "0f8fad5b");
}
