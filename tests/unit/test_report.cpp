#include "analysis/sections.hpp"
#include "relief/analysis/report.hpp"
#include "report_fixtures.hpp"

#include <doctest/doctest.h>

using namespace relief;
using namespace relief::analysis;

using namespace relief::test;

TEST_CASE("episodes: session days at most 3 apart join") {
    const auto eps = find_episodes({13, 1, 2, 5, 9, 20, 2});
    REQUIRE(eps.size() == 4);
    CHECK(eps[0].first == 1);
    CHECK(eps[0].last == 5);
    CHECK(eps[1].first == 9);
    CHECK(eps[2].first == 13);
    CHECK(eps[3].last == 20);
    CHECK(find_episodes({}).empty());
}

TEST_CASE("the window: T = 7N days ending on E") {
    const Window w{k_end, 8};
    CHECK(w.days() == 56);
    CHECK(format_date(w.start()) == "2026-09-28");
    CHECK(w.index(k_end) == 55);
    CHECK_FALSE(w.contains(w.start() - 1));
}

TEST_CASE("daily series: pain and mood are means, sleep the latest recorded") {
    const Window w{k_end, 1};
    const DayNumber d = w.start();
    std::vector<CheckinInput> in;
    in.push_back(pain(d, 4, 8));
    in.push_back(pain(d, 7, 20));
    CheckinInput s1 = pain(d, 5, 9, 1);
    s1.pain.reset();
    s1.sleep_hours = 6.0;
    s1.recorded_utc = at(d, 21);
    CheckinInput s2 = s1; // same recorded_at, later at: wins
    s2.at_utc = at(d, 10);
    s2.sleep_hours = 7.0;
    CheckinInput s3 = s2; // same recorded_at and at, stored later: wins
    s3.stored = 2;
    s3.sleep_hours = 8.0;
    CheckinInput s4 = s1; // recorded earlier: loses despite the latest at
    s4.at_utc = at(d, 23);
    s4.recorded_utc = at(d, 20);
    s4.sleep_hours = 4.0;
    for (const auto& c : {s1, s3, s2, s4}) {
        in.push_back(c);
    }
    const DailySeries series = daily_series(w, in);
    CHECK(*series.pain[0] == 5.5);
    CHECK(*series.sleep[0] == 8.0);
    CHECK_FALSE(series.mood[0]);
    CHECK(series.observed() == std::vector<int>{0});
}

TEST_CASE("too little data: R0 and R1 only, with the reason") {
    std::vector<CheckinInput> in;
    for (int i = 0; i < 3; ++i) {
        in.push_back(pain(k_end - i, 5));
    }
    const Report r = build_report(settings(), ReportInput{in, {}, {}});
    CHECK_FALSE(r.enough_data);
    CHECK(r.coverage.days_logged == 3);
    CHECK(r.trend.reason == "Not enough data yet (3 of 7 days)");
    CHECK_FALSE(r.after_sessions.available);
    CHECK_FALSE(r.sleep_mood.available);
    CHECK(r.weeks.size() == 8);
    CHECK_FALSE(r.weeks.back().pain); // 3 days < 4
    CHECK(r.weeks.back().days_logged == 3);
}

TEST_CASE("backfilled check-ins are counted, or left out with --exclude-backfilled") {
    std::vector<CheckinInput> in;
    for (int i = 0; i < 10; ++i) {
        in.push_back(pain(k_end - i, 5));
    }
    in[0].backfilled = true;
    Settings s = settings();
    CHECK(build_report(s, ReportInput{in, {}, {}}).coverage.backfilled == 1);
    s.exclude_backfilled = true;
    const Report r = build_report(s, ReportInput{in, {}, {}});
    CHECK(r.coverage.backfilled == 0);
    CHECK(r.coverage.checkins == 9);
    CHECK(r.coverage.days_logged == 9);
}

TEST_CASE("lag 0 counts only check-ins made after the day's last session ended") {
    const Settings s = settings();
    const DayNumber start = s.window.start();
    std::vector<CheckinInput> in;
    std::vector<SessionInput> sessions;
    for (int t = 0; t < 56; ++t) {
        in.push_back(pain(start + t, 6, 20));
    }
    for (int t = 7; t < 56; t += 7) {
        sessions.push_back(session(start + t, 10, 60));
        sessions.push_back(session(start + t, 18, 90)); // the last session ends 19:30
        in.push_back(pain(start + t, 0, 19));           // during it: not lag 0
        in.push_back(pain(start + t, 2, 19, 1));
        in.back().at_utc = at(start + t, 19, 30); // exactly at its end: lag 0
    }
    const Report r = build_report(s, ReportInput{in, sessions, {}});
    REQUIRE(r.after_sessions.available);
    // lag 0 = mean(6 at 20:00, 2 at 19:30) = 4, vs a pre-session level of about 6
    CHECK(*r.after_sessions.profile[0].vs_before == doctest::Approx(-2.0).epsilon(0.05));
    CHECK(r.coverage.sessions == 14);
    CHECK(r.coverage.episodes == 7);
    CHECK(r.weeks[1].sessions == 2);
    CHECK(r.weeks[1].massage_minutes == 150);
}

TEST_CASE("R3 needs sessions to begin in the window") {
    const Settings s = settings();
    const DayNumber start = s.window.start();
    std::vector<CheckinInput> in;
    for (int t = 0; t < 56; ++t) {
        in.push_back(pain(start + t, 5 + (t % 3)));
    }
    std::vector<SessionInput> sessions = {session(start + 20), session(start + 30)};
    CHECK(build_report(s, ReportInput{in, sessions, {}}).before_after.available);
    sessions.push_back(session(start - 8)); // within 28 days before the first one
    const Report r = build_report(s, ReportInput{in, sessions, {}});
    CHECK_FALSE(r.before_after.available);
    CHECK(r.before_after.reason ==
          "sessions did not begin in the window: there was a session in the 28 days before the "
          "first one");
}

TEST_CASE("R5: a two-week count on a straight line in w has no adjusted slope") {
    const Settings s = settings();
    const DayNumber start = s.window.start();
    std::vector<CheckinInput> in;
    for (int t = 0; t < 56; ++t) {
        in.push_back(pain(start + t, 3 + (t * 7 % 5)));
    }
    // x alternates 0, 1, 0, 1, …: z = x + previous = 1 every week after the
    // first (week −1 has a session too), so z is constant: singular.
    std::vector<SessionInput> sessions = {session(start - 3)};
    for (int w = 1; w < 8; w += 2) {
        sessions.push_back(session(start + 7 * w + 2));
    }
    const Report r = build_report(s, ReportInput{in, sessions, {}});
    REQUIRE(r.dose.available);
    CHECK(r.dose.per_session_adjusted);
    CHECK_FALSE(r.dose.per_session_14d_adjusted);
    CHECK_FALSE(r.dose.spearman_14d);
    CHECK(r.dose.share_weeks_with_session == 0.5);
}
