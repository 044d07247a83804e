// Version 2 of the analysis (docs/methods.md): the worked examples A and B,
// the window from the journal's first day, the weekly trend's label, the
// flags of R4, R7 right after a session and R8 the answer.
#include "analysis/sections.hpp"
#include "relief/analysis/report.hpp"
#include "report_fixtures.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace relief;
using namespace relief::analysis;

using namespace relief::test;

namespace {

// Worked example A: pain 6, sessions on days 7, 14, …, 49, pain 3 on the two days after.
ReportInput example_a() {
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 56; ++t) {
        const bool relief = t >= 8 && (t - 1) % 7 < 2 && t <= 51;
        in.checkins.push_back(pain(start + t, relief ? 3 : 6));
        if (t >= 7 && t <= 49 && t % 7 == 0) {
            in.sessions.push_back(session(start + t));
        }
    }
    in.journal_start = start;
    return in;
}

// Worked example B: y = 8 − 0.1·t (ten check-ins a day), sessions on days 14, 21, …, 49.
ReportInput example_b() {
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 56; ++t) {
        const int total = 80 - t;
        for (int k = 0; k < 10; ++k) {
            in.checkins.push_back(pain(start + t, total / 10 + (k < total % 10 ? 1 : 0)));
        }
        if (t >= 14 && t <= 49 && t % 7 == 0) {
            in.sessions.push_back(session(start + t));
        }
    }
    in.journal_start = start;
    return in;
}

} // namespace

TEST_CASE("worked example A (§5): weekly relief") {
    const Report r = build_report(settings(), example_a());
    CHECK(r.trend.slope_per_week.value() == doctest::Approx(-0.0714).epsilon(0.01));
    REQUIRE(r.trend.ci);
    CHECK(r.trend.ci->low == doctest::Approx(-0.17).epsilon(0.05));
    CHECK(r.trend.ci->high == doctest::Approx(0.03).epsilon(0.2));
    CHECK(r.trend.label == TrendLabel::no_meaningful_change);
    CHECK_FALSE(r.before_after.available); // 7 days before the first session, 14 needed
    const AfterSessions& a = r.after_sessions;
    REQUIRE(a.available);
    CHECK(*a.profile[1].vs_before == doctest::Approx(-2.98).epsilon(0.01));
    CHECK(*a.profile[2].vs_before == doctest::Approx(-2.98).epsilon(0.01));
    CHECK(a.profile[7].n == 0);
    CHECK(a.relief_days == 2);
    CHECK(a.relief_from == 1);
    CHECK_FALSE(a.censored);
    CHECK(*a.effect.value == doctest::Approx(-1.98).epsilon(0.01));
    REQUIRE(a.effect.ci);
    CHECK(a.effect.ci->low == doctest::Approx(-1.98).epsilon(0.01));
    CHECK(*a.effect_pct == doctest::Approx(-33).epsilon(0.02));
    CHECK(*a.nap.value == doctest::Approx(0.83).epsilon(0.01));
    CHECK(a.verdict == AfterVerdict::consistently_lower);
    CHECK(a.carryover_possible);
    CHECK(*a.carryover_gap_days == 7);
    CHECK_FALSE(a.day_after_higher);
    CHECK_FALSE(r.dose.available); // x = 0 in only one week
    const Answer& ans = r.answer;
    CHECK(ans.helps == Helps::lower_after);
    CHECK(*ans.sessions_lower == 7);
    CHECK(ans.sessions_counted == 7);
    CHECK(ans.relief_days == 2);
    CHECK(*ans.median_gap_days == 7);
    CHECK(*ans.relief_day_share == doctest::Approx(14.0 / 49.0));
}

TEST_CASE("worked example B (§5): improving anyway, and too close to tell") {
    const Report r = build_report(settings(), example_b());
    CHECK(*r.trend.slope_per_week == doctest::Approx(-0.7));
    CHECK(r.trend.exact_fit);
    CHECK_FALSE(r.trend.ci);
    CHECK(r.trend.label == TrendLabel::substantial_improvement); // an exact fit: the label stands
    REQUIRE(r.before_after.available);
    CHECK(r.before_after.trend_warning);
    const AfterSessions& a = r.after_sessions;
    CHECK(std::fabs(*a.effect.value) < 1e-9);
    CHECK(a.relief_days == 0);
    CHECK_FALSE(a.relief_from);
    CHECK(a.verdict == AfterVerdict::no_consistent_difference);
    CHECK(a.nap_trend_note);
    CHECK(r.dose.verdict == DoseVerdict::explained_by_trend);
    CHECK(r.answer.helps == Helps::too_close_to_tell);
    CHECK_FALSE(r.answer.has_relief_days);
}

