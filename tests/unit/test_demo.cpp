#include "relief/core/record/demo.hpp"
#include "relief/core/record/validate.hpp"
#include "relief/core/text/splitmix64.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace relief;

TEST_CASE("SplitMix64 matches analysis.md §3") {
    SplitMix64 rng(20240601);
    CHECK(rng.next() == 0x068765767c3cf2f8ULL);
    CHECK(rng.next() == 0xa2539ed8ea3f7e6bULL);
}

TEST_CASE("the demo journal is deterministic and realistic") {
    const DayNumber end = days_from_civil(2026, 11, 23);
    const std::int64_t now = std::int64_t{end} * 86400 + 23 * 3600;
    const auto a = make_demo_journal(end, 12, 7, now);
    const auto b = make_demo_journal(end, 12, 7, now);
    const auto c = make_demo_journal(end, 12, 8, now);
    CHECK(a == b);
    CHECK(a != c);

    int checkins = 0;
    int sessions = 0;
    int backfilled = 0;
    int notes = 0;
    std::set<DayNumber> logged;
    for (const Record& r : a) {
        CHECK_NOTHROW(validate_record(r));
        CHECK(r.at.utc <= now);
        CHECK(r.recorded_at.utc <= now);
        const DayNumber day = diary_day(r.at, 240);
        CHECK(day > end - 84);
        CHECK(day <= end);
        if (r.is_checkin()) {
            ++checkins;
            logged.insert(day);
        } else {
            ++sessions;
        }
        backfilled += is_backfilled(r) ? 1 : 0;
        notes += r.note.empty() ? 0 : 1;
    }
    CHECK(sessions >= 84 / 10);
    CHECK(sessions <= 84 / 5 + 1);
    CHECK(logged.size() < 84); // some days missed
    CHECK(logged.size() > 84 * 3 / 4);
    CHECK(checkins > static_cast<int>(logged.size())); // several check-ins on some days
    CHECK(backfilled >= 1);
    CHECK(notes >= 1);
}
