#include "relief/analysis/today.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace relief;

namespace {

Record checkin(DayNumber day, int hour, std::optional<int> pain) {
    Record r;
    r.type = RecordType::checkin;
    r.at = Instant{std::int64_t{day} * 86400 + hour * 3600, 0};
    r.pain = pain;
    return r;
}

} // namespace

TEST_CASE("today at a glance: the latest pain, the 7-day mean of daily means, the streak") {
    const DayNumber today = days_from_civil(2026, 11, 23);
    const std::vector<Record> checkins = {
        checkin(today - 9, 20, 9), // outside the 7 days, and a gap before the streak
        checkin(today - 3, 20, 6), checkin(today - 3, 21, 2), // day mean 4
        checkin(today - 2, 20, 5), checkin(today - 1, 20, std::nullopt),
        checkin(today, 9, 3),      checkin(today, 20, 1),
        checkin(today + 1, 2, 7), // 02:00 the next morning: still today's diary day
    };
    Record session;
    session.type = RecordType::session;
    session.at = Instant{std::int64_t{today - 5} * 86400 + 15 * 3600, 0};
    const analysis::Glance g = analysis::summarize_today(checkins, session, today, 240, 4);
    CHECK(g.checkins_today == 3);
    CHECK(g.last_pain == 7);
    CHECK(g.days_with_pain_7d == 3);
    CHECK(*g.mean_pain_7d == doctest::Approx((4.0 + 5.0 + 11.0 / 3.0) / 3));
    CHECK(g.streak == 4);
    CHECK(g.days_since_session == 5);
    CHECK(g.session_due_in == -1);
    CHECK(analysis::days_since(session, today, 240) == 5);
}

TEST_CASE("a streak that ends yesterday still counts until today is logged") {
    const DayNumber today = days_from_civil(2026, 11, 23);
    const std::vector<Record> checkins = {checkin(today - 2, 20, 4), checkin(today - 1, 20, 4)};
    const analysis::Glance g = analysis::summarize_today(checkins, std::nullopt, today, 240, 14);
    CHECK(g.streak == 2);
    CHECK(g.checkins_today == 0);
    CHECK_FALSE(g.days_since_session);
    CHECK_FALSE(g.session_due_in);
}