TEST_CASE("the window starts at the journal: cut to whole weeks, journal days only") {
    // 10 weeks of journal, 26 asked: N' = ceil(70 / 7) = 10.
    ReportInput in;
    const DayNumber J = k_end - 66; // 67 journal days: the first week starts 3 days early
    for (DayNumber d = J; d <= k_end; ++d) {
        in.checkins.push_back(pain(d, 5));
    }
    for (DayNumber d = J + 10; d <= k_end; d += 10) {
        in.sessions.push_back(session(d));
    }
    in.journal_start = J;
    const Report r = build_report(settings(26), in);
    CHECK(r.window().weeks == 10);
    CHECK(r.journal.weeks_asked == 26);
    CHECK(r.journal.first_journal_index == 3);
    CHECK(r.journal.journal_days() == 67);
    CHECK(r.coverage.fraction == doctest::Approx(1.0));
    CHECK(r.weeks.front().journal_days == 4);
    CHECK(r.weeks.back().journal_days == 7);
    // The longest gap counts from J (day 3), not from the window's first day:
    // days 3 … 12 before the first session on day 13.
    REQUIRE(r.dose.available);
    CHECK(r.dose.longest_gap_days == 10);
    const JournalWindow before = journal_window(Window{k_end, 8}, k_end + 5);
    CHECK(before.window.weeks == 8);
    CHECK(before.first_journal_index == 56);
    CHECK(before.journal_days() == 0);
    const JournalWindow none = journal_window(Window{k_end, 8}, std::nullopt);
    CHECK(none.first_journal_index == 0);
    const JournalWindow older = journal_window(Window{k_end, 8}, k_end - 400);
    CHECK(older.window.weeks == 8);
    CHECK(older.first_journal_index == 0);
}

TEST_CASE("R2: a first-vs-last change the weekly trend does not back is no clear change") {
    // Stable noise: weeks alternate, the first two weeks high, the last two low.
    ReportInput in;
    const DayNumber start = k_end - 55;
    const int week_level[8] = {6, 6, 4, 6, 4, 6, 4, 4};
    for (int t = 0; t < 56; ++t) {
        in.checkins.push_back(pain(start + t, week_level[t / 7] + (t % 2)));
    }
    in.journal_start = start;
    const Report r = build_report(settings(), in);
    REQUIRE(r.trend.pct_change);
    CHECK(*r.trend.pct_change < -10);
    CHECK(r.trend.label == TrendLabel::no_clear_change);
}

TEST_CASE("R4 flags: soreness on the day after, logging mostly after sessions") {
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 56; ++t) {
        const int since = t % 10; // sessions every 10 days, on day 0 of each cycle
        const bool after = since >= 1 && since <= 3;
        const int value = since == 1 ? 8 : 5;
        // The 3 days before a session are logged (so episodes count), the
        // other days away from sessions (4 … 6 after one) only one in three.
        if (after || since == 0 || since >= 7 || since == 5) {
            in.checkins.push_back(pain(start + t, value));
        }
        if (since == 0) {
            in.sessions.push_back(session(start + t));
        }
    }
    in.journal_start = start;
    const Report r = build_report(settings(), in);
    const AfterSessions& a = r.after_sessions;
    REQUIRE(a.available);
    CHECK(a.day_after_higher);
    CHECK_FALSE(a.carryover_possible); // 10-day gaps
    REQUIRE(a.coverage_after);
    CHECK(*a.coverage_after == doctest::Approx(1.0));
    CAPTURE(*a.coverage_other);
    CHECK(a.uneven_logging);
}

TEST_CASE("R7: the pain typed before a session and the check-ins within 6 hours after") {
    ReportInput in;
    const DayNumber start = k_end - 55;
    for (int t = 0; t < 56; ++t) {
        in.checkins.push_back(pain(start + t, 5, 20)); // 9 h after: not counted
    }
    for (int k = 0; k < 4; ++k) {
        const DayNumber d = start + 5 + 10 * k;
        in.sessions.push_back(session(d, 10, 60, 7));
        in.checkins.push_back(pain(d, 3, 12)); // 1 h after the end
        in.checkins.push_back(pain(d, 2, 11)); // at the end exactly
    }
    // A session without pain before, and one whose check-in comes after the next session.
    in.sessions.push_back(session(start + 50));
    in.journal_start = start;
    const Report r = build_report(settings(), in);
    const RightAfter& r7 = r.right_after;
    REQUIRE(r7.available);
    CHECK(r7.sessions == 4);
    CHECK(*r7.before_mean == 7);
    CHECK(*r7.after_mean == 2.5);
    CHECK(*r7.change.value == -4.5);
    CHECK_FALSE(r7.change.ci); // fewer than 6
    CHECK(r7.sessions_lower == 4);
}

TEST_CASE("R8: too early says how many more sessions or days") {
    ReportInput in;
    for (int t = 0; t < 3; ++t) {
        in.checkins.push_back(pain(k_end - t, 5));
    }
    in.journal_start = k_end - 2;
    Report r = build_report(settings(), in);
    CHECK(r.answer.helps == Helps::too_early);
    CHECK(*r.answer.more_days_needed == 4);
    CHECK_FALSE(r.answer.more_sessions_needed);
    CHECK(r.window().weeks == 1); // a 3-day-old journal: one week shown
    ReportInput more;
    const DayNumber start = k_end - 27;
    for (int t = 0; t < 28; ++t) {
        more.checkins.push_back(pain(start + t, 5 + t % 2));
    }
    more.sessions = {session(start + 10), session(start + 20)};
    more.journal_start = start;
    r = build_report(settings(), more);
    CHECK(r.answer.helps == Helps::too_early);
    CHECK(*r.answer.more_sessions_needed == 4);
    CHECK_FALSE(r.answer.more_days_needed);
    CHECK(*r.answer.median_gap_days == 10);
    CHECK_FALSE(r.answer.effect_points); // R4 is unavailable: nothing estimated
}
